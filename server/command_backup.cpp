// perkara backup --db URL [--files DIR] --to DIR: the database and the file store together
// (docs/operations.md "Backup and restore"). The database is copied first, as one consistent snapshot
// (SQLite VACUUM INTO, MariaDB mariadb-dump --single-transaction); then every file a document of that
// copy names is copied, re-hashed on the way (a damaged file fails the backup). Files never change and
// are never deleted while a row names them, so the files copied after the snapshot are those it names.
// The manifest (time, schema version, counts, checksums) is written last.
#include "persistence/backup.hpp"
#include "persistence/database_url.hpp"
#include "persistence/files/disk_file_store.hpp"
#include "persistence/files/durable.hpp"
#include "persistence/files/file_copy.hpp"
#include "persistence/files/files_location.hpp"
#include "server/backup_manifest.hpp"
#include "server/cli.hpp"
#include "server/system_clock.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace perkara::server {
namespace {

namespace fs = std::filesystem;

struct backup_options {
  std::string database_url;
  std::string files;
  std::string to;
};

void backup(const backup_options& options) {
  const auto url = persistence::parse_database_url(options.database_url);
  const fs::path to = options.to;
  if (fs::exists(to) && !fs::is_empty(to)) {
    throw std::runtime_error("the backup directory is not empty: " + to.string());
  }
  persistence::make_durable_dirs(to);
  backup_manifest m;
  m.created_at = domain::format_rfc3339(system_clock{}.now(), 0);
  m.kind = url.kind;
  m.database_file = persistence::database_copy_name(url.kind);
  const auto copy = to / m.database_file;
  persistence::dump_database(url, copy);
  m.database_sha256 = persistence::sha256_of_file(copy).value_or("");
  m.database_size = fs::file_size(copy);

  // SQLite: what the copy holds, exactly. MariaDB: counted just after the dump (a busy server may have
  // added rows since; the files of those are copied too and restore as orphans).
  persistence::database_url copy_url;
  copy_url.path = copy.string();
  const auto summary = persistence::summarise(url.kind == persistence::backend::sqlite ? copy_url : url);
  m.schema_version = summary.schema_version;
  m.counts = summary.counts;

  const persistence::disk_file_store live{persistence::files_location(url, options.files)};
  persistence::disk_file_store kept{to / files_dir_name};
  for (const auto& sha : summary.checksums) {
    const auto source = live.address_of(sha);
    if (!fs::exists(source)) {
      throw std::runtime_error("missing file " + sha + " (run perkara check)");
    }
    const auto staged = persistence::import_file(kept, source);
    if (staged.sha256 != sha) {
      throw std::runtime_error("damaged file " + sha + " (run perkara check)");
    }
    m.files.emplace_back(sha, staged.size);
  }
  persistence::write_file_durably(to / manifest_name, to_json(m));
  std::uint64_t bytes = 0;
  for (const auto& f : m.files) {
    bytes += f.second;
  }
  std::printf("{\"backup\":\"%s\",\"schema_version\":%d,\"database_bytes\":%llu,\"files\":%zu,\"file_bytes\":%llu}\n",
              to.string().c_str(), m.schema_version, static_cast<unsigned long long>(m.database_size), m.files.size(),
              static_cast<unsigned long long>(bytes));
}

}  // namespace

void register_backup(CLI::App& perkara) {
  auto* command =
      perkara.add_subcommand("backup", "Back up the database and the file store together into a new directory");
  auto options = std::make_shared<backup_options>();
  add_database_option(*command, options->database_url);
  command->add_option("--files", options->files, "Directory of the file store (default: as perkara serve)")
      ->envname("PERKARA_FILES");
  command->add_option("--to", options->to, "The backup directory (created; must be empty)")->required();
  command->callback([options] { backup(*options); });
}

}  // namespace perkara::server
