#pragma once
// Creating an information request (POST /api/v1/requests): validation of the client's input with field
// errors named by JSON path, the rule-set decision (suggestion or the PPID's override), and the
// creation step itself (aggregate version 1, event "create", and the ppid_response clock intent).

#include "domain/elections/election_period.hpp"
#include "domain/errors.hpp"
#include "domain/requests/register_templates.hpp"
#include "domain/cases/field_checks.hpp"
#include "domain/requests/transitions.hpp"

#include <optional>
#include <string>

namespace perkara::domain {

/// The client's input as text, so that every bad value becomes a field error (the api layer copies
/// JSON strings in; a missing JSON field stays empty / nullopt).
struct new_request_input {
  std::string respondent;   // organisation code (the application layer checks it exists and is a respondent)
  std::string received_at;  // RFC 3339 with offset
  std::string channel;
  struct applicant_input {
    std::string kind;
    std::string name;
    std::optional<std::string> id_number;
    std::optional<std::string> address;
    std::optional<std::string> email;
    std::optional<std::string> phone;
  } applicant;
  std::string information_requested;
  std::string purpose;
  std::string format;
  std::string delivery_medium;
  std::optional<std::string> ruleset;                  // override: "perki_1_2019" or "general"
  std::optional<std::string> ruleset_override_reason;  // required when the override differs from the suggestion
};

/// Limits (characters, counted as UTF-8 code points).
struct new_request_limits {
  static constexpr std::size_t name = 200;
  static constexpr std::size_t information_requested = 10000;
  static constexpr std::size_t text = 2000;   // purpose, reasons, address
  static constexpr std::size_t short_text = 200;  // format, delivery_medium, id_number, phone, respondent
  static constexpr std::size_t email = 254;
};

/// Field errors of a creation input (empty = valid). Paths: respondent, received_at, channel,
/// applicant.kind, applicant.name, applicant.email, applicant.phone, applicant.id_number,
/// applicant.address, information_requested, purpose, format, delivery_medium, ruleset,
/// ruleset_override_reason.
field_errors validate_new_request(const new_request_input& input, instant now);

/// The rule set to record: the suggestion, or the PPID's override (reason override) when it differs.
/// `version` is the version of the chosen rule set in force on the receipt date (from the repository).
/// Errors: ruleset not a known name; an override that differs without ruleset_override_reason.
std::variant<ruleset_choice, field_errors> decide_ruleset(const ruleset_suggestion& suggestion,
                                                          const std::optional<std::string>& override_name,
                                                          const std::optional<std::string>& override_reason,
                                                          int version);

struct creation_context {
  std::string id;          // assigned by the application layer
  std::string number;      // register number formatted with ppid_register_templates::request
  instant now{};
  ruleset_choice ruleset;  // from decide_ruleset
};

/// Validates and builds the aggregate (state received, version 1). On success: event "create" with
/// respondent, channel, ruleset, ruleset_reason, election; intents: start ppid_response from received_at.
transition_result create_request(const new_request_input& input, const creation_context& ctx);

}  // namespace perkara::domain
