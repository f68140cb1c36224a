#pragma once
// The ports::database implementation over a SOCI connection pool (SQLite or MariaDB).

#include "domain/ports/database.hpp"
#include "persistence/database_url.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace perkara::persistence {

struct open_options {
  std::size_t pool_size = 4;
  /// Refuse a database whose schema is not exactly latest_schema_version(). Only migrate turns it off.
  bool require_current_schema = true;
  /// How long begin() waits for a free connection before it throws ports::unavailable_error.
  std::chrono::milliseconds lease_timeout{10'000};
};

/// Opens every pool slot up front. Throws open_error (one line, password redacted) when the database
/// is unreachable, not migrated, or migrated by a newer binary.
std::unique_ptr<ports::database> open_database(const database_url& url, const open_options& options);
std::unique_ptr<ports::database> open_database(const database_url& url, std::size_t pool_size);

struct schema_status {
  int current = 0;   // the highest applied migration; 0 when the database was never migrated
  int expected = 0;  // latest_schema_version() of this binary

  [[nodiscard]] bool up_to_date() const { return current == expected; }
  [[nodiscard]] bool newer() const { return current > expected; }
  /// e.g. "schema version 0, expected 3: run `perkara migrate`".
  [[nodiscard]] std::string describe() const;
};

/// Connects once and reads the schema version. Throws open_error when the database is unreachable.
schema_status check_schema(const database_url& url);

}  // namespace perkara::persistence
