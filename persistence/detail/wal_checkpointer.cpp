#include "persistence/detail/wal_checkpointer.hpp"

#include "domain/json_text.hpp"
#include "persistence/detail/session_setup.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdio>
#include <string>

namespace perkara::persistence::detail {
namespace {

// SQLite's own auto-checkpoint threshold (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT), kept.
constexpr int checkpoint_pages = 1000;

sqlite_api::sqlite3* handle_of(soci::session& sql) {
  return static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
}

int on_wal_commit(void* self, sqlite_api::sqlite3*, const char*, int pages) {
  static_cast<wal_checkpointer*>(self)->committed(pages);
  return 0;  // SQLITE_OK
}

}  // namespace

wal_checkpointer::wal_checkpointer(const database_url& url, soci::session& writer) : writer_(writer) {
  open_session(sql_, url);
  thread_ = std::thread([this] { run(); });
  // Replaces the writer's auto-checkpoint, which SQLite implements as this same hook.
  sqlite_api::sqlite3_wal_hook(handle_of(writer_), &on_wal_commit, this);
}

wal_checkpointer::~wal_checkpointer() {
  sqlite_api::sqlite3_wal_hook(handle_of(writer_), nullptr, nullptr);
  {
    std::lock_guard lock{mutex_};
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void wal_checkpointer::committed(int wal_pages) {
  if (wal_pages < checkpoint_pages) {
    return;
  }
  {
    std::lock_guard lock{mutex_};
    due_ = true;
  }
  wake_.notify_one();
}

std::size_t wal_checkpointer::checkpoints() const {
  std::lock_guard lock{mutex_};
  return checkpoints_;
}

void wal_checkpointer::run() {
  std::unique_lock lock{mutex_};
  for (;;) {
    wake_.wait(lock, [this] { return due_ || stopping_; });
    if (stopping_) {
      return;
    }
    due_ = false;
    lock.unlock();
    try {
      sql_ << "PRAGMA wal_checkpoint(PASSIVE)";
    } catch (const std::exception& e) {
      // Not fatal: the log only grows until a later checkpoint succeeds.
      const auto line = R"({"level":"error","component":"database","where":"wal_checkpoint","error":)" +
                        domain::json_quote(e.what()) + "}\n";
      std::fwrite(line.data(), 1, line.size(), stderr);
    }
    lock.lock();
    ++checkpoints_;
  }
}

}  // namespace perkara::persistence::detail
