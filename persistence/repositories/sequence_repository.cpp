#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

namespace perkara::persistence::detail {

long long soci_sequence_repository::next(const std::string& scope) {
  // One statement creates or increments the counter and takes its row's write lock at once, so
  // concurrent callers queue on it (MariaDB) or on the write transaction (SQLite BEGIN IMMEDIATE). An
  // INSERT IGNORE followed by an UPDATE would take a shared lock first and deadlock two callers.
  const char* bump = ctx_.kind == backend::mysql
                         ? "INSERT INTO sequences (scope, value) VALUES (:s, 1) ON DUPLICATE KEY UPDATE value = value + 1"
                         : "INSERT INTO sequences (scope, value) VALUES (:s, 1) "
                           "ON CONFLICT (scope) DO UPDATE SET value = value + 1";
  long long value = 0;
  translated([&] {
    ctx_.sql << bump, soci::use(scope);
    prepared(ctx_, "SELECT value FROM sequences WHERE scope = :s").run(soci::use(scope), soci::into(value));
  });
  return value;
}

}  // namespace perkara::persistence::detail
