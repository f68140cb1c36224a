#include "persistence/detail/schema.hpp"

namespace perkara::persistence::detail {

// Migration 0017: the deadline sweep (issue 16, docs/operations.md "Deadline sweep"). Each act of the
// sweep (a missed-deadline event, a reminder, a digest) writes its mark in the act's own transaction;
// the primary key makes it happen once, also with several servers on one MariaDB (the second insert
// waits for the first transaction and then finds its row). A moved due date is another key, so it is
// reminded again. `remind_days` is the reminder lead of a rule-set period (docs/deadlines.md).
std::vector<std::string_view> sweep_schema() {
  return {
      R"(CREATE TABLE deadline_marks (
           case_type VARCHAR(16) NOT NULL,
           case_id VARCHAR(64) NOT NULL,
           period_key VARCHAR(64) NOT NULL,
           due CHAR(10) NOT NULL,
           kind VARCHAR(16) NOT NULL,
           at BIGINT NOT NULL,
           PRIMARY KEY (case_type, case_id, period_key, due, kind)
         ){OPTS})",
      // The sweep's walk: open clocks in (due, id) order.
      "CREATE INDEX ix_deadlines_sweep ON deadlines (met_on, stopped_on, due, id)",
      "ALTER TABLE ruleset_periods ADD COLUMN remind_days INTEGER NOT NULL DEFAULT 1",
  };
}

}  // namespace perkara::persistence::detail
