#pragma once
// The unit of work: one transaction, and the repositories that work inside it. Nothing is visible to
// others until commit(); destroying an uncommitted transaction rolls it back. A 2xx answer is sent only
// after commit() returned, so what was acknowledged is durable.

#include "domain/ports/deadline_sweep.hpp"
#include "domain/ports/dispute_repository.hpp"
#include "domain/ports/letter_repository.hpp"
#include "domain/ports/document_repository.hpp"
#include "domain/ports/login_attempt_repository.hpp"
#include "domain/ports/notice_outbox.hpp"
#include "domain/ports/report_repository.hpp"
#include "domain/ports/repositories.hpp"
#include "domain/ports/request_repository.hpp"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace perkara::ports {

/// A unique key was violated (duplicate username, register number...).
class conflict_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The database is unreachable or gone; maps to 503.
class unavailable_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The database rolled the transaction back because it collided with a concurrent one: an InnoDB
/// deadlock, or a Galera cluster refusing it at certification (both MariaDB error 1213, the latter at
/// COMMIT). Nothing of it was stored, and running the whole command again may succeed: the router does
/// so a few times (api/http/router.cpp) before answering 503 like any unavailable database.
class transient_conflict_error : public unavailable_error {
 public:
  using unavailable_error::unavailable_error;
};

/// A read begun under a read_budget that would have to wait for a connection, or that the database
/// stopped at the budget. Not an error: the caller runs the work again where it may wait.
class over_budget_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// While one lives, the reads begun on this thread are bounded (only where database::bounded_reads()):
/// begin() takes a connection only if one is free at once, and the database stops a statement after
/// `steps` steps of its own (SQLite: virtual machine instructions), marking the budget exceeded.
/// The transport opens one around a short read it runs on an I/O thread, so a slow query can never
/// stall the other connections of that thread (docs/performance.md "The HTTP path").
class read_budget {
 public:
  explicit read_budget(std::uint32_t steps) : steps_(steps), outer_(std::exchange(current_, this)) {}
  ~read_budget() { current_ = outer_; }
  read_budget(const read_budget&) = delete;
  read_budget& operator=(const read_budget&) = delete;

  /// The innermost budget of this thread, or null.
  [[nodiscard]] static read_budget* current() { return current_; }
  [[nodiscard]] std::uint32_t steps() const { return steps_; }
  [[nodiscard]] bool exceeded() const { return exceeded_; }
  void mark_exceeded() { exceeded_ = true; }

 private:
  static inline thread_local read_budget* current_ = nullptr;
  std::uint32_t steps_;
  read_budget* outer_;
  bool exceeded_ = false;
};

enum class access { read, write };

class transaction {
 public:
  virtual ~transaction() = default;
  virtual organisation_repository& organisations() = 0;
  virtual user_repository& users() = 0;
  virtual session_repository& sessions() = 0;
  virtual holiday_repository& holidays() = 0;
  virtual ruleset_repository& rulesets() = 0;
  virtual audit_repository& audit() = 0;
  virtual deadline_repository& deadlines() = 0;
  virtual event_repository& events() = 0;
  virtual sequence_repository& sequences() = 0;
  virtual request_repository& requests() = 0;
  virtual dispute_repository& disputes() = 0;
  virtual login_attempt_repository& login_attempts() = 0;
  virtual letter_repository& letters() = 0;
  virtual document_repository& documents() = 0;
  virtual notice_outbox& notices() = 0;
  virtual report_repository& reports() = 0;
  virtual deadline_sweep_repository& sweeps() = 0;
  virtual void commit() = 0;
};

class database {
 public:
  virtual ~database() = default;
  /// Begins a transaction; `write` takes the write lock up front (SQLite BEGIN IMMEDIATE).
  virtual std::unique_ptr<transaction> begin(access mode) = 0;
  /// True when the database answers and its schema is the one this binary expects.
  virtual bool ready() = 0;
  /// Connections leased right now, and the pool size (for /metrics).
  virtual std::size_t pool_in_use() const = 0;
  virtual std::size_t pool_size() const = 0;
  /// Whether reads honour a read_budget (SQLite). Where they do not (MariaDB: every statement is a
  /// network round trip), the transport never runs reads on an I/O thread.
  [[nodiscard]] virtual bool bounded_reads() const { return false; }
};

}  // namespace perkara::ports
