// perkara check --db URL [--files DIR] [--collect-orphans [--min-age-seconds N]]: the consistency of the
// database and the file store of case documents (docs/documents.md "Consistency"). Every checksum a
// row names must be a stored file whose content still hashes to it; stored files no row names are
// orphans (an upload that crashed between keeping its file and committing its row) and, with
// --collect-orphans, are removed once older than --min-age-seconds (default 3600, so an upload in
// flight is never touched). Exit code 0 when consistent, 2 when a file is missing or damaged.
#include "persistence/database_url.hpp"
#include "persistence/files/disk_file_store.hpp"
#include "persistence/files/files_location.hpp"
#include "persistence/files/verify.hpp"
#include "persistence/soci_database.hpp"
#include "server/cli.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <set>
#include <stdexcept>

namespace perkara::server {

namespace {

struct check_options {
  std::string database_url;
  std::string files;
  bool collect_orphans = false;
  long long min_age_seconds = 3600;
};

void check(const check_options& options) {
  const auto url = persistence::parse_database_url(options.database_url);
  const auto db = persistence::open_database(url, persistence::open_options{});
  persistence::disk_file_store store{persistence::files_location(url, options.files)};
  std::vector<std::string> referenced;
  {
    auto tx = db->begin(ports::access::read);
    referenced = tx->documents().all_checksums();
  }
  const auto verdict = persistence::verify_store(referenced, store);
  const std::set<std::string> named(referenced.begin(), referenced.end());
  persistence::disk_file_store::collected collected;
  if (options.collect_orphans) {
    collected = store.collect_orphans(named, std::chrono::seconds{options.min_age_seconds});
  }
  std::printf(
      "{\"documents_files\":%zu,\"missing\":%zu,\"damaged\":%zu,\"orphans\":%zu,\"orphans_removed\":%zu,"
      "\"staged_removed\":%zu}\n",
      referenced.size(), verdict.missing, verdict.damaged, verdict.orphans, collected.objects, collected.staged);
  if (!verdict.consistent()) {
    throw std::runtime_error("the file store is not consistent with the database (exit code 2)");
  }
}

}  // namespace

void register_check(CLI::App& perkara) {
  auto* command = perkara.add_subcommand(
      "check", "Verify every document's file and checksum; count (or remove) orphan files of the file store");
  auto options = std::make_shared<check_options>();
  add_database_option(*command, options->database_url);
  command->add_option("--files", options->files, "Directory of the file store (default: as perkara serve)")
      ->envname("PERKARA_FILES");
  command->add_flag("--collect-orphans", options->collect_orphans,
                    "Remove stored files no document names, once older than --min-age-seconds");
  command->add_option("--min-age-seconds", options->min_age_seconds, "Age below which an orphan is kept")
      ->check(whole_number_at_least(0))
      ->capture_default_str();
  command->callback([options] { check(*options); });
}

}  // namespace perkara::server
