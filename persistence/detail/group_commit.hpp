#pragma once
// Internal: group commit for SQLite writes. SQLite has one writer at a time and, with
// synchronous=FULL, every COMMIT waits for an fsync of the WAL (~5 ms on the benchmark machine), which
// caps durable transactions at a few hundred per second if each pays its own fsync.
//
// Here every write transaction runs on one writer connection, as a SAVEPOINT inside a shared physical
// transaction. When a logical transaction commits it RELEASEs its savepoint and waits; the first one to
// wait becomes the leader, lets the transactions already queued for the connection join, then COMMITs
// once for all of them. Nobody's commit() returns before that COMMIT (and its fsync) succeeded, so what
// is acknowledged is still durable; if the COMMIT fails, every transaction of the batch fails. A logical
// transaction that is abandoned rolls back to its savepoint and leaves the others untouched.
//
// The leader waits for the queue at most `gather_window` (20 ms in the server). Tests that assert how
// transactions were batched pass a window no test can outlast, so the batch ends exactly when the queue
// is empty and never by the clock (tests/README.md, "Timing").

#include "persistence/database_url.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/detail/wal_checkpointer.hpp"

#include <soci/session.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

namespace perkara::persistence::detail {

/// A batch stops growing after this long, so a steady stream of new writers cannot hold back the COMMIT
/// of those already waiting.
inline constexpr std::chrono::milliseconds default_gather_window{20};

class group_committer {
 public:
  group_committer(const database_url& url, std::chrono::milliseconds wait_timeout,
                  std::chrono::milliseconds gather_window = default_gather_window);
  group_committer(const group_committer&) = delete;
  group_committer& operator=(const group_committer&) = delete;

  /// Takes the writer connection (waiting up to the timeout, else ports::unavailable_error) and opens
  /// a savepoint in the shared transaction. Exactly one of commit()/rollback() must follow.
  soci::session& enter();
  /// Releases the savepoint and returns once the batch holding it is durable; throws
  /// ports::unavailable_error when the batch's COMMIT failed.
  void commit();
  /// Undoes this transaction's work only, and hands the connection on.
  void rollback() noexcept;

  /// Physical COMMITs and committed logical transactions so far, and threads waiting in enter().
  [[nodiscard]] std::size_t commits() const;
  [[nodiscard]] std::size_t transactions() const;
  [[nodiscard]] int queued() const;
  /// The writer connection's kept statements (used by whoever holds the connection).
  statement_cache& statements() { return statements_; }

  /// WAL checkpoints run so far, off the committing threads (wal_checkpointer).
  [[nodiscard]] std::size_t checkpoints() const { return checkpointer_->checkpoints(); }

 private:
  struct batch {
    bool done = false;
    std::string failure;  // empty when the COMMIT succeeded
  };

  void hand_back(std::unique_lock<std::mutex>& lock);
  db_context writer_context();
  void lead(std::unique_lock<std::mutex>& lock);

  soci::session sql_;
  std::chrono::milliseconds wait_timeout_;
  std::chrono::milliseconds gather_window_;
  std::unique_ptr<wal_checkpointer> checkpointer_;  // after sql_: stops (joins) before it closes
  statement_cache statements_{sql_};                // after sql_: finalised before it closes

  mutable std::mutex mutex_;
  std::condition_variable connection_free_;  // one waiter in enter() at a time
  std::condition_variable leader_;           // the leader, deciding when to COMMIT
  std::condition_variable batch_done_;       // everyone waiting for their batch
  bool connection_busy_ = false;  // a logical transaction or a COMMIT is using sql_
  bool physical_open_ = false;    // BEGIN IMMEDIATE issued, COMMIT not yet
  bool broken_ = false;           // a savepoint could not be undone: the batch must roll back
  bool leader_waiting_ = false;   // a leader exists for the open batch
  int queued_ = 0;                // threads waiting in enter()
  std::size_t released_ = 0;      // logical transactions released into the open batch
  std::shared_ptr<batch> open_batch_ = std::make_shared<batch>();
  std::size_t commits_ = 0;
  std::size_t transactions_ = 0;
};

}  // namespace perkara::persistence::detail
