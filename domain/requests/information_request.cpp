#include "domain/requests/information_request.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain {

constexpr enum_name<request_channel> request_channel_names[] = {
    {request_channel::web, "web"}, {request_channel::email, "email"}, {request_channel::walk_in, "walk_in"},
    {request_channel::letter, "letter"}, {request_channel::phone, "phone"}, {request_channel::fax, "fax"}};
std::string_view to_string(request_channel v) { return name_in(request_channel_names, v); }

constexpr enum_name<request_state> request_state_names[] = {
    {request_state::received, "received"}, {request_state::extended, "extended"},
    {request_state::answered, "answered"}, {request_state::objected, "objected"},
    {request_state::objection_answered, "objection_answered"}, {request_state::closed, "closed"},
    {request_state::disputed, "disputed"}};
std::string_view to_string(request_state v) { return name_in(request_state_names, v); }

constexpr enum_name<response_decision> response_decision_names[] = {
    {response_decision::granted, "granted"}, {response_decision::partly_granted, "partly_granted"},
    {response_decision::refused, "refused"}, {response_decision::not_held, "not_held"}};
std::string_view to_string(response_decision v) { return name_in(response_decision_names, v); }

constexpr enum_name<objection_decision> objection_decision_names[] = {{objection_decision::upheld, "upheld"},
                                                                      {objection_decision::overturned, "overturned"}};
std::string_view to_string(objection_decision v) { return name_in(objection_decision_names, v); }

constexpr enum_name<ruleset_reason> ruleset_reason_names[] = {{ruleset_reason::election_period, "election_period"},
                                                              {ruleset_reason::general_period, "general_period"},
                                                              {ruleset_reason::override, "override"}};
std::string_view to_string(ruleset_reason v) { return name_in(ruleset_reason_names, v); }

constexpr enum_name<objection_ground> objection_ground_names[] = {
    {objection_ground::a, "a"}, {objection_ground::b, "b"}, {objection_ground::c, "c"}, {objection_ground::d, "d"},
    {objection_ground::e, "e"}, {objection_ground::f, "f"}, {objection_ground::g, "g"}};
std::string_view to_string(objection_ground v) { return name_in(objection_ground_names, v); }

std::optional<request_channel> parse_request_channel(std::string_view t) { return value_in(request_channel_names, t); }
std::optional<request_state> parse_request_state(std::string_view t) { return value_in(request_state_names, t); }
std::optional<response_decision> parse_response_decision(std::string_view t) { return value_in(response_decision_names, t); }
std::optional<objection_decision> parse_objection_decision(std::string_view t) {
  return value_in(objection_decision_names, t);
}
std::optional<ruleset_reason> parse_ruleset_reason(std::string_view t) { return value_in(ruleset_reason_names, t); }
std::optional<objection_ground> parse_objection_ground(std::string_view t) { return value_in(objection_ground_names, t); }

bool is_open(request_state state) { return state != request_state::closed && state != request_state::disputed; }

}  // namespace perkara::domain
