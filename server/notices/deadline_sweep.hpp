#pragma once
// The deadline sweep (issue 16, docs/operations.md "Deadline sweep"), run by the notice dispatcher's
// thread every --sweep-interval seconds: records each missed deadline as a case event once its day has
// ended in its organisation's time zone (with the request's silences, the same transition an action
// applies first), reminds the party whose move it is before a due date and on the morning after a
// missed one, and sends each organisation's daily digest. The decisions are domain/notices/
// deadline_sweep.hpp; each act happens once by a mark written in its own transaction, so a repeat run
// or a second server on the same database does nothing twice. `now` is an input (tests choose it).

#include "domain/ports/database.hpp"
#include "domain/time/instant.hpp"

#include <cstddef>
#include <functional>

namespace perkara::server::notices {

struct sweep_config {
  int page = 500;                // clocks per transaction
  int digest_horizon_days = 7;   // the digest lists what is due up to this many days ahead, and what is overdue
  int missed_reminder_days = 7;  // no morning-after reminder for a deadline missed longer ago (a late entry)
  // Asked between pages: true ends the run there (the server is shutting down). The marks make the
  // rest the next run's work, so a backlog never holds up a shutdown.
  std::function<bool()> stopping;
};

struct sweep_report {
  std::size_t missed = 0;     // missed-deadline events recorded
  std::size_t reminders = 0;  // clocks reminded (before the due date or the morning after)
  std::size_t digests = 0;    // organisations whose digest was queued
};

sweep_report sweep_deadlines(ports::database& db, domain::instant now, const sweep_config& config = {});

}  // namespace perkara::server::notices
