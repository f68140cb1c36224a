#include "domain/requests/information_request.hpp"

namespace perkara::domain {
namespace {

// Finds the enum value whose snake_case name is `text`, over one of the all_* arrays.
template <typename Enum, std::size_t N>
std::optional<Enum> parse_from(const Enum (&all)[N], std::string_view text) {
  for (auto v : all) {
    if (to_string(v) == text) {
      return v;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(request_channel v) {
  switch (v) {
    case request_channel::web: return "web";
    case request_channel::email: return "email";
    case request_channel::walk_in: return "walk_in";
    case request_channel::letter: return "letter";
    case request_channel::phone: return "phone";
    case request_channel::fax: return "fax";
  }
  return "web";
}

std::string_view to_string(applicant_kind v) {
  switch (v) {
    case applicant_kind::individual: return "individual";
    case applicant_kind::legal_entity: return "legal_entity";
    case applicant_kind::group: return "group";
  }
  return "individual";
}

std::string_view to_string(request_state v) {
  switch (v) {
    case request_state::received: return "received";
    case request_state::extended: return "extended";
    case request_state::answered: return "answered";
    case request_state::objected: return "objected";
    case request_state::objection_answered: return "objection_answered";
    case request_state::closed: return "closed";
    case request_state::disputed: return "disputed";
  }
  return "received";
}

std::string_view to_string(response_decision v) {
  switch (v) {
    case response_decision::granted: return "granted";
    case response_decision::partly_granted: return "partly_granted";
    case response_decision::refused: return "refused";
    case response_decision::not_held: return "not_held";
  }
  return "granted";
}

std::string_view to_string(objection_decision v) {
  return v == objection_decision::upheld ? "upheld" : "overturned";
}

std::string_view to_string(ruleset_reason v) {
  switch (v) {
    case ruleset_reason::election_period: return "election_period";
    case ruleset_reason::general_period: return "general_period";
    case ruleset_reason::override: return "override";
  }
  return "general_period";
}

std::string_view to_string(objection_ground v) {
  switch (v) {
    case objection_ground::a: return "a";
    case objection_ground::b: return "b";
    case objection_ground::c: return "c";
    case objection_ground::d: return "d";
    case objection_ground::e: return "e";
    case objection_ground::f: return "f";
    case objection_ground::g: return "g";
  }
  return "a";
}

std::optional<request_channel> parse_request_channel(std::string_view t) { return parse_from(all_request_channels, t); }
std::optional<applicant_kind> parse_applicant_kind(std::string_view t) { return parse_from(all_applicant_kinds, t); }
std::optional<request_state> parse_request_state(std::string_view t) { return parse_from(all_request_states, t); }
std::optional<response_decision> parse_response_decision(std::string_view t) {
  return parse_from(all_response_decisions, t);
}
std::optional<objection_decision> parse_objection_decision(std::string_view t) {
  return parse_from(all_objection_decisions, t);
}
std::optional<ruleset_reason> parse_ruleset_reason(std::string_view t) { return parse_from(all_ruleset_reasons, t); }
std::optional<objection_ground> parse_objection_ground(std::string_view t) {
  return parse_from(all_objection_grounds, t);
}

bool is_open(request_state state) { return state != request_state::closed && state != request_state::disputed; }

}  // namespace perkara::domain
