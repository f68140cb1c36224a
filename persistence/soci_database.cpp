#include "persistence/soci_database.hpp"

#include "persistence/detail/group_commit.hpp"
#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/errors.hpp"
#include "persistence/migrations.hpp"
#include "persistence/repositories/dispute_repository.hpp"
#include "persistence/repositories/report_repository.hpp"
#include "persistence/repositories/repositories.hpp"
#include "persistence/repositories/request_repository.hpp"

#include <soci/connection-pool.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <filesystem>

namespace perkara::persistence {
namespace {

// The last migration a binary knows: `known`, or this binary's when 0.
int known_level(int known) { return known > 0 ? known : latest_schema_version(); }

// The schema on an open session as a binary knowing `known` sees it: version 0 when schema_migrations
// does not exist yet; the recorded level of older binaries only when the database is newer than it.
schema_status read_schema(soci::session& sql, backend kind, int known) {
  schema_status status;
  status.expected = known_level(known);
  int exists = 0;
  if (kind == backend::sqlite) {
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'", soci::into(exists);
  } else {
    sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema=DATABASE() AND "
           "table_name='schema_migrations'",
        soci::into(exists);
  }
  if (exists == 0) {
    return status;
  }
  int version = 0;
  soci::indicator ind = soci::i_ok;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  status.current = ind == soci::i_null ? 0 : version;
  if (status.newer()) {
    // Every binary that reads this knows migration 29, so a newer schema has the column.
    int oldest = 0;
    soci::indicator oldest_ind = soci::i_ok;
    sql << "SELECT oldest_binary_version FROM schema_migrations WHERE version = :v", soci::into(oldest, oldest_ind),
        soci::use(status.current);
    status.oldest_binary = oldest_ind == soci::i_ok ? oldest : 0;
  }
  return status;
}

// A MariaDB connection unused for longer than this is checked with a ping before it is used again
// (detail::ensure_connected); one in steady use is not, which saves a round trip per request.
constexpr std::chrono::seconds idle_check_after{2};

// One leased pool slot; handed back when destroyed. `returned_at` is the slot's time of its last
// return, written only by the slot's holder (the pool's lease orders the holders).
class lease {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  lease(soci::connection_pool& pool, std::atomic<std::size_t>& in_use, std::size_t pos, time_point& returned_at)
      : pool_(pool), in_use_(in_use), pos_(pos), returned_at_(returned_at) {
    ++in_use_;
  }
  ~lease() {
    returned_at_ = std::chrono::steady_clock::now();
    pool_.give_back(pos_);
    --in_use_;
  }
  lease(const lease&) = delete;
  lease& operator=(const lease&) = delete;

  soci::session& session() { return pool_.at(pos_); }
  /// Whether the slot was unused long enough that its connection may have been dropped meanwhile.
  [[nodiscard]] bool was_idle() const { return std::chrono::steady_clock::now() - returned_at_ > idle_check_after; }

 private:
  soci::connection_pool& pool_;
  std::atomic<std::size_t>& in_use_;
  std::size_t pos_;
  time_point& returned_at_;
};

// How a transaction begins and ends on its connection.
class transaction_scope {
 public:
  virtual ~transaction_scope() = default;
  virtual soci::session& session() = 0;
  /// The connection's kept statements (SQLite), or null.
  virtual detail::statement_cache* statements() = 0;
  /// Returns once the work is durable.
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
};

// SQLite calls this every `steps` virtual machine instructions of a statement under a read budget;
// the first call stops the statement (SQLITE_INTERRUPT) and marks the budget (domain/ports/database.hpp).
int stop_at_budget(void* budget) {
  static_cast<ports::read_budget*>(budget)->mark_exceeded();
  return 1;
}

// A transaction of its own on a leased pool connection: every read, and MariaDB writes (InnoDB
// already groups the log flushes of concurrent commits).
//
// A MariaDB read runs without START TRANSACTION and ROLLBACK, each statement in autocommit: under READ
// COMMITTED (detail::init_session) every statement of a transaction reads its own fresh snapshot anyway,
// so the two statements bought nothing but two round trips (docs/performance.md "Statements per
// request on MariaDB"). Reads never write.
class pooled_scope final : public transaction_scope {
 public:
  pooled_scope(std::unique_ptr<lease> held, detail::statement_cache* statements, backend kind, ports::access mode,
               ports::read_budget* budget)
      : lease_(std::move(held)),
        statements_(statements),
        in_transaction_(kind == backend::sqlite || mode == ports::access::write) {
    if (budget != nullptr && kind == backend::sqlite) {
      bounded_ = static_cast<soci::sqlite3_session_backend*>(lease_->session().get_backend())->conn_;
      sqlite_api::sqlite3_progress_handler(bounded_, static_cast<int>(budget->steps()), &stop_at_budget, budget);
    }
    detail::translated([&] {
      detail::ensure_connected(lease_->session(), kind, lease_->was_idle());
      if (kind == backend::sqlite) {
        // A deferred BEGIN that later writes can fail with SQLITE_BUSY without waiting; IMMEDIATE takes
        // the write lock up front, under the busy timeout.
        lease_->session() << (mode == ports::access::write ? "BEGIN IMMEDIATE" : "BEGIN");
      } else if (in_transaction_) {
        lease_->session() << "START TRANSACTION";
      }
    });
  }
  ~pooled_scope() override { unbound(); }
  pooled_scope(const pooled_scope&) = delete;
  pooled_scope& operator=(const pooled_scope&) = delete;
  soci::session& session() override { return lease_->session(); }
  detail::statement_cache* statements() override { return statements_; }
  void commit() override {
    unbound();
    if (!in_transaction_) {
      return;
    }
    try {
      detail::translated([&] { lease_->session() << "COMMIT"; });
    } catch (...) {
      rollback();
      throw;
    }
  }
  void rollback() noexcept override {
    unbound();
    if (!in_transaction_) {
      return;
    }
    try {
      lease_->session() << "ROLLBACK";
    } catch (...) {
      // The connection may be gone; ensure_connected repairs it on the next lease.
    }
  }

 private:
  // Ends the budget before the connection's last statements and its return to the pool.
  void unbound() noexcept {
    if (bounded_ != nullptr) {
      sqlite_api::sqlite3_progress_handler(bounded_, 0, nullptr, nullptr);
      bounded_ = nullptr;
    }
  }

  std::unique_ptr<lease> lease_;
  detail::statement_cache* statements_;
  bool in_transaction_;                     // false for a MariaDB read (autocommit, above)
  sqlite_api::sqlite3* bounded_ = nullptr;  // SQLite under a read budget: its progress handler is set
};

// A SQLite write: a savepoint in the group committer's shared transaction.
class grouped_scope final : public transaction_scope {
 public:
  explicit grouped_scope(detail::group_committer& group) : group_(group), sql_(group.enter()) {}
  soci::session& session() override { return sql_; }
  detail::statement_cache* statements() override { return &group_.statements(); }
  void commit() override { group_.commit(); }
  void rollback() noexcept override { group_.rollback(); }

 private:
  detail::group_committer& group_;
  soci::session& sql_;
};

class soci_transaction final : public ports::transaction {
 public:
  soci_transaction(std::unique_ptr<transaction_scope> scope, backend kind, detail::ruleset_cache& rulesets)
      : scope_(std::move(scope)),
        sql_(scope_->session()),
        ctx_{sql_, kind, &rulesets, scope_->statements()},
        organisations_(ctx_),
        users_(ctx_),
        sessions_(ctx_),
        holidays_(ctx_),
        rulesets_(ctx_),
        audit_(ctx_),
        deadlines_(ctx_),
        events_(ctx_),
        sequences_(ctx_),
        requests_(ctx_),
        disputes_(ctx_),
        login_attempts_(ctx_),
        letters_(ctx_),
        documents_(ctx_),
        notices_(ctx_),
        reports_(ctx_),
        sweeps_(ctx_) {}

  ~soci_transaction() override {
    if (!ended_) {
      scope_->rollback();
    }
  }

  soci_transaction(const soci_transaction&) = delete;
  soci_transaction& operator=(const soci_transaction&) = delete;

  ports::organisation_repository& organisations() override { return organisations_; }
  ports::user_repository& users() override { return users_; }
  ports::session_repository& sessions() override { return sessions_; }
  ports::holiday_repository& holidays() override { return holidays_; }
  ports::ruleset_repository& rulesets() override { return rulesets_; }
  ports::audit_repository& audit() override { return audit_; }
  ports::deadline_repository& deadlines() override { return deadlines_; }
  ports::event_repository& events() override { return events_; }
  ports::sequence_repository& sequences() override { return sequences_; }
  ports::request_repository& requests() override { return requests_; }
  ports::dispute_repository& disputes() override { return disputes_; }
  ports::login_attempt_repository& login_attempts() override { return login_attempts_; }
  ports::letter_repository& letters() override { return letters_; }
  ports::document_repository& documents() override { return documents_; }
  ports::notice_outbox& notices() override { return notices_; }
  ports::report_repository& reports() override { return reports_; }
  ports::deadline_sweep_repository& sweeps() override { return sweeps_; }

  void commit() override {
    if (ended_) {
      throw std::logic_error("transaction committed twice");
    }
    // Ended either way: a failed commit has already given its work up (and the connection back).
    ended_ = true;
    // The transactional outbox (issue 16): the notices of this transaction's events are written in it,
    // after every other write, so they see the case and its clocks as committed.
    if (!events_.appended().empty()) {
      try {
        notices_.queue_for(events_.appended());
      } catch (...) {
        scope_->rollback();
        throw;
      }
    }
    scope_->commit();
  }

 private:
  std::unique_ptr<transaction_scope> scope_;
  soci::session& sql_;
  detail::db_context ctx_;
  detail::soci_organisation_repository organisations_;
  detail::soci_user_repository users_;
  detail::soci_session_repository sessions_;
  detail::soci_holiday_repository holidays_;
  detail::soci_ruleset_repository rulesets_;
  detail::soci_audit_repository audit_;
  detail::soci_deadline_repository deadlines_;
  detail::soci_event_repository events_;
  detail::soci_sequence_repository sequences_;
  detail::soci_request_repository requests_;
  detail::soci_dispute_repository disputes_;
  detail::soci_login_attempt_repository login_attempts_;
  detail::soci_letter_repository letters_;
  detail::soci_document_repository documents_;
  detail::soci_notice_outbox notices_;
  detail::soci_report_repository reports_;
  detail::soci_deadline_sweep_repository sweeps_;
  bool ended_ = false;
};

class soci_database final : public ports::database {
 public:
  soci_database(const database_url& url, const open_options& options)
      : kind_(url.kind),
        known_(options.known_schema_version),
        size_(options.pool_size),
        lease_timeout_(options.lease_timeout),
        pool_(options.pool_size),
        returned_at_(options.pool_size, std::chrono::steady_clock::now()) {
    // Every slot is opened here, before any worker runs: connection_pool::at() is not synchronised.
    for (std::size_t i = 0; i < size_; ++i) {
      detail::open_session(pool_.at(i), url);
    }
    if (kind_ == backend::sqlite) {
      // WAL is stored in the database file, so once is enough; readers then never block the writer.
      std::string mode;
      pool_.at(0) << "PRAGMA journal_mode=WAL", soci::into(mode);
      writer_ = std::make_unique<detail::group_committer>(url, lease_timeout_);
      for (std::size_t i = 0; i < size_; ++i) {
        statements_.push_back(std::make_unique<detail::statement_cache>(pool_.at(i)));
      }
    }
  }

  std::unique_ptr<ports::transaction> begin(ports::access mode) override {
    if (mode == ports::access::write && writer_) {
      return std::make_unique<soci_transaction>(std::make_unique<grouped_scope>(*writer_), kind_, rulesets_);
    }
    std::size_t pos = 0;
    // Under a read budget (SQLite), a read takes a connection only if one is free now.
    auto* budget = kind_ == backend::sqlite && mode == ports::access::read ? ports::read_budget::current() : nullptr;
    const auto timeout = budget != nullptr ? 0 : static_cast<int>(lease_timeout_.count());
    if (!pool_.try_lease(pos, timeout)) {
      if (budget != nullptr) {
        budget->mark_exceeded();
        throw ports::over_budget_error("no free database connection at once");
      }
      throw ports::unavailable_error(
          fmt::format("no free database connection within {} ms (pool size {})", timeout, size_));
    }
    auto held = std::make_unique<lease>(pool_, in_use_, pos, returned_at_[pos]);
    auto* statements = statements_.empty() ? nullptr : statements_[pos].get();
    return std::make_unique<soci_transaction>(
        std::make_unique<pooled_scope>(std::move(held), statements, kind_, mode, budget), kind_, rulesets_);
  }

  bool ready() override {
    std::size_t pos = 0;
    if (!pool_.try_lease(pos, 1000)) {
      return false;
    }
    lease held(pool_, in_use_, pos, returned_at_[pos]);
    try {
      detail::ensure_connected(held.session(), kind_);
      return read_schema(held.session(), kind_, known_).servable();
    } catch (...) {
      return false;
    }
  }

  std::size_t pool_in_use() const override { return in_use_.load(); }
  std::size_t pool_size() const override { return size_; }
  bool bounded_reads() const override { return kind_ == backend::sqlite; }

 private:
  backend kind_;
  int known_;  // open_options::known_schema_version
  std::size_t size_;
  std::chrono::milliseconds lease_timeout_;
  soci::connection_pool pool_;
  std::vector<lease::time_point> returned_at_;  // by slot (lease)
  std::atomic<std::size_t> in_use_{0};
  detail::ruleset_cache rulesets_;
  // SQLite only: every write goes through one connection and is committed in groups.
  std::unique_ptr<detail::group_committer> writer_;
  // SQLite only: the kept statements of each pool connection (by slot), destroyed before the pool.
  std::vector<std::unique_ptr<detail::statement_cache>> statements_;
};

[[noreturn]] void fail_open(const database_url& url, std::string_view why) {
  throw open_error(fmt::format("cannot open database {}: {}", redacted(url), why));
}

}  // namespace

std::string schema_status::describe() const {
  if (current == 0) {
    return fmt::format("the database is not migrated (expected schema version {}): run `perkara migrate`", expected);
  }
  if (current < expected) {
    return fmt::format("schema version {} is older than this binary's {}: run `perkara migrate`", current, expected);
  }
  if (current > expected && oldest_binary == 0) {
    return fmt::format(
        "schema version {} is newer than this binary's {} and does not say which binaries may run "
        "against it: use a newer perkara",
        current, expected);
  }
  if (current > expected && !servable()) {
    return fmt::format(
        "schema version {} is newer than this binary's {} and needs a binary that knows version {} "
        "or later: use a newer perkara",
        current, expected, oldest_binary);
  }
  if (current > expected) {
    return fmt::format(
        "schema version {} is newer than this binary's {}, and binaries from version {} on run against "
        "it",
        current, expected, oldest_binary);
  }
  return fmt::format("schema version {} is current", current);
}

schema_status check_schema(const database_url& url, int known_version) {
  schema_status status;
  status.expected = known_level(known_version);
  // Opening a missing SQLite file would create it; a file that is not there is simply not migrated.
  if (url.kind == backend::sqlite && !std::filesystem::exists(url.path)) {
    return status;
  }
  try {
    soci::session sql;
    detail::open_session(sql, url);
    status = read_schema(sql, url.kind, known_version);
  } catch (...) {
    fail_open(url, detail::describe_current_exception());
  }
  return status;
}

std::unique_ptr<ports::database> open_database(const database_url& url, const open_options& options) {
  if (options.pool_size == 0) {
    fail_open(url, "the pool size must be at least 1");
  }
  if (options.require_current_schema) {
    const auto status = check_schema(url, options.known_schema_version);
    if (!status.servable()) {
      fail_open(url, status.describe());
    }
  }
  try {
    return std::make_unique<soci_database>(url, options);
  } catch (...) {
    fail_open(url, detail::describe_current_exception());
  }
}

std::unique_ptr<ports::database> open_database(const database_url& url, std::size_t pool_size) {
  open_options options;
  options.pool_size = pool_size;
  return open_database(url, options);
}

}  // namespace perkara::persistence
