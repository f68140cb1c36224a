// GET /api/v1/ki-staff: the active commissioners and registrars of the caller's own KI, for the pickers of
// the case forms (the register form's majelis, the mediator of start_mediation; docs/web.md "Action
// forms"). Each as the username the forms send and the display name people read; nothing else about
// them (no ids, contacts or other roles), and never another KI's staff.
#include "api/auth/caller.hpp"
#include "api/handlers/routes.hpp"
#include "api/json/json_output.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace perkara::api {
namespace {

using domain::role;

response list_ki_staff(services& s, const request& req) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  boost::json::array items;
  for (const auto& u : tx->users().list(who.organisation.code)) {
    boost::json::array roles;
    for (const auto r : {role::commissioner, role::registrar}) {
      if (u.has_role(r)) {
        roles.emplace_back(domain::to_string(r));
      }
    }
    if (u.active && !roles.empty()) {
      items.push_back(
          boost::json::object{{"username", u.username}, {"display_name", u.display_name}, {"roles", std::move(roles)}});
    }
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

}  // namespace

void register_staff_routes(router& r, services& s) {
  r.add("GET", "/api/v1/ki-staff", policy::ki_staff, call(s, list_ki_staff));
}

}  // namespace perkara::api
