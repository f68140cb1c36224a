#pragma once
// The statutory clocks of a case, the same vocabulary for every kind (docs/case-engine.md "Clocks").
// Each kind declares its clocks as data: a table whose rows say, for a step of its workflow, which
// clock is started, extended, met or stopped, counted from which event, with the legal source beside
// the row (requests: domain/requests/deadline_intents.hpp `intent_table`; disputes:
// domain/disputes/deadline_intent.hpp `clock_table`). A transition emits the rows of its step as
// deadline intents; the application layer applies them with the rule set and the working-day calendar.

#include <string_view>

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

}  // namespace perkara::domain::cases
