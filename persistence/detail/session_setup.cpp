#include "persistence/detail/session_setup.hpp"

#include "domain/ports/database.hpp"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fmt/format.h>

#include <exception>
#include <mutex>

namespace perkara::persistence::detail {
namespace {

// SQLite primary result codes (sqlite3.h), kept here so this file needs no sqlite3 header.
constexpr int sqlite_busy = 5;
constexpr int sqlite_locked = 6;
constexpr int sqlite_interrupt = 9;
constexpr int sqlite_ioerr = 10;
constexpr int sqlite_cantopen = 14;
constexpr int sqlite_constraint = 19;

// MariaDB server error numbers.
constexpr unsigned mysql_dup_entry = 1062;
constexpr unsigned mysql_dup_entry_with_key_name = 1586;
constexpr unsigned mysql_lock_wait_timeout = 1205;
constexpr unsigned mysql_deadlock = 1213;
constexpr unsigned mysql_too_many_connections = 1040;
constexpr unsigned mysql_server_shutdown = 1053;
constexpr unsigned mysql_lost_backend = 1927;

// A value for a SOCI MySQL connect string: single-quoted with \ escapes (soci mysql session.cpp).
std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

// The last line of a SOCI message is the useful one ("... while executing ..." is noise for users).
std::string first_line(std::string text) {
  if (const auto nl = text.find('\n'); nl != std::string::npos) {
    text.resize(nl);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '.')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

std::string connect_string(const database_url& url) {
  if (url.kind == backend::sqlite) {
    // SOCI's SQLite connect string cannot quote a value; a path with blanks is passed bare (SOCI then
    // takes the whole string as the file name) and the busy timeout comes from the PRAGMA in
    // init_session alone.
    if (url.path.find_first_of(" \t") != std::string::npos) {
      return url.path;
    }
    // timeout: the busy handler waits up to 5 s for a writer (SOCI's default is 0, gotcha 1).
    return fmt::format("db={} timeout=5", url.path);
  }
  std::string s = fmt::format("db={} user={} password={} charset=utf8mb4 connect_timeout=5 read_timeout=30 write_timeout=30",
                              url.database, quoted(url.user), quoted(url.password));
  if (url.socket) {
    s += " unix_socket=" + quoted(*url.socket);
  } else {
    s += fmt::format(" host={} port={}", quoted(url.host), url.port);
  }
  return s;
}

namespace {

// Process-wide SQLite settings, before the library's first use. Each connection is used by one thread
// at a time (a pool lease or the group committer), so SQLite's own per-call mutexes are not needed
// (multi-thread mode), nor its allocation statistics, which take a global mutex on every malloc.
// Measured with perf on the request-creation benchmark (docs/performance.md). If the library was
// already initialised, sqlite3_config refuses and the defaults simply stay.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // soci-sqlite3.h includes <sqlite3.h> inside namespace sqlite_api.
    (void)sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    (void)sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

}  // namespace

void open_session(soci::session& sql, const database_url& url) {
  if (url.kind == backend::sqlite) {
    configure_sqlite_once();
    sql.open(soci::sqlite3, connect_string(url));
  } else {
    sql.open(soci::mysql, connect_string(url));
  }
  init_session(sql, url.kind);
}

void init_session(soci::session& sql, backend kind) {
  if (kind == backend::sqlite) {
    // Neither is a connect-string option in SOCI 4.0.3; both are per connection (gotcha 2).
    sql << "PRAGMA foreign_keys=ON";
    sql << "PRAGMA busy_timeout=5000";
    sql << "PRAGMA synchronous=FULL";
    // Pages read through a memory map instead of a pread(2) each (the public status of a million-case
    // database spent most of its time copying pages in the kernel: docs/performance.md "The HTTP
    // path"). Debian's SQLite caps the map at 2 GiB (SQLITE_MAX_MMAP_SIZE); the rest is read as before.
    sql << "PRAGMA mmap_size=2147418112";
    return;
  }
  // READ COMMITTED: no gap locks; read-modify-write paths lock their rows with SELECT ... FOR UPDATE.
  sql << "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";
  sql << "SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
         "NO_ENGINE_SUBSTITUTION'";
  sql << "SET SESSION time_zone='+00:00'";
}

void ensure_connected(soci::session& sql, backend kind, bool idle) {
  if (kind != backend::mysql) {
    return;
  }
  // Client errors (CR_*, 2000 and up: server gone, connection lost) of the connection's last call are
  // known without a round trip; server errors (a duplicate key, a deadlock) leave it usable.
  constexpr unsigned first_client_error = 2000;
  auto* conn = static_cast<soci::mysql_session_backend*>(sql.get_backend())->conn_;
  if (!idle && conn != nullptr && mysql_errno(conn) < first_client_error) {
    return;
  }
  // No auto-reconnect (gotcha 7): a connection that died while idle is reopened here, between
  // transactions, where nothing can be lost.
  if (!sql.is_connected()) {
    try {
      sql.reconnect();
      init_session(sql, kind);
    } catch (...) {
      rethrow_translated();
    }
  }
}

void rethrow_translated() {
  try {
    throw;
  } catch (const soci::mysql_soci_error& e) {
    const unsigned n = e.err_num_;
    if (n == mysql_dup_entry || n == mysql_dup_entry_with_key_name) {
      throw ports::conflict_error("duplicate key: " + first_line(e.get_error_message()));
    }
    if (n == mysql_deadlock) {
      throw ports::transient_conflict_error("transaction rolled back by a concurrent one: " +
                                            first_line(e.get_error_message()));
    }
    if (e.get_error_category() == soci::soci_error::connection_error || (n >= 2000 && n < 3000) ||
        n == mysql_lost_backend || n == mysql_server_shutdown || n == mysql_too_many_connections ||
        n == mysql_lock_wait_timeout) {
      throw ports::unavailable_error("database unavailable: " + first_line(e.get_error_message()));
    }
    throw;
  } catch (const soci::sqlite3_soci_error& e) {
    const int r = e.result();
    const std::string msg = e.get_error_message();
    if (r == sqlite_constraint && (msg.find("UNIQUE") != std::string::npos || msg.find("PRIMARY KEY") != std::string::npos)) {
      throw ports::conflict_error("duplicate key: " + first_line(msg));
    }
    if (r == sqlite_interrupt && ports::read_budget::current() != nullptr) {
      // Stopped at a read budget (persistence/soci_database.cpp): the caller runs it again, unbounded.
      throw ports::over_budget_error("read budget exceeded");
    }
    if (r == sqlite_busy || r == sqlite_locked || r == sqlite_ioerr || r == sqlite_cantopen) {
      throw ports::unavailable_error("database unavailable: " + first_line(msg));
    }
    throw;
  }
}

std::string describe_current_exception() {
  try {
    throw;
  } catch (const soci::soci_error& e) {
    return first_line(e.get_error_message());
  } catch (const std::exception& e) {
    return first_line(e.what());
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace perkara::persistence::detail
