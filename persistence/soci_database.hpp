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
  /// Refuse a database whose schema this binary cannot serve (schema_status::servable()). Only migrate
  /// turns it off.
  bool require_current_schema = true;
  /// The schema level this binary knows; 0 means latest_schema_version(). Tests set a lower one to act
  /// as an older binary.
  int known_schema_version = 0;
  /// How long begin() waits for a free connection before it throws ports::unavailable_error.
  std::chrono::milliseconds lease_timeout{10'000};
};

/// Opens every pool slot up front. Throws open_error (one line, password redacted) when the database
/// is unreachable, not migrated, or migrated by a newer binary with a migration this one cannot run against.
std::unique_ptr<ports::database> open_database(const database_url& url, const open_options& options);
std::unique_ptr<ports::database> open_database(const database_url& url, std::size_t pool_size);

/// The schema of a database as one binary sees it (docs/deploy.md "Rolling upgrades").
struct schema_status {
  int current = 0;   // the highest applied migration; 0 when the database was never migrated
  int expected = 0;  // the last migration this binary knows (latest_schema_version())
  /// Recorded with `current` (schema_migrations.oldest_binary_version): the oldest schema level a
  /// binary must know to run against the database. Read only when the database is newer than the
  /// binary; 0 when not recorded.
  int oldest_binary = 0;

  [[nodiscard]] bool up_to_date() const { return current == expected; }
  [[nodiscard]] bool newer() const { return current > expected; }
  /// Up to date, or newer with only additive migrations beyond this binary's: it may serve.
  [[nodiscard]] bool servable() const {
    return up_to_date() || (newer() && oldest_binary > 0 && oldest_binary <= expected);
  }
  /// One line naming both versions, e.g. "schema version 0, expected 3: run `perkara migrate`".
  [[nodiscard]] std::string describe() const;
};

/// Connects once and reads the schema version, as a binary that knows `known_version` (0: this one).
/// Throws open_error when the database is unreachable.
schema_status check_schema(const database_url& url, int known_version = 0);

}  // namespace perkara::persistence
