#pragma once
// Internal: opening and initialising one SOCI session per backend, and translating SOCI errors into
// the port errors at the persistence boundary.

#include "persistence/database_url.hpp"

#include <soci/session.h>

#include <string>
#include <utility>

namespace perkara::persistence::detail {

/// The SOCI connect string (timeouts, charset; never `reconnect`).
std::string connect_string(const database_url& url);

/// Opens `sql` with the backend's factory object and runs the per-connection set-up.
void open_session(soci::session& sql, const database_url& url);

/// Per-connection settings: SQLite foreign keys and synchronous=FULL; MariaDB isolation and sql_mode.
void init_session(soci::session& sql, backend kind);

/// Makes sure a leased MariaDB connection still answers; reconnects (and re-initialises) if not. The
/// check is a round trip (a ping), so it is made only when the connection was idle (`idle`: unused for
/// a while, when the server or the network may have dropped it) or its last call failed with a client
/// error (lost connection and the like); a connection in steady use is trusted.
void ensure_connected(soci::session& sql, backend kind, bool idle = true);

/// Call inside a catch block: rethrows the active exception as ports::conflict_error (duplicate key),
/// ports::unavailable_error (connection lost, busy, locked), or unchanged.
[[noreturn]] void rethrow_translated();

/// Runs `f`, translating SOCI errors as rethrow_translated does.
template <class F>
decltype(auto) translated(F&& f) {
  try {
    return std::forward<F>(f)();
  } catch (...) {
    rethrow_translated();
  }
}

/// The one-line reason of a failure, for start-up messages.
std::string describe_current_exception();

}  // namespace perkara::persistence::detail
