#pragma once
// Numbered schema migrations (0001_..., 0002_...), the same logical schema on SQLite and MariaDB, plus
// the reference data (organisations, holidays, rule sets) that every migrate run loads idempotently.

#include "persistence/database_url.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace perkara::persistence {

/// The schema version this binary expects: the number of the last migration it knows.
int latest_schema_version();

struct applied_migration {
  int version = 0;
  std::string name;  // e.g. "0001_core"
};

/// What one migrate run changed. A second run on the same database reports nothing.
struct migration_report {
  std::vector<applied_migration> applied;
  std::size_t organisations_added = 0;
  std::size_t holidays_added = 0;
  std::size_t holidays_updated = 0;  // rows refreshed from the CSV (never ones an admin changed)
  std::size_t rulesets_added = 0;

  [[nodiscard]] bool changed_anything() const {
    return !applied.empty() || organisations_added + holidays_added + holidays_updated + rulesets_added > 0;
  }
};

/// Applies the missing migrations (each in its own transaction, recorded in schema_migrations) and loads
/// the reference data from `data_dir`. Idempotent. Throws open_error when the database cannot be
/// reached or its schema is newer than this binary, reference_data_error on a bad data file.
migration_report migrate(const database_url& url, const std::filesystem::path& data_dir);

/// As above with the data directory from resolve_data_dir().
migration_report migrate(const database_url& url);

}  // namespace perkara::persistence
