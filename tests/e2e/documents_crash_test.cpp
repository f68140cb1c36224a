// Crash consistency of case documents (docs/documents.md "Consistency"), on SQLite and MariaDB: a
// `perkara serve` killed with SIGKILL while uploads are in flight; afterwards every upload it had
// acknowledged (201) is listed and downloads with its checksum, and `perkara check` finds no missing
// or damaged file.
#include "e2e/disputes_fixture.hpp"
#include "e2e/support/process.hpp"
#include "persistence/files/disk_file_store.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

using namespace perkara;
using namespace perkara::e2e;

namespace {

std::string temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "perkara-crash-files-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

std::string login(unsigned short port) {
  const auto r = fetch(port, "POST", "/api/v1/sessions", R"({"username":"panitera.crash","password":"kata-sandi-panjang"})",
                       {{"Content-Type", "application/json"}});
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return std::string{boost::json::parse(r.body).at("token").as_string()};
}

}  // namespace

TEST_SUITE("e2e documents crash") {
  TEST_CASE("kill -9 during uploads: every acknowledged document is readable with its checksum") {
    const testing::test_database db{false};
    REQUIRE(run_perkara({"migrate", "--db", db.url()}).exit_code == 0);
    REQUIRE(run_perkara({"user", "add", "--db", db.url(), "--username", "panitera.crash", "--role", "registrar",
                         "--organisation", "ki-babel"},
                        "kata-sandi-panjang\n")
                .exit_code == 0);
    const auto files = temp_dir();
    const std::vector<std::string> serve = {"serve", "--db", db.url(), "--listen", "127.0.0.1:0", "--files", files};

    std::string dispute_path;
    std::map<std::string, std::string> acknowledged;  // document id -> sha256
    {
      background_server server{serve};
      const auto token = login(server.port());
      const auto submitted = fetch(server.port(), "POST", "/api/v1/disputes", disputes::application(),
                                   {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
      REQUIRE_MESSAGE(submitted.status == 201, submitted.body);
      dispute_path = "/api/v1/disputes/" + std::string{boost::json::parse(submitted.body).at("id").as_string()};

      // Four uploaders, each sending distinct 256 KiB PDFs until the server dies under them.
      std::mutex mutex;
      std::atomic<bool> stop{false};
      std::vector<std::thread> uploaders;
      for (int t = 0; t < 4; ++t) {
        uploaders.emplace_back([&, t] {
          for (int i = 0; !stop.load(); ++i) {
            std::string bytes = fmt::format("%PDF-1.4\n% uploader {} file {}\n", t, i);
            bytes.resize(256 * 1024, static_cast<char>('a' + (i + t) % 26));
            try {
              const auto r = fetch(server.port(), "POST",
                                   dispute_path + fmt::format("/documents?kind=evidence&name=u{}-{}.pdf", t, i), bytes,
                                   {{"Content-Type", "application/pdf"}, {"Authorization", "Bearer " + token}});
              if (r.status == 201) {
                const std::lock_guard lock{mutex};
                acknowledged[std::string{boost::json::parse(r.body).at("id").as_string()}] =
                    persistence::sha256_hex(bytes);
              }
            } catch (const std::exception&) {
              return;  // the server is gone
            }
          }
        });
      }
      CHECK(testing::eventually([&] {
        const std::lock_guard lock{mutex};
        return acknowledged.size() >= 12;
      }));
      CHECK(server.signal_and_wait(SIGKILL) == 128 + SIGKILL);
      stop.store(true);
      for (auto& u : uploaders) {
        u.join();
      }
    }

    background_server again{serve};
    const auto token = login(again.port());
    for (const auto& [id, sha] : acknowledged) {
      CAPTURE(id);
      const auto got = fetch(again.port(), "GET", dispute_path + "/documents/" + id, {},
                             {{"Authorization", "Bearer " + token}});
      REQUIRE(got.status == 200);
      CHECK(persistence::sha256_hex(got.body) == sha);
    }
    const auto check = run_perkara({"check", "--db", db.url(), "--files", files});
    CHECK_MESSAGE(check.exit_code == 0, check.err);
    CHECK(check.out.find("\"missing\":0,\"damaged\":0") != std::string::npos);
    // Orphans (files kept whose rows never committed) are collected; the acknowledged ones stay.
    const auto collected = run_perkara({"check", "--db", db.url(), "--files", files, "--collect-orphans",
                                        "--min-age-seconds", "0"});
    CHECK(collected.exit_code == 0);
    persistence::disk_file_store store{files};
    std::size_t referenced = 0;
    for (const auto& sha : store.stored_checksums()) {
      referenced += 1;
      CHECK(store.rehash(sha) == sha);
    }
    CHECK(referenced >= acknowledged.size());
    CHECK(again.signal_and_wait(SIGTERM) == 0);
    std::filesystem::remove_all(files);
  }
}
