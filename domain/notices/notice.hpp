#pragma once
// Notices (issue 16, docs/operations.md "Notices"): who hears what about a case. Pure: from an event,
// the facts of its case and the case's clocks, the notices to queue in the event's own transaction (the
// transactional outbox). The server's dispatcher delivers them later, with retries.

#include "domain/deadline_record.hpp"
#include "domain/org/user.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::notices {

enum class channel { email, webhook };

std::string_view to_string(channel c);
std::optional<channel> parse_channel(std::string_view text);

/// A user of an organisation of the case, as the outbox sees it: who may hear about the case by email.
struct staff_member {
  std::string username;
  std::string organisation;
  std::vector<role> roles;
  std::string email;               // empty: the user has no address, and hears nothing
  std::vector<std::string> muted;  // the notice kinds this user turned off (recipients.hpp)
};

/// What the outbox needs to know about the case an event belongs to.
struct case_facts {
  std::string case_type;     // "request" or "dispute"
  std::string case_id;
  std::string organisation;  // who handles it: the respondent of a request, the KI of a dispute
  std::string number;        // the number people see (request number, register number); may be empty
  std::optional<std::string> applicant_email;
  bool applicant_opted_out = false;
  bool organisation_has_webhooks = false;
  int utc_offset_minutes = 7 * 60;  // the organisation's, for the dates people read
  std::string respondent{};         // a dispute's respondent body (its PPID hears as the respondent)
  std::vector<std::string> panel{}; // usernames of a dispute's panel (majelis) and mediator
  std::vector<staff_member> staff{};  // the active users of `organisation` and `respondent`
};

/// One notice to queue. Texts carry the placeholder `{{base_url}}`, which the dispatcher replaces with
/// the server's public address (the domain does not know where it is served).
struct notice {
  channel via = channel::email;
  std::string recipient;  // an email address; empty for the organisation's webhooks
  std::string audience;   // "applicant", "staff" or "organisation"
  std::string kind;       // "event", "hearing", "deadline_missed", "reminder", "missed_reminder", "digest"
  std::string subject;
  std::string body_text;
  std::string body_html;
  std::string payload_json;  // the webhook's "data" object
};

inline constexpr std::string_view base_url_placeholder = "{{base_url}}";
/// In an applicant's email: replaced by the storage with the notice's own unguessable key, which is the
/// token of the opt-out link (docs/operations.md "Notices").
inline constexpr std::string_view opt_out_token_placeholder = "{{opt_out_token}}";

/// The notices an event produces. The applicant hears every step of their case when their email is
/// known and they have not opted out; the staff whose move it is hear it when they have an address and
/// have not turned the kind off (recipients.hpp); the organisation's webhooks hear every event. Events
/// that change nothing anyone outside must act on produce none (see the table in wording.cpp).
std::vector<notice> notices_for_event(const case_event& event, const case_facts& facts,
                                      const std::vector<deadline_record>& clocks);

}  // namespace perkara::domain::notices
