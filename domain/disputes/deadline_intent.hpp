#pragma once
// Deadline intents: what a transition asks the application layer to do with the case's statutory
// clocks (deadline_record). Data only; the application layer looks up the period in the rule set in
// force, computes `due` with the working-day calendar and stores or closes the record.

#include "domain/rules/ruleset.hpp"
#include "domain/time/instant.hpp"

#include <map>
#include <optional>
#include <string>

namespace perkara::domain::disputes {

enum class intent_kind {
  start,  // open a clock `key` from `start_at`
  meet,   // close the open clock `key` with met_on (no-op when no such clock is open)
  stop,   // close the open clock `key` without the act on met_on (it no longer matters, or it restarts)
};

struct deadline_intent {
  intent_kind kind = intent_kind::start;
  std::string key;       // record key: "ki_completion", "court_objection:applicant", "compliance:1"
  std::string period;    // rule-set period key: "ki_completion", "court_objection"; empty if `days` given
  offset_instant start_at;           // start: the start event's instant
  std::optional<int> days;           // start: fixed length not from the rule set (an order's due_days)
  period_unit unit = period_unit::working_days;  // with `days`
  std::optional<civil_date> met_on;  // meet: the day the act was done; stop: the day the clock closed
  bool optional_period = false;      // start: skip when the rule set has no value or fallback for `period`
  std::string source;                // legal source of the clock
};

/// Due dates of the case's deadline records, by record key (as stored; open or met).
using due_map = std::map<std::string, civil_date, std::less<>>;

}  // namespace perkara::domain::disputes
