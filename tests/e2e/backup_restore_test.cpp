// perkara backup and perkara restore (docs/operations.md "Backup and restore"), on SQLite and MariaDB:
// a database with a dispute and its documents is backed up, restored into an empty database and an
// empty file store, and found intact: every document downloads with its checksum and `perkara check`
// finds nothing missing. A second restore into the now full target is refused; a damaged backup is
// refused before the target is touched.
#include "e2e/disputes_fixture.hpp"
#include "e2e/support/process.hpp"
#include "persistence/files/disk_file_store.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

using namespace perkara;
using namespace perkara::e2e;

namespace {

std::string temp_dir(const char* what) {
  std::string pattern = (std::filesystem::temp_directory_path() / fmt::format("perkara-{}-XXXXXX", what)).string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

std::string login(unsigned short port) {
  const auto r =
      fetch(port, "POST", "/api/v1/sessions", R"({"username":"panitera.cadangan","password":"kata-sandi-panjang"})",
            {{"Content-Type", "application/json"}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return std::string{boost::json::parse(r.body).at("token").as_string()};
}

}  // namespace

TEST_SUITE("e2e backup and restore") {
  TEST_CASE("a backup restores into an empty place with every case and every file intact") {
    const testing::test_database db{false};
    REQUIRE(run_perkara({"migrate", "--db", db.url()}).exit_code == 0);
    REQUIRE(run_perkara({"user", "add", "--db", db.url(), "--username", "panitera.cadangan", "--role", "registrar",
                         "--organisation", "ki-babel"},
                        "kata-sandi-panjang\n")
                .exit_code == 0);
    const auto files = temp_dir("backup-files");
    const auto backup_root = temp_dir("backup");
    const auto backup = backup_root + "/b1";

    std::string dispute_path;
    std::map<std::string, std::string> uploaded;  // document id -> sha256
    {
      background_server server{{"serve", "--db", db.url(), "--listen", "127.0.0.1:0", "--files", files}};
      const auto token = login(server.port());
      const auto submitted = fetch(server.port(), "POST", "/api/v1/disputes", disputes::application(),
                                   {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
      REQUIRE_MESSAGE(submitted.status == 201, submitted.body);
      dispute_path = "/api/v1/disputes/" + std::string{boost::json::parse(submitted.body).at("id").as_string()};
      for (int i = 0; i < 3; ++i) {
        std::string bytes = fmt::format("%PDF-1.4\n% bukti {}\n", i);
        bytes.resize(100 * 1024 + static_cast<std::size_t>(i), static_cast<char>('a' + i));
        const auto r =
            fetch(server.port(), "POST", dispute_path + fmt::format("/documents?kind=evidence&name=b{}.pdf", i), bytes,
                  {{"Content-Type", "application/pdf"}, {"Authorization", "Bearer " + token}});
        REQUIRE_MESSAGE(r.status == 201, r.body);
        uploaded[std::string{boost::json::parse(r.body).at("id").as_string()}] = persistence::sha256_hex(bytes);
      }
      CHECK(server.signal_and_wait(SIGTERM) == 0);
    }

    const auto made = run_perkara({"backup", "--db", db.url(), "--files", files, "--to", backup});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    CHECK(made.out.find("\"files\":3") != std::string::npos);
    CHECK(std::filesystem::exists(backup + "/manifest.json"));
    // A backup never overwrites another.
    CHECK(run_perkara({"backup", "--db", db.url(), "--files", files, "--to", backup}).exit_code == 2);

    const testing::test_database target{false};
    const auto target_files = temp_dir("restored-files");
    const auto restored = run_perkara({"restore", "--db", target.url(), "--files", target_files, "--from", backup});
    REQUIRE_MESSAGE(restored.exit_code == 0, restored.err);
    CHECK(restored.out.find("\"documents\":3") != std::string::npos);
    CHECK(restored.out.find("\"disputes\":1") != std::string::npos);

    const auto check = run_perkara({"check", "--db", target.url(), "--files", target_files});
    CHECK_MESSAGE(check.exit_code == 0, check.err);
    CHECK(check.out.find("\"documents_files\":3,\"missing\":0,\"damaged\":0,\"orphans\":0") != std::string::npos);
    {
      background_server again{{"serve", "--db", target.url(), "--listen", "127.0.0.1:0", "--files", target_files}};
      const auto token = login(again.port());
      CHECK(fetch(again.port(), "GET", dispute_path, {}, {{"Authorization", "Bearer " + token}}).status == 200);
      for (const auto& [id, sha] : uploaded) {
        CAPTURE(id);
        const auto got =
            fetch(again.port(), "GET", dispute_path + "/documents/" + id, {}, {{"Authorization", "Bearer " + token}});
        REQUIRE(got.status == 200);
        CHECK(persistence::sha256_hex(got.body) == sha);
      }
      CHECK(again.signal_and_wait(SIGTERM) == 0);
    }

    // The target now holds a database and files: refused unless told.
    const auto refused = run_perkara({"restore", "--db", target.url(), "--files", target_files, "--from", backup});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("not empty") != std::string::npos);
    CHECK(run_perkara({"restore", "--db", target.url(), "--files", target_files, "--from", backup, "--force"})
              .exit_code == 0);

    // A damaged file in the backup is found before anything is restored.
    persistence::disk_file_store kept{backup + "/files"};
    {
      std::ofstream damage(kept.address_of(uploaded.begin()->second), std::ios::binary | std::ios::app);
      damage << "x";
    }
    const auto damaged =
        run_perkara({"restore", "--db", target.url(), "--files", target_files, "--from", backup, "--force"});
    CHECK(damaged.exit_code == 2);
    CHECK(damaged.err.find("missing or damaged") != std::string::npos);

    std::filesystem::remove_all(files);
    std::filesystem::remove_all(target_files);
    std::filesystem::remove_all(backup_root);
  }
}
