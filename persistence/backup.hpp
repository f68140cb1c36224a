#pragma once
// The database half of `perkara backup` and `perkara restore` (docs/operations.md "Backup and
// restore"): a consistent copy of the database, loading it into an empty one, and what a database
// holds (for the backup's manifest and the restore's check). The file store half is
// persistence/files/file_copy.hpp; server/command_backup.cpp puts the two together.

#include "persistence/database_url.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace perkara::persistence {

/// The name of the database copy inside a backup directory: `database.sqlite` or `database.sql`.
std::string database_copy_name(backend kind);

/// Writes a consistent copy of the database to `target` (which must not exist), durably. SQLite:
/// `VACUUM INTO` (one read transaction; writers go on). MariaDB: `mariadb-dump --single-transaction`
/// (one consistent snapshot, no table locks). Throws on failure.
void dump_database(const database_url& url, const std::filesystem::path& target);

/// Loads a copy written by dump_database into the database `url`. SQLite: the file is replaced
/// durably (its -wal and -shm removed) and put back in WAL mode. MariaDB: the `mariadb` client runs
/// the dump. The caller has checked the target is empty, or cleared it.
void load_database(const database_url& url, const std::filesystem::path& source);

/// True when the database holds no tables (a SQLite file that does not exist is empty).
bool database_is_empty(const database_url& url);

/// Drops every table and view of a MariaDB database (restore --force); SQLite needs nothing, its
/// file is replaced.
void clear_database(const database_url& url);

struct database_summary {
  int schema_version = 0;
  std::vector<std::pair<std::string, long long>> counts;  // table, rows
  std::vector<std::string> checksums;                     // every distinct file checksum a document names
};

/// The schema version, the rows of the case tables and the file checksums of a database.
database_summary summarise(const database_url& url);

}  // namespace perkara::persistence
