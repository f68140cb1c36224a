#include "persistence/detail/statement_cache.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

namespace perkara::persistence::detail {
namespace {

// Prepared statements built from run-time filters (lists) come in a bounded number of shapes; past
// this many the connection starts over rather than grow without bound.
constexpr std::size_t max_statements = 256;

}  // namespace

statement_cache::entry* statement_cache::acquire(const std::string& text) {
  auto it = statements_.find(text);
  if (it == statements_.end()) {
    if (statements_.size() >= max_statements) {
      std::erase_if(statements_, [](const auto& kept) { return !kept.second.in_use; });
    }
    soci::statement st(sql_);
    st.alloc();
    st.prepare(text);
    it = statements_.emplace(text, entry{std::move(st)}).first;
  } else if (it->second.in_use) {
    return nullptr;
  }
  it->second.in_use = true;
  return &it->second;
}

void statement_cache::release(entry& e) noexcept {
  try {
    // A statement stepped but not run to its end keeps a read snapshot until it is reset. This is what
    // soci's own sqlite3_statement_backend::reset() does (not exported by libsoci_sqlite3 4.0.3).
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(e.statement.get_backend());
    if (backend->stmt_ != nullptr && sqlite_api::sqlite3_reset(backend->stmt_) == SQLITE_OK) {
      backend->databaseReady_ = true;
    }
    e.statement.bind_clean_up();
  } catch (...) {
    // Nothing to report: a failed step was already thrown to the caller.
  }
  e.in_use = false;
}

prepared::prepared(const db_context& ctx, const std::string& text) {
  if (ctx.statements != nullptr) {
    cached_ = ctx.statements->acquire(text);
    if (cached_ != nullptr) {
      return;
    }
  }
  own_.emplace(ctx.sql);
  own_->alloc();
  own_->prepare(text);
}

prepared::~prepared() {
  if (cached_ != nullptr) {
    statement_cache::release(*cached_);
  }
}

}  // namespace perkara::persistence::detail
