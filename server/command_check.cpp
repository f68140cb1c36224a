// perkara check --db URL [--files DIR] [--collect-orphans [--min-age-seconds N]]: the consistency of the
// database and the file store of case documents (docs/documents.md "Consistency"). Every checksum a
// row names must be a stored file whose content still hashes to it; stored files no row names are
// orphans (an upload that crashed between keeping its file and committing its row) and, with
// --collect-orphans, are removed once older than --min-age-seconds (default 3600, so an upload in
// flight is never touched). Exit code 0 when consistent, 2 when a file is missing or damaged.
#include "persistence/database_url.hpp"
#include "persistence/files/disk_file_store.hpp"
#include "persistence/files/files_location.hpp"
#include "persistence/soci_database.hpp"
#include "server/cli.hpp"

#include <charconv>
#include <cstdio>
#include <set>
#include <stdexcept>

namespace perkara::server {

int command_check(const cli_options& options) {
  const auto url = persistence::parse_database_url(options.database_url());
  const auto db = persistence::open_database(url, persistence::open_options{});
  persistence::disk_file_store store{persistence::files_location(url, options.get("files"))};
  std::vector<std::string> referenced;
  {
    auto tx = db->begin(ports::access::read);
    referenced = tx->documents().all_checksums();
  }
  std::size_t missing = 0;
  std::size_t damaged = 0;
  for (const auto& sha : referenced) {
    const auto actual = store.rehash(sha);
    if (!actual) {
      ++missing;
      std::fprintf(stderr, "perkara: missing file %s\n", sha.c_str());
    } else if (*actual != sha) {
      ++damaged;
      std::fprintf(stderr, "perkara: damaged file %s (content hashes to %s)\n", sha.c_str(), actual->c_str());
    }
  }
  const std::set<std::string> named(referenced.begin(), referenced.end());
  std::size_t orphans = 0;
  for (const auto& sha : store.stored_checksums()) {
    if (!named.contains(sha)) {
      ++orphans;
    }
  }
  persistence::disk_file_store::collected collected;
  if (options.has("collect-orphans")) {
    long long min_age = 3600;
    if (options.has("min-age-seconds")) {
      const auto text = options.get("min-age-seconds");
      const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), min_age);
      if (ec != std::errc{} || ptr != text.data() + text.size() || min_age < 0) {
        throw std::invalid_argument("--min-age-seconds needs a whole number, 0 or more");
      }
    }
    collected = store.collect_orphans(named, std::chrono::seconds{min_age});
  }
  std::printf(
      "{\"documents_files\":%zu,\"missing\":%zu,\"damaged\":%zu,\"orphans\":%zu,\"orphans_removed\":%zu,"
      "\"staged_removed\":%zu}\n",
      referenced.size(), missing, damaged, orphans, collected.objects, collected.staged);
  return missing + damaged == 0 ? 0 : 2;
}

}  // namespace perkara::server
