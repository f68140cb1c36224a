#pragma once
// Where the file store of case documents lives when `--files DIR` is not given (docs/documents.md
// "Storage"): beside the SQLite file (`perkara.db` → `perkara.db.files/`), and for MariaDB
// `perkara-files/` in the working directory (production sets --files explicitly; docs/operations.md).

#include "persistence/database_url.hpp"

#include <filesystem>
#include <string>

namespace perkara::persistence {

std::filesystem::path files_location(const database_url& url, const std::string& explicit_dir);

}  // namespace perkara::persistence
