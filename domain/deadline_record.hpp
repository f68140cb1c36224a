#pragma once
// A running statutory clock as stored for a case (request or dispute). The inputs are kept, not just
// the due date, so a calendar change can recompute `due` and explain the move.

#include "domain/rules/ruleset.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string>

namespace perkara::domain {

struct deadline_record {
  std::string id;
  std::string case_type;     // "request" or "dispute"
  std::string case_id;
  std::string key;           // period key, e.g. "ppid_response"
  std::string organisation;  // whose calendar and office hours count
  std::string ruleset;       // rule set name and the version in force when the clock started
  int ruleset_version = 1;
  instant start_at{};        // the start event's instant (received_at, registered_at, ...)
  int days = 0;              // period length, including any extension
  period_unit unit = period_unit::working_days;
  int extension_days = 0;    // part of `days` that came from extensions
  civil_date due{};
  std::optional<civil_date> met_on;      // set when the act was done; the clock is then closed
  std::optional<civil_date> stopped_on;  // closed without the act (request closed, case withdrawn...)

  [[nodiscard]] bool open() const { return !met_on && !stopped_on; }
};

/// An appended, never-changed record of something that happened to a case.
struct case_event {
  std::string case_type;  // "request" or "dispute"
  std::string case_id;
  int version = 0;        // the aggregate's version after this event
  std::string actor;      // user id or "system"
  instant at{};
  std::string action;     // e.g. "respond", "deadline_moved"
  std::string payload_json;
};

}  // namespace perkara::domain
