#include "bench/generator/bulk_loader.hpp"

#include "persistence/detail/session_setup.hpp"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fmt/format.h>

#include <map>
#include <stdexcept>

namespace perkara::bench {
namespace {

constexpr std::size_t max_queued_bytes = 256u << 20;    // generation waits beyond this
constexpr std::size_t commit_every_bytes = 256u << 20;  // one transaction per this much data
constexpr std::size_t mysql_statement_rows = 500;
constexpr std::size_t mysql_statement_bytes = 4u << 20;  // well below max_allowed_packet (16 MiB)

std::string shortened(std::string what) {
  // SOCI's message repeats the statement, which may be megabytes long.
  if (what.size() > 600) {
    what = what.substr(0, 300) + " [...] " + what.substr(what.size() - 200);
  }
  return what;
}

}  // namespace

table_rows::table_rows(std::string table, std::vector<std::string> columns)
    : table_(std::move(table)), columns_(std::move(columns)) {}

table_rows& table_rows::text(std::string_view v) {
  values_.push_back({value::kind::text, 0, arena_.size(), v.size()});
  arena_.append(v);
  return *this;
}

table_rows& table_rows::text(const std::optional<std::string>& v) { return v ? text(std::string_view(*v)) : null(); }

table_rows& table_rows::number(long long v) {
  values_.push_back({value::kind::integer, v, 0, 0});
  return *this;
}

table_rows& table_rows::number(const std::optional<long long>& v) { return v ? number(*v) : null(); }

table_rows& table_rows::null() {
  values_.push_back({});
  return *this;
}

void table_rows::end_row() {
  ++rows_;
  if (values_.size() != rows_ * columns_.size()) {
    throw std::logic_error(fmt::format("{}: row {} has the wrong number of values", table_, rows_));
  }
}

void table_rows::clear() {
  values_.clear();
  arena_.clear();
  rows_ = 0;
}

void append_literal(std::string& out, std::string_view text, persistence::backend kind) {
  out += '\'';
  for (const char c : text) {
    if (c == '\'') {
      out += "''";
    } else if (c == '\\' && kind == persistence::backend::mysql) {
      out += "\\\\";
    } else if (c == '\0' && kind == persistence::backend::mysql) {
      out += "\\0";
    } else {
      out += c;
    }
  }
  out += '\'';
}

// Prepared INSERTs by table, finalized with the loader.
struct bulk_loader::sqlite_statements {
  sqlite_api::sqlite3* db = nullptr;
  std::map<std::string, sqlite_api::sqlite3_stmt*> by_table;

  ~sqlite_statements() {
    for (auto& [table, st] : by_table) {
      sqlite_api::sqlite3_finalize(st);
    }
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error(fmt::format("{}: {}", what, sqlite_api::sqlite3_errmsg(db)));
  }

  sqlite_api::sqlite3_stmt* insert(const table_rows& rows) {
    auto it = by_table.find(rows.table());
    if (it != by_table.end()) {
      return it->second;
    }
    std::string names;
    std::string marks;
    for (std::size_t i = 0; i < rows.columns().size(); ++i) {
      names += (i ? ", " : "") + rows.columns()[i];
      marks += i ? ", ?" : "?";
    }
    const auto sql = fmt::format("INSERT INTO {} ({}) VALUES ({})", rows.table(), names, marks);
    sqlite_api::sqlite3_stmt* st = nullptr;
    if (sqlite_api::sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK) {
      fail("prepare " + sql);
    }
    return by_table.emplace(rows.table(), st).first->second;
  }
};

bulk_loader::bulk_loader(const persistence::database_url& url, std::size_t cache_mib)
    : url_(url), sql_(std::make_unique<soci::session>()) {
  if (url_.kind == persistence::backend::mysql) {
    // The server's connections give up on a statement after 30 s; rebuilding an index over millions of
    // rows takes longer, so this connection waits up to two hours.
    auto connect = persistence::detail::connect_string(url_);
    if (const auto at = connect.find("read_timeout=30 "); at != std::string::npos) {
      connect.replace(at, std::string_view("read_timeout=30").size(), "read_timeout=7200");
    }
    sql_->open(soci::mysql, connect);
    persistence::detail::init_session(*sql_, url_.kind);
  } else {
    persistence::detail::open_session(*sql_, url_);
  }
  if (url_.kind == persistence::backend::sqlite) {
    // Losing a half-written benchmark database on a crash is fine; fsyncs are not.
    *sql_ << "PRAGMA synchronous=OFF";
    *sql_ << fmt::format("PRAGMA cache_size=-{}", cache_mib * 1024);
    *sql_ << "PRAGMA temp_store=MEMORY";
    *sql_ << "PRAGMA threads=2";  // sorter threads for the index builds
    prepared_ = std::make_unique<sqlite_statements>();
    prepared_->db = static_cast<soci::sqlite3_session_backend*>(sql_->get_backend())->conn_;
  } else {
    // The usual bulk-load settings, for this connection only: InnoDB may buffer the unique secondary
    // indexes' changes and skips the parent lookups. The rows are consistent by construction, and the
    // same seed writes the same rows to SQLite, which keeps every constraint on.
    *sql_ << "SET SESSION unique_checks = 0, foreign_key_checks = 0";
  }
}

bulk_loader::~bulk_loader() {
  if (running_) {
    {
      std::lock_guard lock{mutex_};
      closing_ = true;
      queue_.clear();
    }
    changed_.notify_all();
    writer_.join();
  }
  prepared_.reset();  // before the session closes
  try {
    restore_indexes();  // after a failure: leave the schema whole
  } catch (...) {
    // Nothing more can be done here; the failure being reported is the one that matters.
  }
}

long long bulk_loader::query_number(const std::string& sql) {
  long long value = 0;
  *sql_ << sql, soci::into(value);
  return value;
}

void bulk_loader::defer_indexes(const std::vector<std::string>& tables) {
  std::string list;
  for (const auto& table : tables) {
    list += list.empty() ? "" : ", ";
    append_literal(list, table, url_.kind);
  }
  std::vector<std::pair<std::string, std::string>> drops;  // drop statement, restore statement
  if (url_.kind == persistence::backend::sqlite) {
    // sqlite_master keeps each CREATE INDEX as written; constraint indexes have no SQL.
    std::string name, sql;
    soci::statement st = (sql_->prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT "
                                           "NULL AND tbl_name IN (" + list + ") ORDER BY name",
                          soci::into(name), soci::into(sql));
    st.execute();
    while (st.fetch()) {
      drops.emplace_back("DROP INDEX " + name, sql);
    }
  } else {
    // Non-unique secondary indexes, column by column (with prefix lengths, if any).
    std::string table, index, column;
    int position = 0;
    long long prefix = 0;
    soci::indicator prefix_ind = soci::i_null;
    soci::statement st = (sql_->prepare << "SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART FROM "
                                           "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND "
                                           "NON_UNIQUE = 1 AND TABLE_NAME IN (" + list + ") "
                                           "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
                          soci::into(table), soci::into(index), soci::into(position), soci::into(column),
                          soci::into(prefix, prefix_ind));
    st.execute();
    std::map<std::pair<std::string, std::string>, std::string> columns;
    while (st.fetch()) {
      auto& c = columns[{table, index}];
      c += (c.empty() ? "`" : ", `") + column + "`";
      if (prefix_ind == soci::i_ok) {
        c += fmt::format("({})", prefix);
      }
    }
    for (const auto& [key, cols] : columns) {
      drops.emplace_back(fmt::format("ALTER TABLE `{}` DROP INDEX `{}`", key.first, key.second),
                         fmt::format("ADD INDEX `{}` ({})", key.second, cols));
    }
  }
  // MariaDB rebuilds all of a table's indexes in one ALTER TABLE (one pass over the rows).
  std::map<std::string, std::string> additions;
  for (const auto& [drop, restore] : drops) {
    try {
      *sql_ << drop;
    } catch (const soci::soci_error&) {
      continue;  // MariaDB keeps an index a foreign key needs: it then stays and is maintained as usual
    }
    if (url_.kind == persistence::backend::sqlite) {
      restore_.push_back(restore);
    } else {
      const auto table = drop.substr(std::string_view("ALTER TABLE `").size(),
                                     drop.find('`', std::string_view("ALTER TABLE `").size()) -
                                         std::string_view("ALTER TABLE `").size());
      auto& all = additions[table];
      all += (all.empty() ? "" : ", ") + restore;
    }
  }
  for (const auto& [table, all] : additions) {
    restore_.push_back(fmt::format("ALTER TABLE `{}` {}", table, all));
  }
}

void bulk_loader::restore_indexes() {
  while (!restore_.empty()) {
    *sql_ << restore_.back();
    restore_.pop_back();
  }
}

void bulk_loader::start() {
  running_ = true;
  writer_ = std::thread([this] { run(); });
}

void bulk_loader::submit(load_batch batch) {
  std::size_t bytes = 0;
  for (const auto& t : batch.tables) {
    bytes += t.bytes();
  }
  for (const auto& s : batch.statements) {
    bytes += s.size();
  }
  std::unique_lock lock{mutex_};
  changed_.wait(lock, [&] { return error_ || queued_bytes_ + bytes <= max_queued_bytes || queue_.empty(); });
  if (error_) {
    std::rethrow_exception(error_);
  }
  queue_.push_back(std::move(batch));
  queued_bytes_ += bytes;
  changed_.notify_all();
}

void bulk_loader::finish() {
  {
    std::lock_guard lock{mutex_};
    closing_ = true;
  }
  changed_.notify_all();
  if (running_) {
    writer_.join();
    running_ = false;
  }
  if (error_) {
    std::rethrow_exception(error_);
  }
}

table_rows bulk_loader::reuse(const std::string& table, const std::vector<std::string>& columns) {
  {
    std::lock_guard lock{mutex_};
    for (auto it = spare_.begin(); it != spare_.end(); ++it) {
      if (it->table() == table) {
        auto out = std::move(*it);
        spare_.erase(it);
        return out;
      }
    }
  }
  return table_rows(table, columns);
}

void bulk_loader::write_sqlite(const table_rows& rows) {
  auto* st = prepared_->insert(rows);
  const auto columns = rows.columns().size();
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      const auto& v = rows.at(r, c);
      const int slot = static_cast<int>(c + 1);
      int rc = SQLITE_OK;
      switch (v.type) {
        case table_rows::value::kind::null:
          rc = sqlite_api::sqlite3_bind_null(st, slot);
          break;
        case table_rows::value::kind::integer:
          rc = sqlite_api::sqlite3_bind_int64(st, slot, v.number);
          break;
        case table_rows::value::kind::text: {
          const auto text = rows.text_of(v);
          // nullptr destructor = SQLITE_STATIC: the arena outlives the step.
          rc = sqlite_api::sqlite3_bind_text(st, slot, text.data(), static_cast<int>(text.size()), nullptr);
          break;
        }
      }
      if (rc != SQLITE_OK) {
        prepared_->fail("bind " + rows.table());
      }
    }
    if (sqlite_api::sqlite3_step(st) != SQLITE_DONE) {
      const std::string why = sqlite_api::sqlite3_errmsg(prepared_->db);
      sqlite_api::sqlite3_reset(st);
      throw std::runtime_error(fmt::format("insert into {}: {}", rows.table(), why));
    }
    sqlite_api::sqlite3_reset(st);
  }
  sqlite_api::sqlite3_clear_bindings(st);
}

void bulk_loader::write_mysql(const table_rows& rows) {
  std::string prefix = fmt::format("INSERT INTO {} (", rows.table());
  for (std::size_t i = 0; i < rows.columns().size(); ++i) {
    prefix += (i ? ", " : "") + rows.columns()[i];
  }
  prefix += ") VALUES ";
  std::string sql;
  std::size_t in_statement = 0;
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    if (in_statement == 0) {
      sql = prefix;
    } else {
      sql += ',';
    }
    sql += '(';
    for (std::size_t c = 0; c < rows.columns().size(); ++c) {
      if (c > 0) {
        sql += ',';
      }
      const auto& v = rows.at(r, c);
      switch (v.type) {
        case table_rows::value::kind::null:
          sql += "NULL";
          break;
        case table_rows::value::kind::integer:
          sql += std::to_string(v.number);
          break;
        case table_rows::value::kind::text:
          append_literal(sql, rows.text_of(v), url_.kind);
          break;
      }
    }
    sql += ')';
    ++in_statement;
    if (in_statement >= mysql_statement_rows || sql.size() >= mysql_statement_bytes || r + 1 == rows.rows()) {
      *sql_ << sql;
      in_statement = 0;
    }
  }
}

void bulk_loader::write(const table_rows& rows) {
  if (rows.rows() == 0) {
    return;
  }
  if (url_.kind == persistence::backend::sqlite) {
    write_sqlite(rows);
  } else {
    write_mysql(rows);
  }
}

void bulk_loader::run() {
  const char* begin = url_.kind == persistence::backend::sqlite ? "BEGIN IMMEDIATE" : "START TRANSACTION";
  try {
    *sql_ << begin;
    std::size_t in_transaction = 0;
    while (true) {
      load_batch batch;
      {
        std::unique_lock lock{mutex_};
        changed_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) {
          break;
        }
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      std::size_t bytes = 0;
      for (const auto& t : batch.tables) {
        write(t);
        bytes += t.bytes();
      }
      for (const auto& s : batch.statements) {
        *sql_ << s;
        bytes += s.size();
      }
      {
        std::lock_guard lock{mutex_};
        queued_bytes_ -= bytes;
        for (auto& written : batch.tables) {
          if (spare_.size() < 64) {
            written.clear();
            spare_.push_back(std::move(written));
          }
        }
      }
      changed_.notify_all();
      in_transaction += bytes;
      if (in_transaction >= commit_every_bytes) {
        *sql_ << "COMMIT";
        *sql_ << begin;
        in_transaction = 0;
      }
    }
    *sql_ << "COMMIT";
  } catch (const std::exception& e) {
    try {
      *sql_ << "ROLLBACK";
    } catch (...) {
      // The error that got us here is the one to report.
    }
    std::lock_guard lock{mutex_};
    error_ = std::make_exception_ptr(std::runtime_error("bulk insert failed: " + shortened(e.what())));
    queue_.clear();
    queued_bytes_ = 0;
    changed_.notify_all();
  }
}

}  // namespace perkara::bench
