#pragma once
// Storage port of the deadline sweep (issue 16, docs/operations.md "Deadline sweep"): the open clocks it
// looks at, the marks that make each of its acts happen once (a unique key per case, clock, due date
// and kind, written in the act's own transaction), and the notices it queues itself (reminders and
// digests; the missed-deadline event's notices are queued by the outbox like every event's).

#include "domain/deadline_record.hpp"
#include "domain/notices/deadline_sweep.hpp"
#include "domain/notices/notice.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

/// Where a page of candidates ends: the (due, id) of its last clock.
struct sweep_position {
  domain::civil_date due{};
  std::string id;
};

/// The act of the sweep that happens once: per (case_type, case_id, period_key, due, kind), or for a
/// digest per ("organisation", code, "digest", local date, digest).
struct sweep_mark {
  std::string case_type;
  std::string case_id;
  std::string period_key;
  domain::civil_date due{};
  domain::notices::sweep_kind kind = domain::notices::sweep_kind::missed;
};

/// An organisation that can hear a digest: its webhooks, its own address (the letterhead's email), or
/// its staff who handle cases (PPID, atasan PPID, registrar, commissioner) with an address and the
/// digest left on in their preferences.
struct digest_recipient {
  std::string code;  // the organisation (its name, offset and office hours: organisation_repository)
  bool has_webhooks = false;
  std::optional<std::string> email;
  std::vector<std::string> staff;  // the staff members' addresses, in username order
};

class deadline_sweep_repository {
 public:
  virtual ~deadline_sweep_repository() = default;
  /// One page (at most `limit`) of open clocks (neither met nor stopped) due in [from, until] that have
  /// no mark of `kind` for their current due date, in (due, id) order after `after`.
  virtual std::vector<domain::deadline_record> open_unmarked(domain::notices::sweep_kind kind, domain::civil_date from,
                                                     domain::civil_date until,
                                                     const std::optional<sweep_position>& after, int limit) = 0;
  /// Writes the mark in this transaction. False, and nothing written, when it exists already (an
  /// earlier run or another server's sweep did the act); on MariaDB a racing insert waits for the
  /// other transaction and then sees its mark.
  virtual bool mark(const sweep_mark& mark, domain::instant at) = 0;
  /// The facts of a case for its notices (number, applicant's email and opt-out, webhooks).
  virtual std::optional<domain::notices::case_facts> case_facts(const std::string& case_type,
                                                                const std::string& case_id) = 0;
  /// The organisation's own address (its letterhead's email), if it has one.
  virtual std::optional<std::string> organisation_email(const std::string& organisation) = 0;
  /// Queues a notice of the sweep about a case (`facts`) or, with empty case type and id, about the
  /// organisation; a webhook notice is queued once per active endpoint of `facts.organisation`.
  virtual void queue(const domain::notices::notice& notice, const domain::notices::case_facts& facts,
                     const std::string& action, domain::instant at) = 0;
  /// Organisations with a webhook or an address, for the digest.
  virtual std::vector<digest_recipient> digest_recipients() = 0;
  /// The open clocks counted for `organisation` due on or before `until`, with their case numbers.
  virtual std::vector<domain::notices::digest_item> digest_items(const std::string& organisation,
                                                                 domain::civil_date until) = 0;
};

}  // namespace perkara::ports
