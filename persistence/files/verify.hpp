#pragma once
// Whether the file store holds, intact, every file the database names (docs/documents.md
// "Consistency"): used by `perkara check` and, after loading a backup, by `perkara restore`.

#include "persistence/files/disk_file_store.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace perkara::persistence {

struct store_verdict {
  std::size_t files = 0;    // distinct checksums named
  std::size_t missing = 0;  // named but not stored
  std::size_t damaged = 0;  // stored, but the content no longer hashes to its name
  std::size_t orphans = 0;  // stored, named by no row

  [[nodiscard]] bool consistent() const { return missing + damaged == 0; }
};

/// Re-hashes every file `referenced` names; each missing or damaged one is reported on stderr.
store_verdict verify_store(const std::vector<std::string>& referenced, const disk_file_store& store);

}  // namespace perkara::persistence
