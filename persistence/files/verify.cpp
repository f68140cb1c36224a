#include "persistence/files/verify.hpp"

#include <cstdio>
#include <set>

namespace perkara::persistence {

store_verdict verify_store(const std::vector<std::string>& referenced, const disk_file_store& store) {
  store_verdict v;
  const std::set<std::string> named(referenced.begin(), referenced.end());
  v.files = named.size();
  for (const auto& sha : named) {
    const auto actual = store.rehash(sha);
    if (!actual) {
      ++v.missing;
      std::fprintf(stderr, "perkara: missing file %s\n", sha.c_str());
    } else if (*actual != sha) {
      ++v.damaged;
      std::fprintf(stderr, "perkara: damaged file %s (content hashes to %s)\n", sha.c_str(), actual->c_str());
    }
  }
  for (const auto& sha : store.stored_checksums()) {
    if (!named.contains(sha)) {
      ++v.orphans;
    }
  }
  return v;
}

}  // namespace perkara::persistence
