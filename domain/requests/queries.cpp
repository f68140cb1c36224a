#include "domain/requests/queries.hpp"

#include "domain/enum_names.hpp"

#include <algorithm>

namespace perkara::domain {

// The first row is also the name of a value the table lacks (domain/enum_names.hpp).
constexpr enum_name<awaiting_party> awaiting_party_names[] = {{awaiting_party::none, "none"},
                                                              {awaiting_party::respondent, "respondent"},
                                                              {awaiting_party::applicant, "applicant"}};
std::string_view to_string(awaiting_party party) { return name_in(awaiting_party_names, party); }

awaiting_info awaiting(const information_request& request, const request_due_dates& due) {
  switch (request.state) {
    case request_state::received:
    case request_state::extended:
      return {awaiting_party::respondent, "respond", due.ppid_response};  // T02
    case request_state::answered:
      return {awaiting_party::applicant, "file_objection", due.objection_filing};  // T05 (or T04: satisfied)
    case request_state::objected:
      return {awaiting_party::respondent, "answer_objection", due.atasan_response};  // T06, the atasan PPID
    case request_state::objection_answered:
      return {awaiting_party::applicant, "file_dispute", due.dispute_filing};  // T08 (or T07: satisfied)
    case request_state::closed:
    case request_state::disputed:
      break;
  }
  return {awaiting_party::none, "", std::nullopt};
}

std::vector<request_action> allowed_actions(const information_request& request, const request_caller& caller,
                                            civil_date today, const request_due_dates& due) {
  // Only the respondent's own officers act on its requests.
  if (caller.organisation != request.respondent) {
    return {};
  }
  const auto has = [&](role r) { return std::find(caller.roles.begin(), caller.roles.end(), r) != caller.roles.end(); };
  const bool ppid = has(role::ppid);
  const bool superior = has(role::ppid_superior);
  std::vector<request_action> out;
  for (auto action : state_allowed_actions(request, today, due)) {
    const bool permitted = action == request_action::answer_objection ? superior : ppid;
    if (permitted) {
      out.push_back(action);
    }
  }
  return out;
}

std::vector<request_action> allowed_actions(const information_request& request, const user& caller,
                                            civil_date today, const request_due_dates& due) {
  if (!caller.active) {
    return {};
  }
  return allowed_actions(request, request_caller{caller.organisation, caller.roles}, today, due);
}

}  // namespace perkara::domain
