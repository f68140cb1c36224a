#pragma once
// Application services of the statutory clock: building an organisation's working calendar from
// storage, computing a stored clock's explanation, and moving open clocks when the calendar changes.

#include "domain/calendar/working_calendar.hpp"
#include "domain/deadline/compute.hpp"
#include "domain/deadline_record.hpp"
#include "domain/ports/database.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perkara::api {

/// The working calendar of `organisation` (its local closures included) as stored in `tx`. Calendars
/// are shared process-wide: while the holidays' revision token is unchanged only that token is read;
/// after a change (by any process) the holidays are read again, and the ~200 KB index is built only
/// for a holiday set not seen before.
std::shared_ptr<const domain::working_calendar> calendar_for(ports::transaction& tx, const std::string& organisation,
                                                             const domain::counting_rules& rules);

/// Calendars, organisations and rule-set versions loaded once per transaction.
class clock_context {
 public:
  explicit clock_context(ports::transaction& tx) : tx_(tx) {}

  const domain::organisation& organisation(const std::string& code);
  const domain::ruleset& ruleset(const std::string& name, int version);
  const domain::working_calendar& calendar(const std::string& organisation, const domain::counting_rules& rules);

  /// The explanation of a stored clock, recomputed from its inputs.
  domain::deadline_explanation explain(const domain::deadline_record& record);
  /// A new clock of `period_key` of a rule set version, started at `start`, for `organisation`.
  domain::deadline_record start_clock(std::string case_type, std::string case_id, const std::string& organisation,
                                      const domain::ruleset& rules, const std::string& period_key,
                                      domain::instant start, int extension_days = 0);
  /// A clock of a fixed length that no rule-set period names (e.g. "compliance:1", set by a decision's
  /// order), counted with the rule set's counting rules.
  domain::deadline_record start_fixed_clock(std::string case_type, std::string case_id, const std::string& organisation,
                                            const domain::ruleset& rules, const std::string& key,
                                            domain::instant start, int days, domain::period_unit unit);

 private:
  ports::transaction& tx_;
  std::map<std::string, domain::organisation> organisations_;
  std::map<std::pair<std::string, int>, domain::ruleset> rulesets_;
  std::map<std::pair<std::string, bool>, std::shared_ptr<const domain::working_calendar>> calendars_;
};

struct deadline_move {
  domain::deadline_record record;  // as it was
  domain::civil_date new_due{};
};

/// Recomputes every open clock whose due date is on or after the day of `changed` (only those can move
/// when that day opens or closes) and whose organisation the holiday's scope covers (a national row: all;
/// a province's or regency's: the organisations there; an organisation's: that one). With `apply`, saves
/// each moved clock and appends a `deadline_moved` event to its case's history saying from what, to what
/// and why; otherwise only reports (the admin's preview).
std::vector<deadline_move> recalculate_open_deadlines(ports::transaction& tx, const domain::holiday& changed,
                                                      const std::string& actor, domain::instant now,
                                                      const std::string& why, bool apply);

}  // namespace perkara::api
