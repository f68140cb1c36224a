#pragma once
// Durable file-system steps shared by the file store and backups (docs/documents.md "Storage",
// docs/operations.md "Backup and restore"): a file reaches the disk (fsync) before it gets its name
// (rename), and a new name is made durable by an fsync of its directory.

#include <filesystem>
#include <string>

namespace perkara::persistence {

/// Throws std::system_error naming `what` and `path`, with errno.
[[noreturn]] void fail_errno(const std::string& what, const std::string& path);

/// fsync of a regular file.
void fsync_file(const std::filesystem::path& file);
/// fsync of a directory (after a rename or a new entry in it).
void fsync_dir(const std::filesystem::path& dir);
/// Creates `dir` and any missing parents, fsyncing the parent of each directory it creates.
void make_durable_dirs(const std::filesystem::path& dir);
/// Writes `bytes` to `target` durably: a temporary file beside it, fsync, rename, fsync of the directory.
void write_file_durably(const std::filesystem::path& target, std::string_view bytes);

}  // namespace perkara::persistence
