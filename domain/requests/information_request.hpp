#pragma once
// The information request (permohonan informasi) held by a respondent's PPID: the aggregate that the
// PPID workflow (transitions.hpp) moves through its states. Field names and enum strings are those of
// docs/ppid-workflow.md; the data fields follow docs/legal-sources.md §6.3.

#include "domain/cases/applicant_kind.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

enum class request_channel { web, email, walk_in, letter, phone, fax };
/// received → (extended) → answered → objected → objection_answered; closed and disputed are final here.
enum class request_state { received, extended, answered, objected, objection_answered, closed, disputed };
enum class response_decision { granted, partly_granted, refused, not_held };
/// upheld = the atasan PPID confirms the PPID's answer (the objection fails); overturned = orders disclosure
/// (the objection succeeds). docs/legal-sources.md T06.
enum class objection_decision { upheld, overturned };
/// Why the rule set was used: the request fell inside an election stage period, outside all of them,
/// or a PPID chose it by hand (docs/legal-sources.md §1.5: the system only suggests, a human decides).
enum class ruleset_reason { election_period, general_period, override };
/// Objection grounds, UU 14/2008 Pasal 35(1) huruf a–g (docs/legal-sources.md §3.4).
enum class objection_ground { a, b, c, d, e, f, g };

inline constexpr request_channel all_request_channels[] = {request_channel::web,    request_channel::email,
                                                           request_channel::walk_in, request_channel::letter,
                                                           request_channel::phone,  request_channel::fax};
inline constexpr request_state all_request_states[] = {
    request_state::received,           request_state::extended, request_state::answered, request_state::objected,
    request_state::objection_answered, request_state::closed,   request_state::disputed};
inline constexpr response_decision all_response_decisions[] = {
    response_decision::granted, response_decision::partly_granted, response_decision::refused,
    response_decision::not_held};
inline constexpr objection_decision all_objection_decisions[] = {objection_decision::upheld,
                                                                 objection_decision::overturned};
inline constexpr ruleset_reason all_ruleset_reasons[] = {ruleset_reason::election_period,
                                                         ruleset_reason::general_period, ruleset_reason::override};
inline constexpr objection_ground all_objection_grounds[] = {objection_ground::a, objection_ground::b,
                                                             objection_ground::c, objection_ground::d,
                                                             objection_ground::e, objection_ground::f,
                                                             objection_ground::g};

std::string_view to_string(request_channel v);
std::string_view to_string(request_state v);
std::string_view to_string(response_decision v);
std::string_view to_string(objection_decision v);
std::string_view to_string(ruleset_reason v);
std::string_view to_string(objection_ground v);

std::optional<request_channel> parse_request_channel(std::string_view text);
std::optional<request_state> parse_request_state(std::string_view text);
std::optional<response_decision> parse_response_decision(std::string_view text);
std::optional<objection_decision> parse_objection_decision(std::string_view text);
std::optional<ruleset_reason> parse_ruleset_reason(std::string_view text);
std::optional<objection_ground> parse_objection_ground(std::string_view text);

/// Open states are those in which some action may still be taken (closed and disputed are not).
[[nodiscard]] bool is_open(request_state state);

/// The applicant (pemohon). Only `name` is required; the rest is personal data, kept only when given.
struct applicant_info {
  applicant_kind kind = applicant_kind::individual;
  std::string name;
  std::optional<std::string> id_number;  // KTP / passport / deed number
  std::optional<std::string> address;
  std::optional<std::string> email;
  std::optional<std::string> phone;
};

/// The rule set used for this request, and why.
struct ruleset_choice {
  std::string name = "general";  // "perki_1_2019" or "general"
  int version = 1;               // the version in force on the receipt date (ruleset_repository::in_force)
  ruleset_reason reason = ruleset_reason::general_period;
  std::optional<std::string> election_code;  // with reason election_period, e.g. "pemilu-2024"
  std::optional<std::string> election_name;
  std::optional<std::string> override_reason;  // with reason override: the PPID's stated reason
};

/// The one extension allowed (docs/legal-sources.md T02: +2 HK under PERKI 1/2019 Pasal 12; UU 14/2008 Pasal 22(8)).
struct request_extension {
  std::string reason;
  instant at{};
};

struct request_response {
  response_decision decision = response_decision::granted;
  std::string reasons;
  offset_instant responded_at{};
  /// When the applicant received the answer (post, e-mail, in person), when known: the objection window
  /// runs from it (UU 14/2008 Pasal 36(1); docs/deadlines.md §5 "Receipt facts").
  std::optional<offset_instant> delivered_at{};
};

/// The objection (keberatan) to the atasan PPID (docs/legal-sources.md T03/T05).
struct request_objection {
  std::string number;  // objection register number (assigned by the application layer)
  std::vector<objection_ground> grounds;
  std::string reasons;
  offset_instant received_at{};
};

struct request_objection_answer {
  objection_decision decision = objection_decision::upheld;
  std::string reasons;
  offset_instant answered_at{};
  /// When the applicant received the atasan's answer, when known: the dispute filing window runs from
  /// it (UU 14/2008 Pasal 37(2) "setelah diterimanya tanggapan tertulis"; docs/deadlines.md §5).
  std::optional<offset_instant> delivered_at{};
};

struct request_closure {
  std::string reason;
  instant at{};
};

struct information_request {
  std::string id;          // opaque
  std::string number;      // request register number, e.g. "0001/PPID-kpu-pangkalpinang/II/2024"
  std::string respondent;  // organisation code of the respondent body
  offset_instant received_at{};
  request_channel channel = request_channel::web;
  applicant_info applicant;
  std::string information_requested;
  std::string purpose;
  std::string format;
  std::string delivery_medium;
  ruleset_choice ruleset;
  request_state state = request_state::received;
  int version = 1;
  std::optional<request_extension> extension;  // has_value() == "extension used"
  std::optional<request_response> response;
  std::optional<request_objection> objection;
  std::optional<request_objection_answer> objection_answer;
  std::optional<request_closure> closed;
  std::optional<std::string> dispute_id;  // set with state disputed

  [[nodiscard]] bool extension_used() const { return extension.has_value(); }
};

}  // namespace perkara::domain
