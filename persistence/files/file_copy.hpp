#pragma once
// Files copied into and checked against a file store from elsewhere: the backup directory's files and
// the database copy (docs/operations.md "Backup and restore").

#include "persistence/files/disk_file_store.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace perkara::persistence {

/// SHA-256 of a file's content, lower-case hex, read in pieces; nullopt when it cannot be read.
std::optional<std::string> sha256_of_file(const std::filesystem::path& file);

/// Copies a file into `store`, hashed on the way, and keeps it durably (fsync, rename, fsync of the
/// directory), so a copied file is verified by its new name. Its hash and size.
ports::staged_file import_file(disk_file_store& store, const std::filesystem::path& source);

}  // namespace perkara::persistence
