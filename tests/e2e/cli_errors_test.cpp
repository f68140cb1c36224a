// The perkara command line refuses what it does not understand (server/cli.cpp, CLI11): unknown
// commands and flags, missing and bad values exit 1 with a message naming the flag; --help on every
// command exits 0; the PERKARA_* variables stand in for their flags.
#include "e2e/support/process.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

using namespace perkara;
using namespace perkara::e2e;

namespace {

// `perkara args...` with the environment changed by `env` (VAR=VALUE or -u VAR entries).
process_result run_with_env(const std::vector<std::string>& env, const std::vector<std::string>& args) {
  std::vector<std::string> full = env;
  full.emplace_back(PERKARA_BINARY);
  full.insert(full.end(), args.begin(), args.end());
  return run_program("/usr/bin/env", full);
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("e2e cli errors") {
  TEST_CASE("--help on every command and group exits 0 and lists the options with their variables") {
    struct row {
      std::vector<std::string> args;
      std::string shows;
    };
    const row rows[] = {
        {{"--help"}, "seed-demo"},
        {{"help"}, "organisations"},
        {{"serve", "--help"}, "PERKARA_LISTEN"},
        {{"serve", "-h"}, "--trusted-proxy"},
        {{"migrate", "--help"}, "PERKARA_DB"},
        {{"user", "--help"}, "add"},
        {{"user", "add", "--help"}, "--organisation"},
        {{"seed-demo", "--help"}, "--logins-file"},
        {{"organisations", "import", "--help"}, "FILE"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.args.back());
      const auto result = run_with_env({"-u", "PERKARA_DB"}, r.args);
      CHECK(result.exit_code == 0);
      CHECK(mentions(result.out, "Usage"));
      CHECK(mentions(result.out, r.shows));
    }
  }

  TEST_CASE("unknown commands and flags, missing and bad values exit 1 naming what was wrong") {
    struct row {
      std::vector<std::string> args;
      std::string names;  // what the message must mention
    };
    const row rows[] = {
        {{}, "Usage"},
        {{"frobnicate"}, "frobnicate"},
        {{"user"}, "subcommand"},
        {{"user", "delete"}, "delete"},
        {{"migrate", "--db", "sqlite::memory:", "--frobnicate"}, "--frobnicate"},
        {{"serve", "--db", "sqlite::memory:", "--no-such-flag=1"}, "--no-such-flag"},
        {{"migrate", "--db", "sqlite::memory:", "extra"}, "extra"},
        {{"migrate"}, "--db"},
        {{"migrate", "--db"}, "--db"},
        {{"serve", "--db", "sqlite::memory:", "--listen"}, "--listen"},
        {{"serve", "--db", "sqlite::memory:", "--listen", "127.0.0.1:http"}, "--listen"},
        {{"serve", "--db", "sqlite::memory:", "--listen", "127.0.0.1:65536"}, "--listen"},
        {{"serve", "--db", "sqlite::memory:", "--listen", "127.0.0.1"}, "--listen"},
        {{"serve", "--db", "sqlite::memory:", "--listen", "127.0.0.1:"}, "--listen"},
        {{"serve", "--db", "sqlite::memory:", "--threads", "0"}, "--threads"},
        {{"serve", "--db", "sqlite::memory:", "--threads", "two"}, "--threads"},
        {{"serve", "--db", "sqlite::memory:", "--db-pool", "-3"}, "--db-pool"},
        {{"serve", "--db", "sqlite::memory:", "--trusted-proxy", "proxy.example"}, "--trusted-proxy"},
        {{"serve", "--db", "sqlite::memory:", "--secure-cookies=maybe"}, "--secure-cookies"},
        {{"user", "add", "--db", "sqlite::memory:", "--username", "a.b", "--organisation", "ki-babel"}, "--role"},
        {{"organisations", "import", "--db", "sqlite::memory:"}, "FILE"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.names);
      const auto result = run_with_env({"-u", "PERKARA_DB", "-u", "PERKARA_LISTEN"}, r.args);
      CHECK(result.exit_code == 1);
      CHECK(mentions(result.err, r.names));
      CHECK_FALSE(mentions(result.err, "stoi"));
      CHECK(result.out.empty());
    }
  }

  TEST_CASE("the environment stands in for flags, is checked like them, and the flag wins") {
    const testing::test_database db{false};
    // PERKARA_DB instead of --db.
    CHECK(run_with_env({"PERKARA_DB=" + db.url()}, {"migrate"}).exit_code == 0);
    // A bad PERKARA_LISTEN is refused by name before the database is opened.
    const auto bad = run_with_env({"PERKARA_LISTEN=127.0.0.1:99999"}, {"serve", "--db", db.url()});
    CHECK(bad.exit_code == 1);
    CHECK(mentions(bad.err, "--listen"));
    // The flag wins over the variable.
    CHECK(run_with_env({"PERKARA_DB=postgres://nowhere"}, {"migrate", "--db", db.url()}).exit_code == 0);
  }

  TEST_CASE("seed-demo --logins-file writes the logins to a new file readable by its owner only") {
    const testing::test_database db{false};
    REQUIRE(run_perkara({"migrate", "--db", db.url()}).exit_code == 0);
    const auto file = std::filesystem::temp_directory_path() / ("perkara-logins-" + std::to_string(::getpid()));
    std::filesystem::remove(file);
    const auto seeded = run_perkara({"seed-demo", "--db", db.url(), "--logins-file", file.string()});
    CHECK(seeded.exit_code == 0);
    CHECK(seeded.out.empty());
    std::stringstream logins;
    logins << std::ifstream{file}.rdbuf();
    CHECK(mentions(logins.str(), "panitera.babel"));
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    // An existing file is never overwritten, and nothing is seeded.
    const auto again = run_perkara({"seed-demo", "--db", db.url(), "--logins-file", file.string()});
    CHECK(again.exit_code == 1);
    CHECK(mentions(again.err, "--logins-file"));
    std::filesystem::remove(file);
  }
}
