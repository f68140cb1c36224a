#include "persistence/detail/session_setup.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

namespace perkara::persistence::detail {

long long soci_sequence_repository::next(const std::string& scope) {
  // Create the counter on first use, then increment it: the UPDATE takes the row lock (MariaDB) or
  // runs under the write transaction's lock (SQLite BEGIN IMMEDIATE), so concurrent callers queue.
  const char* create = ctx_.kind == backend::mysql ? "INSERT IGNORE INTO sequences (scope, value) VALUES (:s, 0)"
                                                   : "INSERT OR IGNORE INTO sequences (scope, value) VALUES (:s, 0)";
  long long value = 0;
  translated([&] {
    ctx_.sql << create, soci::use(scope);
    ctx_.sql << "UPDATE sequences SET value = value + 1 WHERE scope = :s", soci::use(scope);
    ctx_.sql << "SELECT value FROM sequences WHERE scope = :s", soci::use(scope), soci::into(value);
  });
  return value;
}

}  // namespace perkara::persistence::detail
