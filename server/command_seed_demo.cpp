// perkara seed-demo --db URL: demo users (passwords printed once, on standard output) and demo cases.
#include "persistence/database_url.hpp"
#include "persistence/soci_database.hpp"
#include "server/cli.hpp"
#include "server/seed_demo.hpp"
#include "server/system_clock.hpp"

#include <cstdio>

namespace perkara::server {

int command_seed_demo(const cli_options& options) {
  const auto db = persistence::open_database(persistence::parse_database_url(options.database_url()), 1);
  const system_clock clock;
  const auto logins = seed_demo_users(*db, clock);
  for (const auto& l : logins) {
    std::fprintf(stdout, "  %-22s %-20s %-14s %s\n", l.username.c_str(), l.password.c_str(), l.role.c_str(),
                 l.organisation.c_str());
  }
  std::fprintf(stderr, "perkara: %zu demo users created\n", logins.size());
  std::fprintf(stderr, "perkara: %zu demo disputes created\n", seed_demo_disputes(*db, clock));
  // After the disputes: the disputed demo request adds a dispute at ki-babel, which the dispute seed
  // would take for its own demo cases existing already.
  std::fprintf(stderr, "perkara: %zu demo requests created\n", seed_demo_requests(*db, clock));
  std::fprintf(stderr, "perkara: %zu demo letters issued\n", seed_demo_letters(*db, clock));
  return 0;
}

}  // namespace perkara::server
