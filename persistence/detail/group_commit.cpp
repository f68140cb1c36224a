#include "persistence/detail/group_commit.hpp"

#include "domain/ports/database.hpp"
#include "persistence/detail/session_setup.hpp"

#include <soci/soci.h>

#include <fmt/format.h>

namespace perkara::persistence::detail {
namespace {

// A batch stops growing at this many transactions (or after the gather window), so a steady stream of
// new writers cannot hold back the COMMIT of those already waiting.
constexpr std::size_t max_batch = 256;

}  // namespace

group_committer::group_committer(const database_url& url, std::chrono::milliseconds wait_timeout,
                                 std::chrono::milliseconds gather_window)
    : wait_timeout_(wait_timeout), gather_window_(gather_window) {
  open_session(sql_, url);
  // Every write of the server runs here, so this connection's page cache holds what all of them touch
  // (sessions, users, the tails of the event and audit tables, index pages). SQLite's default of 2 MiB
  // let a durable action read 47 pages from the file; 32 MiB halves that (docs/performance.md).
  sql_ << "PRAGMA cache_size=-32768";
  checkpointer_ = std::make_unique<wal_checkpointer>(url, sql_);
}

db_context group_committer::writer_context() { return db_context{sql_, backend::sqlite, nullptr, &statements_}; }

soci::session& group_committer::enter() {
  std::unique_lock lock{mutex_};
  ++queued_;
  const bool free = connection_free_.wait_for(lock, wait_timeout_, [this] { return !connection_busy_; });
  --queued_;
  if (!free) {
    leader_.notify_one();  // a leader may be waiting for the queue to empty
    throw ports::unavailable_error(
        fmt::format("the database writer stayed busy for {} ms", static_cast<long long>(wait_timeout_.count())));
  }
  connection_busy_ = true;
  const bool begin = !physical_open_;
  lock.unlock();

  bool begun = false;
  try {
    if (begin) {
      // IMMEDIATE takes the write lock up front, under the busy timeout (another process may write).
      translated([&] { sql_ << "BEGIN IMMEDIATE"; });
      begun = true;
    }
    translated([&] { prepared(writer_context(), "SAVEPOINT logical").run(); });
  } catch (...) {
    lock.lock();
    if (begun) {
      // The physical transaction is ours alone (nothing was released into it yet): end it.
      try {
        sql_ << "ROLLBACK";
      } catch (...) {
      }
    }
    hand_back(lock);
    throw;
  }
  lock.lock();
  physical_open_ = true;
  return sql_;
}

void group_committer::rollback() noexcept {
  bool undone = true;
  try {
    sql_ << "ROLLBACK TO logical";
    sql_ << "RELEASE logical";
  } catch (...) {
    undone = false;
  }
  std::unique_lock lock{mutex_};
  // Only the connection's holder adds to released_, and the leader clears it only while holding the
  // connection, so it cannot change while we end our part outside the lock.
  const bool alone = released_ == 0;
  lock.unlock();
  if (alone) {
    // Nobody else's work is in the physical transaction: end it now rather than hold the write lock.
    try {
      sql_ << "ROLLBACK";
    } catch (...) {
    }
  }
  lock.lock();
  if (alone) {
    physical_open_ = false;
    broken_ = false;
  } else if (!undone) {
    broken_ = true;  // the leader rolls the whole batch back and fails it
  }
  hand_back(lock);
}

void group_committer::commit() {
  try {
    translated([&] { prepared(writer_context(), "RELEASE logical").run(); });
  } catch (...) {
    rollback();
    throw;
  }
  std::unique_lock lock{mutex_};
  const auto mine = open_batch_;
  ++released_;
  ++transactions_;
  hand_back(lock);
  if (!leader_waiting_) {
    lead(lock);
  } else {
    batch_done_.wait(lock, [&] { return mine->done; });
  }
  if (!mine->failure.empty()) {
    throw ports::unavailable_error("database unavailable: " + mine->failure);
  }
}

void group_committer::lead(std::unique_lock<std::mutex>& lock) {
  leader_waiting_ = true;
  // Let the transactions already queued for the connection join this batch before paying the fsync.
  const auto deadline = std::chrono::steady_clock::now() + gather_window_;
  leader_.wait_until(lock, deadline,
                     [this] { return (queued_ == 0 && !connection_busy_) || released_ >= max_batch; });
  leader_.wait(lock, [this] { return !connection_busy_; });
  connection_busy_ = true;
  const auto finishing = open_batch_;
  const bool broken = broken_;
  lock.unlock();

  std::string failure;
  try {
    if (broken) {
      sql_ << "ROLLBACK";
      failure = "a transaction of the batch could not be undone; the batch was rolled back";
    } else {
      sql_ << "COMMIT";
    }
  } catch (...) {
    failure = describe_current_exception();
    try {
      sql_ << "ROLLBACK";
    } catch (...) {
    }
  }

  lock.lock();
  finishing->failure = std::move(failure);
  finishing->done = true;
  open_batch_ = std::make_shared<batch>();
  physical_open_ = false;
  broken_ = false;
  released_ = 0;
  leader_waiting_ = false;
  ++commits_;
  hand_back(lock);
  batch_done_.notify_all();
}

void group_committer::hand_back(std::unique_lock<std::mutex>& lock) {
  (void)lock;  // held by the caller
  connection_busy_ = false;
  connection_free_.notify_one();
  leader_.notify_one();
}

std::size_t group_committer::commits() const {
  std::lock_guard lock{mutex_};
  return commits_;
}

int group_committer::queued() const {
  std::lock_guard lock{mutex_};
  return queued_;
}

std::size_t group_committer::transactions() const {
  std::lock_guard lock{mutex_};
  return transactions_;
}

}  // namespace perkara::persistence::detail
