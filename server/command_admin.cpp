// perkara migrate | user add: administration from the command line. Each
// change is audited with actor "cli".
#include "api/auth/crypto.hpp"
#include "api/handlers/audit.hpp"
#include "persistence/database_url.hpp"
#include "persistence/migrations.hpp"
#include "persistence/reference_data.hpp"
#include "persistence/soci_database.hpp"
#include "server/cli.hpp"
#include "server/system_clock.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace perkara::server {
namespace {

void migrate(const std::string& database_url) {
  const auto url = persistence::parse_database_url(database_url);
  const auto report = persistence::migrate(url);
  for (const auto& m : report.applied) {
    std::fprintf(stderr, "perkara: applied migration %s\n", m.name.c_str());
  }
  std::fprintf(stderr,
               "perkara: schema at version %d; reference data: %zu organisations, %zu holidays added, %zu updated, "
               "%zu rule-set versions added\n",
               persistence::latest_schema_version(), report.organisations_added, report.holidays_added,
               report.holidays_updated, report.rulesets_added);
}

struct user_add_options {
  std::string database_url;
  std::string username;
  std::string organisation;
  std::vector<std::string> roles;
  std::string display_name;
};

void user_add(const user_add_options& options) {
  const auto& username = options.username;
  const auto& organisation = options.organisation;
  if (username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") != std::string::npos) {
    throw std::invalid_argument("a username may hold only lower-case letters, digits, '.', '_' and '-'");
  }
  std::vector<domain::role> roles;
  for (const auto& name : options.roles) {
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
  const auto db = persistence::open_database(persistence::parse_database_url(options.database_url), 1);
  const auto now = system_clock{}.now();
  auto tx = db->begin(ports::access::write);
  if (!tx->organisations().find(organisation)) {
    throw std::invalid_argument("unknown organisation '" + organisation + "'");
  }
  if (tx->users().find_credentials(username)) {
    throw std::invalid_argument("username '" + username + "' is taken");
  }
  const auto& display_name = options.display_name.empty() ? username : options.display_name;
  const domain::user user{api::random_hex(12), username, display_name, organisation, roles, true, now};
  tx->users().insert(user, api::hash_password(password));
  tx->audit().append({"cli", organisation, now, "user.create", "user", user.id,
                      boost::json::serialize(api::change_details(nullptr, api::audited_user_fields(user)))});
  tx->commit();
  std::fprintf(stdout, "%s\n", user.id.c_str());
}

}  // namespace

void register_migrate(CLI::App& perkara) {
  auto* command = perkara.add_subcommand("migrate", "Apply the schema migrations and load the reference data");
  auto database_url = std::make_shared<std::string>();
  add_database_option(*command, *database_url);
  command->callback([database_url] { migrate(*database_url); });
}

void register_user_add(CLI::App& perkara) {
  auto* command = command_group(perkara, "user", "Manage user accounts")
                      .add_subcommand("add", "Add a user account; the password is read from standard input");
  auto options = std::make_shared<user_add_options>();
  add_database_option(*command, options->database_url);
  command->add_option("--username", options->username, "Login name: lower-case letters, digits, '.', '_', '-'")
      ->required();
  command->add_option("--role", options->roles, "Role (repeatable), e.g. registrar, ppid, commissioner")
      ->required()
      ->allow_extra_args(false);
  command->add_option("--organisation", options->organisation, "Code of the user's organisation, e.g. ki-babel")
      ->required();
  command->add_option("--display-name", options->display_name, "Name shown in the application (default: username)");
  command->callback([options] { user_add(*options); });
}

}  // namespace perkara::server
