// perkara restore --db URL [--files DIR] --from DIR [--force]: a backup of `perkara backup` into an
// empty database and file store (docs/operations.md "Backup and restore"). The backup is verified
// before anything is touched (the database copy's and every file's checksum); a target that holds
// tables or files is refused unless --force. Afterwards the restored database's documents are checked
// against the restored files (as `perkara check` does) and its counts against the manifest.
#include "persistence/backup.hpp"
#include "persistence/database_url.hpp"
#include "persistence/files/disk_file_store.hpp"
#include "persistence/files/file_copy.hpp"
#include "persistence/files/files_location.hpp"
#include "persistence/files/verify.hpp"
#include "persistence/migrations.hpp"
#include "server/backup_manifest.hpp"
#include "server/cli.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace perkara::server {
namespace {

namespace fs = std::filesystem;

struct restore_options {
  std::string database_url;
  std::string files;
  std::string from;
  bool force = false;
};

/// Refuses a backup that does not match its manifest, before the target is touched.
void verify_backup(const backup_manifest& m, const fs::path& from, const persistence::database_url& url) {
  if (m.kind != url.kind) {
    throw std::runtime_error(fmt::format("a {} backup restores into {} only",
                                         m.kind == persistence::backend::sqlite ? "SQLite" : "MariaDB",
                                         m.kind == persistence::backend::sqlite ? "SQLite" : "MariaDB"));
  }
  if (m.schema_version > persistence::latest_schema_version()) {
    throw std::runtime_error(fmt::format("the backup's schema version {} is newer than this binary's {}",
                                         m.schema_version, persistence::latest_schema_version()));
  }
  if (persistence::sha256_of_file(from / m.database_file) != m.database_sha256) {
    throw std::runtime_error("the backup's database copy is missing or damaged: " + (from / m.database_file).string());
  }
  const persistence::disk_file_store kept{from / files_dir_name};
  for (const auto& [sha, size] : m.files) {
    if (kept.rehash(sha) != sha) {
      throw std::runtime_error("the backup's file " + sha + " is missing or damaged");
    }
  }
}

/// SQLite: exactly the copy's counts. MariaDB: the manifest counted just after the dump, so a table may
/// hold fewer rows than it says, never more.
bool counts_match(const std::vector<std::pair<std::string, long long>>& restored,
                  const std::vector<std::pair<std::string, long long>>& recorded, persistence::backend kind) {
  if (restored.size() != recorded.size()) {
    return false;
  }
  for (std::size_t i = 0; i < restored.size(); ++i) {
    const bool same_table = restored[i].first == recorded[i].first;
    const bool rows_fit = kind == persistence::backend::sqlite ? restored[i].second == recorded[i].second
                                                               : restored[i].second <= recorded[i].second;
    if (!same_table || !rows_fit) {
      return false;
    }
  }
  return true;
}

void restore(const restore_options& options) {
  const auto url = persistence::parse_database_url(options.database_url);
  const fs::path from = options.from;
  const auto m = read_manifest(from);
  verify_backup(m, from, url);

  persistence::disk_file_store target{persistence::files_location(url, options.files)};
  const bool empty = persistence::database_is_empty(url) && target.stored_checksums().empty();
  if (!empty && !options.force) {
    throw std::runtime_error(
        "the target database or file store is not empty; --force replaces the database "
        "(and adds the files to the store)");
  }
  persistence::clear_database(url);
  persistence::load_database(url, from / m.database_file);
  const persistence::disk_file_store kept{from / files_dir_name};
  for (const auto& [sha, size] : m.files) {
    if (persistence::import_file(target, kept.address_of(sha)).sha256 != sha) {
      throw std::runtime_error("file " + sha + " changed while it was restored");
    }
  }

  // What was restored must be what was backed up: every named file intact, every count as recorded.
  const auto summary = persistence::summarise(url);
  const auto verdict = persistence::verify_store(summary.checksums, target);
  if (!verdict.consistent()) {
    throw std::runtime_error("the restored file store is not consistent with the restored database");
  }
  if (!counts_match(summary.counts, m.counts, url.kind)) {
    throw std::runtime_error("the restored database's counts differ from the backup's manifest");
  }
  std::string counts;
  for (const auto& [table, rows] : summary.counts) {
    counts += fmt::format("{}\"{}\":{}", counts.empty() ? "" : ",", table, rows);
  }
  std::printf("{\"restored\":\"%s\",\"schema_version\":%d,\"files\":%zu,\"counts\":{%s}}\n", from.string().c_str(),
              summary.schema_version, verdict.files, counts.c_str());
  if (summary.schema_version < persistence::latest_schema_version()) {
    std::fprintf(stderr, "perkara: the restored schema is version %d; run `perkara migrate` before serving\n",
                 summary.schema_version);
  }
}

}  // namespace

void register_restore(CLI::App& perkara) {
  auto* command =
      perkara.add_subcommand("restore", "Restore a backup of `perkara backup` into an empty database and file store");
  auto options = std::make_shared<restore_options>();
  add_database_option(*command, options->database_url);
  command->add_option("--files", options->files, "Directory of the file store (default: as perkara serve)")
      ->envname("PERKARA_FILES");
  command->add_option("--from", options->from, "The backup directory")->required();
  command->add_flag("--force", options->force, "Restore even when the target database or file store is not empty");
  command->callback([options] { restore(*options); });
}

}  // namespace perkara::server
