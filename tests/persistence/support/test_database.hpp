#pragma once
// A fresh database per test, on the backend the environment selects:
//   PERKARA_TEST_BACKEND=mysql  → a uniquely named database on the server of PERKARA_TEST_MYSQL_URL
//                                 (required: a missing URL is an error, never a silent skip);
//   anything else               → a temporary SQLite file.
// The database is dropped (or the file removed) when the fixture is destroyed. No doctest here, so
// tests/e2e can use it too (link perkara::test_database and include "persistence/support/test_database.hpp").

#include "domain/ports/database.hpp"
#include "persistence/database_url.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace perkara::testing {

/// The backend chosen by PERKARA_TEST_BACKEND. Throws std::runtime_error when it is "mysql" and
/// PERKARA_TEST_MYSQL_URL is not set.
persistence::backend selected_backend();

class test_database {
 public:
  /// Creates the database and, when `migrated`, runs persistence::migrate on it (schema and
  /// reference data). Throws std::runtime_error with the reason on failure.
  explicit test_database(bool migrated = true);
  ~test_database();
  test_database(const test_database&) = delete;
  test_database& operator=(const test_database&) = delete;

  /// The URL to pass to parse_database_url / the server config (`sqlite:/tmp/...` or `mysql://...`).
  [[nodiscard]] const std::string& url() const { return url_; }
  [[nodiscard]] persistence::database_url parsed_url() const;
  [[nodiscard]] persistence::backend kind() const { return kind_; }

  /// Opens the database through persistence::open_database.
  [[nodiscard]] std::unique_ptr<ports::database> open(std::size_t pool_size = 4) const;

  /// Runs one raw SQL statement on a separate connection (for tests that tamper with the schema).
  void execute(const std::string& sql) const;

 private:
  void cleanup() noexcept;

  persistence::backend kind_;
  std::string url_;
  std::string sqlite_dir_;     // SQLite: the temporary directory holding the file
  std::string server_url_;     // MariaDB: where the database was created
  std::string database_name_;  // MariaDB: the per-test database
};

}  // namespace perkara::testing
