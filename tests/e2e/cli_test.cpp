// The perkara binary: its commands, exit codes and signals.
#include "e2e/support/http_client.hpp"
#include "e2e/support/process.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <string>

#include <signal.h>
#include <algorithm>
#include <string>
#include <vector>

using namespace perkara;
using namespace perkara::e2e;

TEST_SUITE("e2e cli") {
  TEST_CASE("help on every command") {
    CHECK(run_perkara({"--help"}).exit_code == 0);
    for (const char* command : {"serve", "migrate", "seed-demo"}) {
      CAPTURE(command);
      const auto r = run_perkara({command, "--help"});
      CHECK(r.exit_code == 0);
      CHECK(r.out.find("Usage") != std::string::npos);
    }
    CHECK(run_perkara({}).exit_code == 1);
    CHECK(run_perkara({"frobnicate"}).exit_code == 1);
  }

  TEST_CASE("bad URLs and unreachable or unmigrated databases exit 2 with one line") {
    const testing::test_database unmigrated{false};
    struct row {
      std::vector<std::string> args;
    };
    const row rows[] = {
        {{"migrate", "--db", "postgres://x"}},
        {{"migrate", "--db", "mysql://user@127.0.0.1:1/nothing"}},
        {{"serve", "--db", unmigrated.url(), "--listen", "127.0.0.1:0"}},
        {{"seed-demo", "--db", unmigrated.url()}},
    };
    for (const auto& r : rows) {
      CAPTURE(r.args[0]);
      CAPTURE(r.args[2]);
      const auto result = run_perkara(r.args);
      CHECK(result.exit_code == 2);
      CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
    }
  }

  TEST_CASE("migrate is idempotent, user add and seed-demo create logins, serve stops gracefully on SIGTERM") {
    const testing::test_database db{false};
    CHECK(run_perkara({"migrate", "--db", db.url()}).exit_code == 0);
    const auto again = run_perkara({"migrate", "--db", db.url()});
    CHECK(again.exit_code == 0);
    CHECK(again.err.find("applied migration") == std::string::npos);

    const auto added = run_perkara({"user", "add", "--db", db.url(), "--username", "panitera.cli", "--role",
                                    "registrar", "--organisation", "ki-babel"},
                                   "kata-sandi-panjang\n");
    CHECK(added.exit_code == 0);
    CHECK(run_perkara(
              {"user", "add", "--db", db.url(), "--username", "x", "--role", "registrar", "--organisation", "ki-babel"},
              "short\n")
              .exit_code == 1);
    const auto files = std::filesystem::temp_directory_path() / ("perkara-cli-files-" + std::to_string(::getpid()));
    const auto seeded = run_perkara({"seed-demo", "--db", db.url(), "--files", files.string()});
    CHECK(seeded.exit_code == 0);
    CHECK(seeded.out.find("panitera.babel") != std::string::npos);
    CHECK(seeded.err.find(" demo documents added") != std::string::npos);
    // The demo cases' documents and issued letters are in the file store, every one intact.
    const auto checked = run_perkara({"check", "--db", db.url(), "--files", files.string()});
    CHECK_MESSAGE(checked.exit_code == 0, checked.err);
    CHECK(checked.out.find("\"missing\":0,\"damaged\":0,\"orphans\":0") != std::string::npos);
    CHECK(checked.out.find("{\"documents_files\":0,") == std::string::npos);
    std::filesystem::remove_all(files);
    // --users-only (a test cluster): the logins, no demo cases.
    const testing::test_database users_db{false};
    CHECK(run_perkara({"migrate", "--db", users_db.url()}).exit_code == 0);
    const auto users_only = run_perkara({"seed-demo", "--db", users_db.url(), "--users-only"});
    CHECK(users_only.exit_code == 0);
    CHECK(users_only.out.find("panitera.babel") != std::string::npos);
    CHECK(users_only.err.find(" demo users created") != std::string::npos);
    CHECK(users_only.err.find(" demo requests created") == std::string::npos);
    CHECK(seeded.err.find(" demo requests created") != std::string::npos);

    background_server server{{"serve", "--db", db.url(), "--listen", "127.0.0.1:0"}};
    const auto login =
        fetch(server.port(), "POST", "/api/v1/sessions",
              R"({"username":"panitera.cli","password":"kata-sandi-panjang"})", {{"Content-Type", "application/json"}});
    CHECK(login.status == 201);
    // Every request answered before SIGTERM has its access-log line once the process has exited: the
    // log is buffered (server/access_log.hpp) and flushed when the server stops. The wait is for the
    // process's exit, not a time.
    std::vector<std::string> ids;
    for (const auto* path : {"/healthz", "/api/v1/public/disputes?register_number=X", "/nowhere", "/readyz"}) {
      const auto reply = fetch(server.port(), "GET", path);
      CAPTURE(path);
      CHECK(reply.status != 0);
      ids.push_back(reply.header("X-Request-Id").value_or("missing"));
    }
    ids.push_back(login.header("X-Request-Id").value_or("missing"));
    CHECK(server.signal_and_wait(SIGTERM) == 0);
    const auto log = server.stderr_after_start();
    for (const auto& id : ids) {
      CAPTURE(id);
      CHECK(log.find("\"request_id\":\"" + id + "\"") != std::string::npos);
    }
  }
}
