#pragma once
// Tallies (issue 18, docs/open-data.md "Monthly tallies"): what the measures count of one organisation's
// cases in one month, as counts per key. A report adds up the tallies of its months, so a settled month
// can be stored once and read back instead of reading every case of it again. The measures of
// domain/reports/measures.hpp are computed from tallies only, whether just built from the facts or read
// back from storage.
//
// The keys of a PPID tally (office, month of receipt; a dispute counts in its month of submission):
// received, channel:<channel>, ext (extension used), ans:period, ans:extension, ans:late, never (ended
// unanswered), open:<due date or "-"> (still open and unanswered: pending or never answered depends on
// the day the report is counted), outcome:<decision>, exempt:<letter or "none">, wd:<working days to
// answer>, objection, objection:<outcome or "pending">, disputes.
//
// The keys of a KI tally (KI, month the act happened): known (the KI had a dispute by the month's end),
// received, registered, rejected, withdrawn, lapsed, decided, route:<mediation|adjudication>,
// outcome:<outcome>, on_time, late, days:<working days registration to decision>, court (objections
// filed), court:pending or court:<date decided>:<result>, and the disputes pending at the month's last
// day in the period (or `today`, if earlier): pending, age:<band>.

#include "domain/reports/measures.hpp"

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace perkara::domain::reports {

enum class tally_kind { ppid, ki };

struct tally_key {
  std::string organisation;
  civil_date month{};  // its first day
  bool operator==(const tally_key&) const = default;
  bool operator<(const tally_key& o) const { return std::tie(organisation, month) < std::tie(o.organisation, o.month); }
};

/// Counts per key (above); a key never counted is absent.
using tally = std::map<std::string, long long, std::less<>>;
using tallies = std::map<tally_key, tally>;

/// Adds the counts of `from` to those of `into`, key by key.
void add_tallies(tallies& into, const tallies& from);

/// The first day of `d`'s month, and the last.
civil_date month_start(civil_date d);
civil_date month_end(civil_date month);

/// The PPID tallies of the requests received in `p` and the disputes submitted in it.
tallies ppid_tallies(const std::vector<request_fact>& requests, const std::vector<dispute_count>& disputes,
                     const period& p, const calendar_of& calendars);
/// The KI tallies of the acts in `p` of `disputes` (those submitted after `p` are ignored).
tallies ki_tallies(const std::vector<dispute_fact>& disputes, const period& p, civil_date today,
                   const calendar_of& calendars);

/// The measures over `t`: the tallies of the period's months (or parts of them) for the scope.
ppid_report ppid_measures(const tallies& t, const period& p, civil_date today);
ki_report ki_measures(const tallies& t, const period& p, civil_date today);

/// The whole months of `p` that ended before the day before `today` (a day's margin for Indonesia's
/// three time zones): what stored tallies may cover. None when `p` holds no such month.
std::optional<period> settled_months(const period& p, civil_date today);

}  // namespace perkara::domain::reports
