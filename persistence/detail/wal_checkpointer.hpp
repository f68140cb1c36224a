#pragma once
// Internal: WAL checkpoints of the SQLite writer, on a thread of their own.
//
// By default SQLite checkpoints inside the COMMIT that takes the write-ahead log past 1000 pages: that
// COMMIT then copies the pages into the database file and fsyncs it, while every writer of the group
// commit waits for it (about 6 % of a durable action's time on the benchmark, and all of its fsync).
// Here the writer connection only reports its log size after each COMMIT; past the threshold a
// checkpointer thread with its own connection runs a PASSIVE checkpoint, which neither blocks nor waits
// for the writer or the readers. What is in the log is already durable, so nothing acknowledged depends
// on the checkpoint.

#include "persistence/database_url.hpp"

#include <soci/session.h>

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace perkara::persistence::detail {

class wal_checkpointer {
 public:
  /// Opens its own connection to `url` and starts the thread; `writer` then stops checkpointing by
  /// itself and reports its log size here instead.
  wal_checkpointer(const database_url& url, soci::session& writer);
  ~wal_checkpointer();
  wal_checkpointer(const wal_checkpointer&) = delete;
  wal_checkpointer& operator=(const wal_checkpointer&) = delete;

  /// Checkpoints run so far (for tests).
  [[nodiscard]] std::size_t checkpoints() const;

  /// The log size after a COMMIT of the writer, in pages (called by SQLite, on the writer's thread).
  void committed(int wal_pages);

 private:
  void run();

  soci::session& writer_;
  soci::session sql_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stopping_ = false;
  std::size_t checkpoints_ = 0;
  std::thread thread_;
};

}  // namespace perkara::persistence::detail
