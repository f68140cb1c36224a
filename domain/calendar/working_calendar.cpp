#include "domain/calendar/working_calendar.hpp"

#include "domain/enum_names.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

namespace perkara::domain {
namespace {

using std::chrono::sys_days;

bool weekend_day(sys_days day) {
  const unsigned wd = std::chrono::weekday{day}.c_encoding();  // 0 = Sunday, 6 = Saturday
  return wd == 0 || wd == 6;
}

// Number of Monday–Friday days before `day`, counted from the Monday 1970-01-05 (negative before it).
// Differences of this give weekday counts over any range in O(1).
long long weekdays_before(sys_days day) {
  const long long t = day.time_since_epoch().count() - 4;
  long long weeks = t / 7;
  long long rem = t % 7;
  if (rem < 0) {  // floor division
    rem += 7;
    --weeks;
  }
  return 5 * weeks + std::min(rem, 5LL);
}

// Order in which a date's reason is reported when several rows share it.
int priority(closure_reason reason) {
  switch (reason) {
    case closure_reason::national: return 0;
    case closure_reason::election: return 1;
    case closure_reason::cuti_bersama: return 2;
    case closure_reason::local: return 3;
    case closure_reason::weekend: return 4;
  }
  return 4;
}

closure_reason reason_of(holiday_kind kind) {
  switch (kind) {
    case holiday_kind::national: return closure_reason::national;
    case holiday_kind::cuti_bersama: return closure_reason::cuti_bersama;
    case holiday_kind::election: return closure_reason::election;
    case holiday_kind::local: return closure_reason::local;
  }
  return closure_reason::national;
}

}  // namespace

constexpr enum_name<closure_reason> closure_reason_names[] = {
    {closure_reason::weekend, "weekend"}, {closure_reason::national, "national"},
    {closure_reason::cuti_bersama, "cuti_bersama"}, {closure_reason::election, "election"},
    {closure_reason::local, "local"}};
std::string_view to_string(closure_reason reason) { return name_in(closure_reason_names, reason); }

std::vector<holiday> holidays_for(const std::vector<holiday>& all, std::string_view organisation_code,
                                  std::string_view region_code) {
  std::vector<holiday> out;
  out.reserve(all.size());
  for (const auto& h : all) {
    if (applies_to(h, organisation_code, region_code)) {
      out.push_back(h);
    }
  }
  return out;
}

working_calendar::working_calendar(const std::vector<holiday>& holidays, const counting_rules& rules)
    : working_calendar(holidays, rules, default_first, default_last) {}

working_calendar::working_calendar(const std::vector<holiday>& holidays, const counting_rules& rules,
                                   civil_date index_first, civil_date index_last)
    : first_(to_days(index_first)), last_(to_days(index_last)) {
  const auto span = (last_ - first_).count() + 1;
  if (!index_first.ok() || !index_last.ok() || span < 1 || span > std::numeric_limits<std::uint16_t>::max()) {
    throw std::invalid_argument("working_calendar: index range must be valid and hold 1..65535 days");
  }

  closed_.reserve(holidays.size());
  for (const auto& h : holidays) {
    // Cuti bersama is a policy choice per rule set (docs/legal-sources.md §10.2; docs/deadlines.md §1, rule 5).
    if (h.kind == holiday_kind::cuti_bersama && !rules.cuti_bersama_is_holiday) {
      continue;
    }
    closed_.push_back({to_days(h.date), reason_of(h.kind), h.name_id, h.name_en});
  }
  std::stable_sort(closed_.begin(), closed_.end(), [](const closed_day& a, const closed_day& b) {
    return a.day != b.day ? a.day < b.day : priority(a.reason) < priority(b.reason);
  });
  closed_.erase(std::unique(closed_.begin(), closed_.end(),
                            [](const closed_day& a, const closed_day& b) { return a.day == b.day; }),
                closed_.end());

  closed_keys_.reserve(closed_.size());
  for (const auto& c : closed_) {
    closed_keys_.push_back(c.day);
  }
  closed_weekdays_.resize(closed_.size() + 1, 0);
  for (std::size_t k = 0; k < closed_.size(); ++k) {
    closed_weekdays_[k + 1] = closed_weekdays_[k] + (weekend_day(closed_[k].day) ? 0U : 1U);
  }

  // First closure of each 64-day block of the index.
  closed_from_block_.resize(((static_cast<std::size_t>(span) - 1) >> block_shift) + 1);
  for (std::size_t b = 0; b < closed_from_block_.size(); ++b) {
    const sys_days block_first = first_ + std::chrono::days{static_cast<long>(b << block_shift)};
    closed_from_block_[b] = static_cast<std::uint32_t>(
        std::lower_bound(closed_keys_.begin(), closed_keys_.end(), block_first) - closed_keys_.begin());
  }

  // The index: one pass over the range, merging the sorted closures.
  const auto n = static_cast<std::size_t>(span);
  cumulative_.assign(n + 1, 0);
  working_.reserve(n / 7 * 5 + 5);  // at most this many weekdays
  auto next_closed = closed_.begin() + (std::lower_bound(closed_keys_.begin(), closed_keys_.end(), first_) -
                                        closed_keys_.begin());
  std::uint16_t count = 0;
  civil_date date = index_first;  // advanced alongside `day` without a conversion per day
  for (std::size_t i = 0; i < n; ++i) {
    const sys_days day = first_ + std::chrono::days{static_cast<long>(i)};
    bool closed = weekend_day(day);
    if (next_closed != closed_.end() && next_closed->day == day) {
      closed = true;
      ++next_closed;
    }
    if (!closed) {
      working_.push_back(date);
      ++count;
    }
    cumulative_[i + 1] = count;
    date = civil_date{date.year(), date.month(), date.day() + std::chrono::days{1}};
    if (!date.ok()) {
      date = civil_date{date.year() / date.month() / std::chrono::day{1}} + std::chrono::months{1};
    }
  }
}

const working_calendar::closed_day* working_calendar::find_closed(sys_days day) const {
  const auto k = first_closed_from(day);
  return k < closed_keys_.size() && closed_keys_[k] == day ? &closed_[k] : nullptr;
}

bool working_calendar::slow_is_working(sys_days day) const { return !weekend_day(day) && !find_closed(day); }

bool working_calendar::is_working_day(civil_date date) const {
  const auto day = to_days(date);
  if (in_index(day)) {
    const auto i = offset(day);
    return cumulative_[i + 1] != cumulative_[i];
  }
  return slow_is_working(day);
}

std::optional<closure> working_calendar::non_working_reason(civil_date date) const {
  const auto day = to_days(date);
  if (in_index(day)) {
    const auto i = offset(day);
    if (cumulative_[i + 1] != cumulative_[i]) {
      return std::nullopt;
    }
  }
  if (const auto* c = find_closed(day)) {
    return closure{c->reason, c->name_id, c->name_en};
  }
  if (weekend_day(day)) {
    return closure{closure_reason::weekend, {}, {}};
  }
  return std::nullopt;
}

long long working_calendar::slow_count(sys_days a, sys_days b) const {
  const auto one = std::chrono::days{1};
  const long long weekdays = weekdays_before(b + one) - weekdays_before(a + one);
  const auto lo = std::lower_bound(closed_keys_.begin(), closed_keys_.end(), a + one) - closed_keys_.begin();
  const auto hi = std::lower_bound(closed_keys_.begin(), closed_keys_.end(), b + one) - closed_keys_.begin();
  return weekdays - static_cast<long long>(closed_weekdays_[static_cast<std::size_t>(hi)]) +
         static_cast<long long>(closed_weekdays_[static_cast<std::size_t>(lo)]);
}

long long working_calendar::position(sys_days day) const {
  if (day < first_) {
    return -slow_count(day, first_ - std::chrono::days{1});
  }
  if (day > last_) {
    return static_cast<long long>(cumulative_.back()) + slow_count(last_, day);
  }
  return cumulative_[offset(day) + 1];
}

int working_calendar::working_days_between(civil_date a, civil_date b) const {
  return static_cast<int>(position(to_days(b)) - position(to_days(a)));
}

sys_days working_calendar::step(sys_days day, long long n) const {
  const auto dir = std::chrono::days{n > 0 ? 1 : -1};
  long long left = n > 0 ? n : -n;
  while (left > 0) {
    day += dir;
    if (in_index(day) ? cumulative_[offset(day) + 1] != cumulative_[offset(day)] : slow_is_working(day)) {
      --left;
    }
  }
  return day;
}

civil_date working_calendar::add_working_days(civil_date date, int n) const {
  const auto day = to_days(date);
  if (n == 0) {
    return date;
  }
  const auto size = static_cast<long long>(working_.size());
  if (n > 0) {
    // Rank of the target among the index's working days (0-based), from the working days up to `day`.
    long long target = 0;
    if (day > last_) {
      return from_days(step(day, n));
    }
    if (day < first_) {
      const long long before = slow_count(day, first_ - std::chrono::days{1});
      if (before >= n) {
        return from_days(step(day, n));
      }
      target = n - before - 1;
    } else {
      target = cumulative_[offset(day) + 1] + n - 1LL;
    }
    if (target < size) {
      return working_[static_cast<std::size_t>(target)];
    }
    return from_days(step(last_, target - size + 1));
  }
  // n < 0: the mirror image, counting working days strictly before `day`.
  long long target = 0;
  if (day < first_) {
    return from_days(step(day, n));
  }
  if (day > last_) {
    const long long after = slow_count(last_, day - std::chrono::days{1});
    if (after >= -static_cast<long long>(n)) {
      return from_days(step(day, n));
    }
    target = size + n + after;
  } else {
    target = cumulative_[offset(day)] + static_cast<long long>(n);
  }
  if (target >= 0) {
    return working_[static_cast<std::size_t>(target)];
  }
  return from_days(step(first_, target));
}

civil_date working_calendar::next_working_day(civil_date date) const { return add_working_days(date, 1); }

civil_date working_calendar::working_day_on_or_after(civil_date date) const {
  return is_working_day(date) ? date : next_working_day(date);
}

}  // namespace perkara::domain
