#pragma once
// Internal: prepared statements kept per SQLite connection, and one use of a statement.
//
// SOCI prepares a statement on every call (`sql << ...`); on SQLite that parse and plan took 14-30 % of
// a request's CPU (docs/performance.md). A SQLite connection of the pool or the group-commit writer
// therefore keeps each statement it has prepared, keyed by its SQL text, for as long as the connection
// lives: SQLite connections never reconnect, and the cache is destroyed before its connection closes.
// This departs from the usual SOCI rule ("prepared inside the call, never cached across leases") for
// SQLite only, which is why every use ends with a reset: a kept statement holds no read snapshot and
// no binding past the call that used it. MariaDB statements are still prepared per call (SOCI's mysql
// backend substitutes parameters on the client anyway).

#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace perkara::persistence::detail {

class statement_cache {
 public:
  explicit statement_cache(soci::session& sql) : sql_(sql) {}
  statement_cache(const statement_cache&) = delete;
  statement_cache& operator=(const statement_cache&) = delete;

  struct entry {
    soci::statement statement;
    bool in_use = false;
  };

  /// The statement prepared for `text` on this connection (prepared now on first use), unbound; null
  /// while that statement is still in use (a nested use of the same text then prepares its own).
  entry* acquire(const std::string& text);
  /// Ends a use of an acquired statement: resets it and drops its bindings.
  static void release(entry& e) noexcept;

  [[nodiscard]] std::size_t size() const { return statements_.size(); }

 private:
  soci::session& sql_;
  std::unordered_map<std::string, entry> statements_;
};

/// One use of a statement: the connection's kept statement when the context has a cache, else one
/// prepared for this use only. Bind with run(elements...) for a single row or no rows, or with
/// open(elements...) and then fetch() for several.
class prepared {
 public:
  prepared(const db_context& ctx, const std::string& text);
  ~prepared();
  prepared(const prepared&) = delete;
  prepared& operator=(const prepared&) = delete;

  /// Binds the into/use elements and executes, exchanging the first row: true when there was one.
  template <class... Elements>
  bool run(Elements&&... elements) {
    bind(std::forward<Elements>(elements)...);
    return statement().execute(true);
  }
  /// Binds and executes without reading; then fetch() row by row.
  template <class... Elements>
  void open(Elements&&... elements) {
    bind(std::forward<Elements>(elements)...);
    statement().execute(false);
  }
  bool fetch() { return statement().fetch(); }
  long long affected_rows() { return statement().get_affected_rows(); }

  /// For bindings built at run time: exchange() on it, then bound(), then execute.
  soci::statement& statement() { return cached_ != nullptr ? cached_->statement : *own_; }
  void bound() { statement().define_and_bind(); }

 private:
  template <class... Elements>
  void bind(Elements&&... elements) {
    auto& st = statement();
    (st.exchange(std::forward<Elements>(elements)), ...);
    st.define_and_bind();
  }

  statement_cache::entry* cached_ = nullptr;
  std::optional<soci::statement> own_;
};

}  // namespace perkara::persistence::detail
