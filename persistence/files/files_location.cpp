#include "persistence/files/files_location.hpp"

namespace perkara::persistence {

std::filesystem::path files_location(const database_url& url, const std::string& explicit_dir) {
  if (!explicit_dir.empty()) {
    return explicit_dir;
  }
  if (url.kind == backend::sqlite && !url.path.empty() && url.path != ":memory:") {
    return url.path + ".files";
  }
  return "perkara-files";
}

}  // namespace perkara::persistence
