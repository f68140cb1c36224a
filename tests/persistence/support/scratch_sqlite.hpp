#pragma once
// A temporary SQLite file in WAL mode, created with `schema` and removed (with its -wal and -shm) at the
// end of the test: for the SQLite-only mechanisms (group commit, kept statements) that the backend
// chosen for the run does not reach.

#include "persistence/database_url.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <random>
#include <string>
#include <system_error>

namespace perkara::testing {

class scratch_sqlite {
 public:
  explicit scratch_sqlite(std::initializer_list<const char*> schema)
      : path_(std::filesystem::temp_directory_path() /
              ("perkara-scratch-" + std::to_string(std::random_device{}()) + ".db")) {
    soci::session sql(soci::sqlite3, connect());
    sql << "PRAGMA journal_mode=WAL";
    for (const char* statement : schema) {
      sql << statement;
    }
  }
  ~scratch_sqlite() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::error_code ignored;
      std::filesystem::remove(path_.string() + suffix, ignored);
    }
  }
  scratch_sqlite(const scratch_sqlite&) = delete;
  scratch_sqlite& operator=(const scratch_sqlite&) = delete;

  /// The SOCI connect string.
  [[nodiscard]] std::string connect() const { return "db=" + path_.string(); }
  [[nodiscard]] persistence::database_url url() const {
    return persistence::parse_database_url("sqlite:" + path_.string());
  }

 private:
  std::filesystem::path path_;
};

}  // namespace perkara::testing
