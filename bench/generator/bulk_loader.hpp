#pragma once
// Fast loading for the generator. Rows are collected per table as plain values; a writer thread inserts
// them on its own connection in large transactions while the caller generates the next rows:
//  - SQLite: one prepared INSERT per table, bound and stepped row by row (parsing is the cost there);
//  - MariaDB: multi-row `INSERT ... VALUES (...),(...)` text, a few hundred rows per statement (SOCI's
//    mysql backend runs bulk binds row by row), literals escaped for MariaDB's default sql_mode ('' for a
//    quote, \\ for a backslash).

#include "persistence/database_url.hpp"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace soci {
class session;
}

namespace perkara::bench {

/// Rows of one table: values appended in column order, end_row() after each row.
class table_rows {
 public:
  table_rows(std::string table, std::vector<std::string> columns);

  table_rows& text(std::string_view v);
  table_rows& text(const std::string& v) { return text(std::string_view(v)); }
  table_rows& text(const char* v) { return text(std::string_view(v)); }
  table_rows& text(const std::optional<std::string>& v);
  table_rows& number(long long v);
  table_rows& number(const std::optional<long long>& v);
  table_rows& null();
  void end_row();

  [[nodiscard]] const std::string& table() const { return table_; }
  [[nodiscard]] const std::vector<std::string>& columns() const { return columns_; }
  [[nodiscard]] std::size_t rows() const { return rows_; }
  [[nodiscard]] std::size_t bytes() const { return arena_.size() + values_.size() * sizeof(value); }
  void clear();

  struct value {
    enum class kind : std::uint8_t { null, integer, text } type = kind::null;
    long long number = 0;    // integer
    std::size_t offset = 0;  // text: in the arena
    std::size_t length = 0;
  };
  [[nodiscard]] const value& at(std::size_t row, std::size_t column) const { return values_[row * columns_.size() + column]; }
  [[nodiscard]] std::string_view text_of(const value& v) const { return std::string_view(arena_).substr(v.offset, v.length); }

 private:
  std::string table_;
  std::vector<std::string> columns_;
  std::vector<value> values_;
  std::string arena_;
  std::size_t rows_ = 0;
};

/// What the writer executes in one go: table rows (in the given order), then plain statements.
struct load_batch {
  std::vector<table_rows> tables;
  std::vector<std::string> statements;
};

/// `text` as a string literal for the backend (quotes included).
void append_literal(std::string& out, std::string_view text, persistence::backend kind);

class bulk_loader {
 public:
  /// Opens the connection with persistence's session set-up and tunes it for loading: SQLite
  /// synchronous=OFF and a page cache of `cache_mib`; MariaDB as configured.
  bulk_loader(const persistence::database_url& url, std::size_t cache_mib);
  ~bulk_loader();
  bulk_loader(const bulk_loader&) = delete;
  bulk_loader& operator=(const bulk_loader&) = delete;

  /// A single number from a query, on the caller's thread (before start()).
  long long query_number(const std::string& sql);

  /// Drops the secondary indexes of `tables` (not primary keys or unique constraints) before the load,
  /// remembering their definitions: building an index once over the loaded rows is far cheaper than
  /// keeping it up to date row by row. restore_indexes() puts them back.
  void defer_indexes(const std::vector<std::string>& tables);
  /// Recreates what defer_indexes() dropped, on the caller's thread (after finish()).
  void restore_indexes();

  /// Starts the writer thread and its first transaction.
  void start();
  /// Queues a batch (waits while much is queued); rethrows the writer's error, if any.
  void submit(load_batch batch);
  /// Executes what is queued, commits, stops the thread; rethrows the writer's error.
  void finish();
  /// An emptied table_rows of `table` that was written already, keeping its memory (fresh pages cost
  /// more than the rows in them); a new one when none is free.
  table_rows reuse(const std::string& table, const std::vector<std::string>& columns);

 private:
  struct sqlite_statements;
  void run();
  void write(const table_rows& rows);
  void write_sqlite(const table_rows& rows);
  void write_mysql(const table_rows& rows);

  persistence::database_url url_;
  std::unique_ptr<soci::session> sql_;
  std::unique_ptr<sqlite_statements> prepared_;
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<load_batch> queue_;
  std::vector<table_rows> spare_;
  std::size_t queued_bytes_ = 0;
  bool closing_ = false;
  bool running_ = false;
  std::exception_ptr error_;
  std::vector<std::string> restore_;  // statements that recreate the deferred indexes
};

}  // namespace perkara::bench
