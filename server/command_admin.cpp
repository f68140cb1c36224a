// perkara migrate | user add: administration from the command line. Each
// change is audited with actor "cli".
#include "api/auth/crypto.hpp"
#include "api/handlers/audit.hpp"
#include "persistence/database_url.hpp"
#include "persistence/migrations.hpp"
#include "persistence/soci_database.hpp"
#include "server/cli.hpp"
#include "server/system_clock.hpp"

#include <boost/json/serialize.hpp>

#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace perkara::server {

int command_migrate(const cli_options& options) {
  const auto url = persistence::parse_database_url(options.database_url());
  const auto report = persistence::migrate(url);
  for (const auto& m : report.applied) {
    std::fprintf(stderr, "perkara: applied migration %s\n", m.name.c_str());
  }
  std::fprintf(stderr,
               "perkara: schema at version %d; reference data: %zu organisations, %zu holidays added, %zu updated, "
               "%zu rule-set versions added\n",
               persistence::latest_schema_version(), report.organisations_added, report.holidays_added,
               report.holidays_updated, report.rulesets_added);
  return 0;
}

int command_user_add(const cli_options& options) {
  const auto username = options.get("username");
  const auto organisation = options.get("organisation");
  const auto role_names = options.all("role");
  if (username.empty() || organisation.empty() || role_names.empty()) {
    throw std::invalid_argument("user add needs --username, --organisation and at least one --role");
  }
  if (username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
    throw std::invalid_argument("a username may hold only lower-case letters, digits, '.', '_' and '-'");
  }
  std::vector<domain::role> roles;
  for (const auto& name : role_names) {
    const auto r = domain::parse_role(name);
    if (!r) {
      throw std::invalid_argument("unknown role '" + name + "'");
    }
    roles.push_back(*r);
  }
  std::string password;
  std::getline(std::cin, password);
  if (password.size() < 10) {
    throw std::invalid_argument("the password (read from standard input) needs at least 10 characters");
  }
  const auto db = persistence::open_database(persistence::parse_database_url(options.database_url()), 1);
  const auto now = system_clock{}.now();
  auto tx = db->begin(ports::access::write);
  if (!tx->organisations().find(organisation)) {
    throw std::invalid_argument("unknown organisation '" + organisation + "'");
  }
  if (tx->users().find_credentials(username)) {
    throw std::invalid_argument("username '" + username + "' is taken");
  }
  const domain::user user{api::random_hex(12), username, options.get("display-name", username), organisation,
                          roles, true, now};
  tx->users().insert(user, api::hash_password(password));
  tx->audit().append({"cli", organisation, now, "user.create", "user", user.id,
                      boost::json::serialize(api::change_details(nullptr, api::audited_user_fields(user)))});
  tx->commit();
  std::fprintf(stdout, "%s\n", user.id.c_str());
  return 0;
}

}  // namespace perkara::server
