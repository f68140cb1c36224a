// perkara seed-demo --db URL [--logins-file FILE] [--files DIR] [--users-only]: demo users (passwords
// printed once, on standard output or into FILE, created readable by its owner only) and demo cases,
// with their letters and documents in the file store.
#include "persistence/database_url.hpp"
#include "persistence/files/disk_file_store.hpp"
#include "persistence/files/files_location.hpp"
#include "persistence/soci_database.hpp"
#include "server/cli.hpp"
#include "server/seed_demo.hpp"
#include "server/system_clock.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include <fcntl.h>

namespace perkara::server {
namespace {

struct seed_demo_options {
  std::string database_url;
  std::string logins_file;
  std::string files;
  bool users_only = false;
};

// The file for the demo passwords: a new file (never an existing one), mode 0600.
std::FILE* open_logins_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  std::FILE* file = fd < 0 ? nullptr : ::fdopen(fd, "w");
  if (file == nullptr) {
    throw std::invalid_argument("--logins-file: cannot create " + path + " (it must not exist yet)");
  }
  return file;
}

void seed_demo(const seed_demo_options& options) {
  // Before the database: a bad --logins-file changes nothing.
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> logins_file{
      options.logins_file.empty() ? nullptr : open_logins_file(options.logins_file), &std::fclose};
  std::FILE* out = logins_file ? logins_file.get() : stdout;
  const auto url = persistence::parse_database_url(options.database_url);
  const auto db = persistence::open_database(url, 1);
  persistence::disk_file_store store{persistence::files_location(url, options.files)};
  const system_clock clock;
  const auto logins = seed_demo_users(*db, clock);
  for (const auto& l : logins) {
    std::fprintf(out, "  %-22s %-20s %-14s %s\n", l.username.c_str(), l.password.c_str(), l.role.c_str(),
                 l.organisation.c_str());
  }
  std::fprintf(stderr, "perkara: %zu demo users created\n", logins.size());
  if (options.users_only) {
    return;
  }
  std::fprintf(stderr, "perkara: %zu demo webhooks created\n", seed_demo_notices(*db, clock));
  std::fprintf(stderr, "perkara: %zu demo disputes created\n", seed_demo_disputes(*db, clock));
  // After the disputes: the disputed demo request adds a dispute at ki-babel, which the dispute seed
  // would take for its own demo cases existing already.
  std::fprintf(stderr, "perkara: %zu demo requests created\n", seed_demo_requests(*db, clock));
  std::fprintf(stderr, "perkara: %zu demo letters issued\n", seed_demo_letters(*db, clock, store));
  std::fprintf(stderr, "perkara: %zu demo documents added\n", seed_demo_documents(*db, clock, store));
  std::fprintf(stderr, "perkara: %zu demo history requests created\n", seed_demo_history(*db, clock));
  std::fprintf(stderr, "perkara: %zu demo notices delivered\n", seed_demo_deliveries(*db, clock));
}

}  // namespace

void register_seed_demo(CLI::App& perkara) {
  auto* command = perkara.add_subcommand("seed-demo", "Create demo users (passwords printed once) and demo cases");
  auto options = std::make_shared<seed_demo_options>();
  add_database_option(*command, options->database_url);
  command->add_option("--logins-file", options->logins_file,
                      "Write the demo logins to this new file (mode 0600) instead of standard output");
  command->add_option("--files", options->files, "Directory of the file store (default: as perkara serve)")
      ->envname("PERKARA_FILES");
  command->add_flag("--users-only", options->users_only,
                    "Create only the demo users, no cases (a test cluster needs no more)");
  command->callback([options] { seed_demo(*options); });
}

}  // namespace perkara::server
