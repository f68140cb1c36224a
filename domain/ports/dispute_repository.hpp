#pragma once
// Storage port of the KI dispute workflow (issue 5).
//
// A dispute is stored as a document (the whole aggregate as JSON, encoded by the application layer:
// api/disputes/dispute_document.hpp) plus the columns the queries need: KI, respondent, state,
// register number (unique per KI), registration date, next due date and a search text. Hearings and
// the decision are also written as small projection rows for the public calendar and decision list.
// Storage never interprets the document.

#include "domain/disputes/dispute.hpp"
#include "domain/reports/measures.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

/// A hearing as the public calendar shows it (no links, no personal data).
struct dispute_hearing_entry {
  std::string dispute_id;
  std::string hearing_id;  // "h1", "h2", ...
  std::string ki;
  std::string respondent;
  std::optional<std::string> register_number;
  std::string kind;  // domain::disputes::hearing_kind as text
  domain::instant scheduled_at{};
  int offset_minutes = 7 * 60;
  std::string location;  // room, or "daring (online)"
};

/// A decision as the public list shows it.
struct dispute_decision_entry {
  std::string dispute_id;
  std::string ki;
  int year = 0;  // local year of read_at
  std::string decision_number;
  std::string outcome;
  domain::instant read_at{};
};

/// One stored dispute. `hearings` and `decision` are projection rows: written on insert/update, not
/// filled on reads (the document holds them).
struct dispute_document {
  std::string id;
  std::string ki;
  std::string respondent;
  std::string state;
  std::optional<std::string> outcome;
  int version = 1;
  domain::instant submitted_at{};
  std::optional<domain::instant> registered_at;
  std::optional<domain::civil_date> registered_on;  // KI-local date of registered_at
  std::optional<std::string> register_number;
  std::optional<std::string> request_id;
  std::optional<domain::civil_date> next_due;  // earliest open clock
  std::string search_text;                     // lower-case text `q` searches
  std::string body;                            // the aggregate as JSON
  /// The list projection as JSON (written with body); empty for rows stored before migration 0007.
  /// Lists read it instead of body, and then leave body empty unless list_item is.
  std::string list_item;
  /// The public status (GET /api/v1/public/disputes) as JSON, written with body: it holds no personal
  /// data and nothing that depends on the day it is read. Read back only by decided().
  std::string public_item;
  std::vector<dispute_hearing_entry> hearings;
  std::optional<dispute_decision_entry> decision;
  /// The report facts (domain/reports/facts.hpp), stored as columns beside the document (migration 0022)
  /// so the reports never decode it: written on insert/update, not filled on reads.
  domain::reports::dispute_fact report;
};

struct dispute_filter {
  std::optional<std::string> ki;          // exact
  std::optional<std::string> respondent;  // exact
  std::optional<std::string> state;       // exact
  std::optional<domain::civil_date> overdue_before;  // next_due < this
  std::optional<std::string> q;                      // substring of search_text (lower-cased by the caller)
  std::optional<domain::civil_date> registered_from;  // registered_on >= (inclusive)
  std::optional<domain::civil_date> registered_to;    // registered_on <= (inclusive)
  /// Newest submission first (submitted_at DESC, id DESC), or, for a deadline board, only the cases
  /// with an open clock, the earliest due first (next_due ASC, id ASC).
  enum class order { newest_submitted, earliest_due };
  order sort = order::newest_submitted;
  /// Keyset for newest_submitted: items strictly after (submitted_at, id).
  std::optional<std::pair<domain::instant, std::string>> after;
  /// Keyset for earliest_due: items strictly after (next_due, id).
  std::optional<std::pair<domain::civil_date, std::string>> after_due;
  int limit = 50;
};

/// Numbering configuration of one KI (dispute_numbering table).
struct dispute_numbering {
  std::string ki;
  std::string ki_code;  // "KIP" for ki-pusat, "KI-BABEL" for ki-babel
  std::string register_template;
  std::string decision_template;
};

class dispute_repository {
 public:
  virtual ~dispute_repository() = default;
  /// Throws conflict_error on a duplicate id or a register number already used at the KI.
  virtual void insert(const dispute_document& doc) = 0;
  /// With `for_update`, locks the row until the transaction ends (MariaDB SELECT ... FOR UPDATE; on
  /// SQLite the write transaction already holds the lock).
  virtual std::optional<dispute_document> find(const std::string& id, bool for_update) = 0;
  /// Replaces the row when its stored version is `expected_version`; false when it is not (someone
  /// else changed it first). Throws conflict_error on a register number already used at the KI.
  virtual bool update(const dispute_document& doc, int expected_version) = 0;
  virtual std::optional<dispute_document> find_by_register_number(const std::string& register_number) = 0;
  /// The stored public status (public_item) of the case find_by_register_number would return: nullopt
  /// when there is none; an empty string when its row was written before migration 0008.
  virtual std::optional<std::string> public_status(const std::string& register_number) = 0;
  /// Ordered by submitted_at DESC, id DESC; at most filter.limit rows.
  virtual std::vector<dispute_document> list(const dispute_filter& filter) = 0;
  /// Hearings of registered cases with scheduled_at in [from, to), optionally at one KI, by time.
  virtual std::vector<dispute_hearing_entry> hearings_between(domain::instant from, domain::instant to,
                                                              const std::optional<std::string>& ki) = 0;
  /// Decided cases, optionally of one KI and one decision year, by read_at: their public_item, and
  /// their document (body) only where there is no public_item yet (rows from before migration 0008).
  virtual std::vector<dispute_document> decided(const std::optional<std::string>& ki, std::optional<int> year,
                                                int limit) = 0;
  /// The KI's numbering configuration, when one is stored.
  virtual std::optional<dispute_numbering> numbering(const std::string& ki) = 0;
};

}  // namespace perkara::ports
