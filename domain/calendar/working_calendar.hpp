#pragma once
// The working-day calendar of one organisation: Monday to Friday, less the holidays in force for it
// (docs/deadlines.md §1, rule 4; docs/legal-sources.md §5 "Definition of hari kerja" — the regulation is silent,
// so Mon–Fri less national holidays, cuti bersama and local closures is the common-practice default).
//
// A working-day index over [index_first, index_last] (1990-01-01 .. 2100-12-31 by default) makes every
// query O(1) there. Outside the index every query is still exact: counting uses a closed form over
// weekdays less the holiday list (O(log h)), and stepping (add_working_days, next_working_day) walks
// day by day (O(days walked)). No date is ever clamped.

#include "domain/calendar/holiday.hpp"
#include "domain/rules/ruleset.hpp"
#include "domain/time/civil_date.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace perkara::domain {

/// Why a day is not a working day. A holiday that falls on a weekend reports the holiday (more
/// informative than "weekend"); the day is non-working either way.
enum class closure_reason { weekend, national, cuti_bersama, election, local };

std::string_view to_string(closure_reason reason);

/// A non-working day's reason and names; names are empty for a plain weekend. The views point into
/// the calendar that answered and live as long as it does.
struct closure {
  closure_reason reason = closure_reason::weekend;
  std::string_view name_id;
  std::string_view name_en;
};

/// The holidays of `all` in force for the organisation `organisation_code` in `region_code`: the national
/// rows, its province's and its regency's, and its own (see applies_to). Without a region code, only the
/// national rows and the organisation's own.
std::vector<holiday> holidays_for(const std::vector<holiday>& all, std::string_view organisation_code,
                                  std::string_view region_code = {});

class working_calendar {
 public:
  static constexpr civil_date default_first{std::chrono::year{1990}, std::chrono::January, std::chrono::day{1}};
  static constexpr civil_date default_last{std::chrono::year{2100}, std::chrono::December, std::chrono::day{31}};

  /// `holidays` must already be filtered to one organisation (see holidays_for). Cuti bersama rows
  /// count only when `rules.cuti_bersama_is_holiday`. Several rows on one date are allowed; the reason
  /// reported is the first of national, election, cuti bersama, local.
  working_calendar(const std::vector<holiday>& holidays, const counting_rules& rules);

  /// As above with a custom index range (tests use a small one to exercise the slow paths). The range
  /// may hold at most 65535 days; a longer or inverted range throws std::invalid_argument (a bug).
  working_calendar(const std::vector<holiday>& holidays, const counting_rules& rules, civil_date index_first,
                   civil_date index_last);

  [[nodiscard]] bool is_working_day(civil_date date) const;

  /// The reason a day is closed, or nullopt for a working day.
  [[nodiscard]] std::optional<closure> non_working_reason(civil_date date) const;

  /// The first working day strictly after `date`.
  [[nodiscard]] civil_date next_working_day(civil_date date) const;

  /// `date` itself when it is a working day, else the next one.
  [[nodiscard]] civil_date working_day_on_or_after(civil_date date) const;

  /// Working day number `n` counted from `date` as day 0: for n > 0 the n-th working day after `date`,
  /// for n < 0 the |n|-th working day before it, for n == 0 `date` itself (working or not).
  [[nodiscard]] civil_date add_working_days(civil_date date, int n) const;

  /// The number of working days in (a, b] when a <= b, and minus the number in (b, a] when a > b.
  /// So working_days_between(d, add_working_days(d, n)) == n for every d when n >= 0, and for a working
  /// day d when n < 0.
  [[nodiscard]] int working_days_between(civil_date a, civil_date b) const;

  /// Calls f(civil_date, const closure&) for every non-working day in [first, last), in date order.
  /// (The deadline explanation's skipped list; walks the index without per-day searches.)
  template <class F>
  void for_each_non_working(civil_date first, civil_date last, F&& f) const {
    for_each_non_working(to_days(first), to_days(last), std::forward<F>(f));
  }
  /// As above over day numbers (callers that already hold them skip a conversion).
  template <class F>
  void for_each_non_working(std::chrono::sys_days first, std::chrono::sys_days last, F&& f) const;

  [[nodiscard]] civil_date index_first() const { return from_days(first_); }
  [[nodiscard]] civil_date index_last() const { return from_days(last_); }

 private:
  struct closed_day {
    std::chrono::sys_days day;
    closure_reason reason;
    std::string name_id;
    std::string name_en;
  };

  using days_t = std::chrono::sys_days;

  // Closures are located through a table over 64-day blocks of the index (no binary search there).
  static constexpr unsigned block_shift = 6;

  [[nodiscard]] bool in_index(days_t day) const { return day >= first_ && day <= last_; }
  [[nodiscard]] std::size_t offset(days_t day) const { return static_cast<std::size_t>((day - first_).count()); }
  // Index into closed_ of the first closure on or after `day`.
  [[nodiscard]] std::size_t first_closed_from(days_t day) const;
  [[nodiscard]] const closed_day* find_closed(days_t day) const;
  [[nodiscard]] bool slow_is_working(days_t day) const;
  // Working days in (a, b] for a <= b, for any dates, from the weekday closed form less the holidays.
  [[nodiscard]] long long slow_count(days_t a, days_t b) const;
  // Signed working-day position: working days in [first_, day], negative below the index.
  [[nodiscard]] long long position(days_t day) const;
  [[nodiscard]] days_t step(days_t day, long long n) const;

  days_t first_;
  days_t last_;
  std::vector<closed_day> closed_;                 // holidays in force, sorted by day, one per day
  std::vector<days_t> closed_keys_;                // closed_[k].day, compact for binary search
  std::vector<std::uint32_t> closed_weekdays_;     // closed_weekdays_[k]: weekday closures in closed_[0, k)
  std::vector<std::uint32_t> closed_from_block_;   // [b]: first k with closed_[k].day >= first_ + 64 b days
  std::vector<std::uint16_t> cumulative_;          // cumulative_[i]: working days in [first_, first_ + i)
  std::vector<civil_date> working_;                // the working days, ascending (dates, to skip a conversion)
};

inline std::size_t working_calendar::first_closed_from(days_t day) const {
  if (!in_index(day)) {
    return static_cast<std::size_t>(std::lower_bound(closed_keys_.begin(), closed_keys_.end(), day) -
                                    closed_keys_.begin());
  }
  // A block holds a handful of closures at most (Lebaran and its cuti bersama): a short forward scan.
  std::size_t k = closed_from_block_[offset(day) >> block_shift];
  while (k < closed_keys_.size() && closed_keys_[k] < day) {
    ++k;
  }
  return k;
}

template <class F>
void working_calendar::for_each_non_working(std::chrono::sys_days first, std::chrono::sys_days end, F&& f) const {
  auto day = first;
  // Cursor into closed_, advanced alongside `day` (both ascend).
  std::size_t cursor = first_closed_from(day);
  for (; day < end; day += std::chrono::days{1}) {
    if (in_index(day)) {
      const auto i = offset(day);
      if (cumulative_[i + 1] != cumulative_[i]) {
        continue;
      }
    }
    while (cursor < closed_keys_.size() && closed_keys_[cursor] < day) {
      ++cursor;
    }
    if (cursor < closed_keys_.size() && closed_keys_[cursor] == day) {
      const auto& c = closed_[cursor];
      f(civil_date{day}, closure{c.reason, c.name_id, c.name_en});
    } else if (const std::chrono::weekday wd{day}; wd == std::chrono::Saturday || wd == std::chrono::Sunday) {
      f(civil_date{day}, closure{closure_reason::weekend, {}, {}});
    }
  }
}

}  // namespace perkara::domain
