// GET/POST /api/v1/users, GET/PATCH /api/v1/users/{id}: user administration (docs/security.md "Who
// manages whom"). A sysadmin manages the users of every organisation; a ki_admin only those of its own
// organisation that hold no sysadmin role (any other user is 404 to it, as if it did not exist). Roles
// must fit the organisation's kind, only a sysadmin grants sysadmin, and nobody removes their own admin
// role or deactivates themselves.
#include "api/auth/caller.hpp"
#include "api/auth/crypto.hpp"
#include "api/handlers/audit.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "domain/org/role_fit.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>

namespace perkara::api {
namespace {

using domain::role;

constexpr std::size_t min_password_length = 10;

// Whose users the caller may list and create.
bool may_manage(const caller& who, const std::string& organisation) {
  return who.has_role(role::sysadmin) || (who.has_role(role::ki_admin) && who.organisation.code == organisation);
}

// Whom the caller may read and change: a ki_admin never a sysadmin, which would hand it the platform.
bool may_manage(const caller& who, const domain::user& target) {
  return may_manage(who, target.organisation) && (who.has_role(role::sysadmin) || !target.has_role(role::sysadmin));
}

std::optional<std::vector<role>> read_roles(json_reader& in, bool required) {
  const auto names = in.string_array("roles", required);
  if (!names) {
    return std::nullopt;
  }
  std::vector<role> roles;
  for (const auto& name : *names) {
    const auto r = domain::parse_role(name);
    if (!r) {
      in.errors().fail("roles", "peran tidak dikenal / unknown role: " + name);
      return std::nullopt;
    }
    if (std::find(roles.begin(), roles.end(), *r) == roles.end()) {
      roles.push_back(*r);
    }
  }
  if (roles.empty()) {
    in.errors().fail("roles", "minimal satu peran / at least one role");
    return std::nullopt;
  }
  return roles;
}

// A notice address (docs/operations.md "Notices"): empty clears it; otherwise one address, no spaces.
std::optional<std::string> read_email(json_reader& in) {
  auto email = in.string("email", false, 255);
  if (email && !email->empty() &&
      (email->find('@') == std::string::npos || email->find_first_of(" \t\r\n<>,;") != std::string::npos)) {
    in.errors().fail("email", "alamat email tidak sah / not a valid email address");
  }
  return email;
}

void check_password(json_reader& in, const std::optional<std::string>& password) {
  if (password && password->size() < min_password_length) {
    in.errors().fail("password", "minimal 10 karakter / at least 10 characters");
  }
}

// Only a sysadmin may hand out the sysadmin role, and every role must fit the organisation's kind
// (domain/org/role_fit.hpp); `organisation` is null when it is unknown (reported on its own field).
void check_grantable(const caller& who, json_reader& in, const std::optional<std::vector<role>>& roles,
                     const domain::organisation* organisation) {
  if (!roles) {
    return;
  }
  if (!who.has_role(role::sysadmin) && std::find(roles->begin(), roles->end(), role::sysadmin) != roles->end()) {
    in.errors().fail("roles", "hanya sysadmin yang dapat memberi peran sysadmin / only a sysadmin grants sysadmin");
  }
  for (const auto r : *roles) {
    if (organisation && !domain::role_fits(r, organisation->kind)) {
      const auto name = domain::to_string(r);
      const auto kind = domain::to_string(organisation->kind);
      in.errors().fail("roles", fmt::format("peran {} tidak sesuai untuk organisasi jenis {} / role {} does not fit "
                                            "an organisation of kind {}", name, kind, name, kind));
    }
  }
}

// An admin editing itself keeps every admin role it holds, so nobody locks themselves out by accident.
void check_not_self_demoted(const caller& who, const domain::user& target, json_reader& in,
                            const std::optional<std::vector<role>>& roles) {
  if (!roles || target.id != who.user.id) {
    return;
  }
  for (const auto admin : {role::sysadmin, role::ki_admin}) {
    if (who.has_role(admin) && std::find(roles->begin(), roles->end(), admin) == roles->end()) {
      in.errors().fail("roles", "tidak dapat melepas peran admin Anda sendiri / cannot remove your own admin role");
      return;
    }
  }
}

response list_users(services& s, const request& req) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  const auto organisation = query_text(req, "organisation").value_or(who.organisation.code);
  if (!may_manage(who, organisation)) {
    throw not_found();
  }
  boost::json::array items;
  for (const auto& u : tx->users().list(organisation)) {
    if (may_manage(who, u)) {  // a ki_admin does not see its organisation's sysadmins
      items.push_back(user_to_json(u));
    }
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

response create_user(services& s, const request& req) {
  const auto body = parse_json_object(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);

  domain::validation v;
  json_reader in{body, v};
  auto username = in.string("username", true, 100);
  auto display_name = in.string("display_name", true, 200);
  auto password = in.string("password", true, 1000);
  auto organisation = in.string("organisation", false, 100).value_or(who.organisation.code);
  auto roles = read_roles(in, true);
  const auto email = read_email(in);
  check_password(in, password);
  const auto target_org = tx->organisations().find(organisation);
  check_grantable(who, in, roles, target_org ? &*target_org : nullptr);
  if (username && username->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
    v.fail("username", "hanya huruf kecil, angka, titik, garis bawah dan tanda hubung / lower-case letters, digits, . _ - only");
  }
  if (!target_org) {
    v.fail("organisation", "organisasi tidak dikenal / unknown organisation");
  } else if (!may_manage(who, organisation)) {
    v.fail("organisation", "di luar kewenangan Anda / outside your organisation");
  }
  if (username && tx->users().find_credentials(*username)) {
    v.fail("username", "sudah dipakai / already taken");
  }
  throw_if_invalid(v);

  domain::user user{random_hex(12), *username, *display_name, organisation, *roles, true, now, email.value_or("")};
  tx->users().insert(user, hash_password(*password));
  audit(*tx, who, now, "user.create", "user", user.id,
        boost::json::serialize(change_details(nullptr, audited_user_fields(user))));
  tx->commit();
  return json_response(201, user_to_json(user));
}

domain::user find_manageable(ports::transaction& tx, const caller& who, const std::string& id) {
  auto user = tx.users().find(id);
  if (!user || !may_manage(who, *user)) {
    throw not_found();
  }
  return std::move(*user);
}

response get_user(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  return json_response(200, user_to_json(find_manageable(*tx, who, p.get("id"))));
}

response update_user(services& s, const request& req, const route_params& p) {
  const auto body = parse_json_object(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  auto user = find_manageable(*tx, who, p.get("id"));

  domain::validation v;
  json_reader in{body, v};
  const auto display_name = in.string("display_name", false, 200);
  const auto roles = read_roles(in, false);
  const auto active = in.boolean("active", false);
  const auto password = in.string("password", false, 1000);
  const auto email = read_email(in);
  check_password(in, password);
  const auto user_org = tx->organisations().find(user.organisation);
  check_grantable(who, in, roles, user_org ? &*user_org : nullptr);
  check_not_self_demoted(who, user, in, roles);
  if (user.id == who.user.id && active && !*active) {
    v.fail("active", "tidak dapat menonaktifkan diri sendiri / cannot deactivate yourself");
  }
  throw_if_invalid(v);

  const auto before = user;
  if (display_name) {
    user.display_name = *display_name;
  }
  if (roles) {
    user.roles = *roles;
  }
  if (active) {
    user.active = *active;
  }
  if (email) {
    user.email = *email;
  }
  tx->users().update(user);
  if (password) {
    tx->users().set_password_hash(user.id, hash_password(*password));
  }
  // Deactivating a user or changing its password ends its sessions.
  if ((active && !*active) || password) {
    tx->sessions().revoke_all_of_user(user.id);
  }
  audit(*tx, who, now, "user.update", "user", user.id,
        boost::json::serialize(user_change_details(before, user, password.has_value())));
  tx->commit();
  return json_response(200, user_to_json(user));
}

}  // namespace

void register_user_routes(router& r, services& s) {
  const route_options json_body{.body_limit = std::size_t{16} * 1024, .requires_json_body = true};
  r.add("GET", "/api/v1/users", policy::user_admins, call(s, list_users));
  r.add("POST", "/api/v1/users", policy::user_admins, call(s, create_user), json_body);
  r.add("GET", "/api/v1/users/{id}", policy::user_admins, call(s, get_user));
  r.add("PATCH", "/api/v1/users/{id}", policy::user_admins, call(s, update_user), json_body);
}

}  // namespace perkara::api
