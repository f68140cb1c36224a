#pragma once
// The manifest of a backup directory (docs/operations.md "Backup and restore"), `manifest.json`,
// written last so that a directory without one is an unfinished backup:
//   {"format": "perkara-backup/1", "created_at", "backend", "schema_version",
//    "database": {"file", "sha256", "size"}, "counts": {table: rows}, "files": [{"sha256", "size"}]}

#include "persistence/database_url.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace perkara::server {

struct backup_manifest {
  std::string created_at;  // RFC 3339, UTC
  persistence::backend kind = persistence::backend::sqlite;
  int schema_version = 0;
  std::string database_file;  // relative to the backup directory
  std::string database_sha256;
  std::uint64_t database_size = 0;
  std::vector<std::pair<std::string, long long>> counts;
  std::vector<std::pair<std::string, std::uint64_t>> files;  // sha256, size
};

inline constexpr const char* manifest_name = "manifest.json";
inline constexpr const char* files_dir_name = "files";

std::string to_json(const backup_manifest& m);
/// Reads DIR/manifest.json; throws std::runtime_error naming what is wrong.
backup_manifest read_manifest(const std::filesystem::path& dir);

}  // namespace perkara::server
