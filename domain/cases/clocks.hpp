#pragma once
// The statutory clocks of a case, the same vocabulary for every kind (docs/case-engine.md "Clocks").
// Each kind declares its clocks as data: a table whose rows say, for a step of its workflow, which
// clock is started, extended, met or stopped, counted from which event, with the legal source beside
// the row (requests: domain/requests/deadline_intents.hpp `intent_table`; disputes:
// domain/disputes/deadline_intent.hpp `clock_table`). A transition emits the rows of its step as
// deadline intents; the application layer applies them with the rule set and the working-day calendar.

#include "domain/rules/ruleset.hpp"
#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace perkara::domain::cases {

/// What a step does to a clock:
///  - start:  open it, its length the rule-set period, counted from the step's event (idempotent);
///  - extend: add the rule set's extension days to the open clock;
///  - meet:   the act was done on that day;
///  - stop:   close it without the act (it no longer matters, or it restarts); a missed clock stays missed.
enum class clock_op { start, extend, meet, stop };
std::string_view to_string(clock_op op);

/// Record key that stands for every open clock of the case (stop only).
inline constexpr std::string_view all_clocks = "*";

/// What a step asks of one clock: one row of its kind's table, resolved for the case. The application
/// layer applies it (api/cases/case_support.hpp `clock_book::apply`) with the rule set and the
/// organisation's working-day calendar: data only here, no dates are computed.
struct clock_intent {
  clock_op op = clock_op::start;
  std::string key;     // record key: "ppid_response", "court_objection:applicant"; all_clocks with stop
  std::string period;  // start, extend: the rule-set period giving the length
  // start: the start event, or day 0 (a silence counts from the day after a due date; local midnight);
  // meet, stop: the act, or the day it was done (an instant is read on the organisation's local date).
  std::variant<instant, civil_date> at;
  std::optional<int> days;  // start: a fixed length no period names (an order's); extend: the days added
  period_unit unit = period_unit::working_days;  // with a start's fixed `days`
  std::string source;                            // legal source of the row (docs/legal-sources.md)

  bool operator==(const clock_intent&) const = default;
};

}  // namespace perkara::domain::cases
