#pragma once
// Storage port of the reports (issue 18, docs/open-data.md): the facts the measures of
// domain/reports/measures.hpp are computed from, read per organisation over indexed columns.

#include "domain/reports/measures.hpp"
#include "domain/reports/tally.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

/// A dispute as the reports read it: its report facts as stored beside the document (migration 0022)
/// with the ki_completion clock's due date (stored beside them, migration 0028), or, for a row stored
/// without facts, the document (the aggregate as JSON, decoded by the application layer like every
/// dispute read).
struct dispute_report_row {
  std::string id;
  std::optional<domain::civil_date> completion_due;
  std::optional<domain::reports::dispute_fact> fact;  // completion_due included
  std::string body;                                   // only without `fact`
};

/// Where a page of the public register ends: the register order's keys of its last row (KI code, KI-local
/// registration date, register number).
struct register_position {
  std::string ki;
  domain::civil_date registered_on{};
  std::string register_number;
};

/// A stored monthly tally (docs/open-data.md "Monthly tallies"): its counts, or none once a change to one
/// of its cases (or to the holidays) invalidated it; `stamp` to store a new one over it.
struct stored_tally {
  domain::reports::tally_key key;
  long long stamp = 0;
  std::optional<domain::reports::tally> counts;
};

/// A tally a report built, to be stored over the row it read (`stamp`), or as a new row (none).
struct tally_to_store {
  domain::reports::tally_key key;
  std::optional<long long> stamp;
  domain::reports::tally counts;
};

class report_repository {
 public:
  virtual ~report_repository() = default;
  /// Requests received (respondent-local date) in [from, to] by `respondent`, or by every respondent.
  virtual std::vector<domain::reports::request_fact> requests(const std::optional<std::string>& respondent,
                                                              domain::civil_date from, domain::civil_date to) = 0;
  /// Disputes submitted in [`submitted_from`, `submitted_before`) (epoch seconds) handled by `ki` and/or
  /// brought against `respondent` (both unset: all).
  virtual std::vector<dispute_report_row> disputes(const std::optional<std::string>& ki,
                                                   const std::optional<std::string>& respondent,
                                                   long long submitted_from, long long submitted_before) = 0;
  /// The disputes brought against `respondent` (unset: any) submitted in [`submitted_from`,
  /// `submitted_before`) (epoch seconds), counted per respondent and KI-local submission day: all that the
  /// PPID measures count of them (domain::reports::dispute_count).
  virtual std::vector<domain::reports::dispute_count> dispute_counts(const std::optional<std::string>& respondent,
                                                                     long long submitted_from,
                                                                     long long submitted_before) = 0;
  /// Disputes handled by `ki` (unset: every KI) submitted before `submitted_before` (epoch seconds) that
  /// the KI measures of a period starting `from` count (domain/reports/measures.hpp ki_measures): every
  /// one except those decided or closed before `done_before` (the earlier of `from` and the date pending
  /// is counted at) whose acts (submission, registration, decision, closure, court objection) all fall
  /// before `from`. A row stored without its report facts is always read.
  virtual std::vector<dispute_report_row> disputes_active(const std::optional<std::string>& ki,
                                                          long long submitted_before, domain::civil_date from,
                                                          domain::civil_date done_before) = 0;
  /// One page of the public register (docs/open-data.md "Open data"): the registered disputes with their
  /// submission, registration, decision or closure (KI-local dates) in [from, to], in register order
  /// (KI, registration date, register number), after `after`, at most `limit`. Read from the report
  /// facts (migration 0022 filled them for every stored dispute).
  virtual std::vector<dispute_report_row> register_page(domain::civil_date from, domain::civil_date to,
                                                        const std::optional<register_position>& after, int limit) = 0;
  /// The stored tallies of `kind` for the months from `first_month` to `last_month` (first days) of
  /// `organisations` (empty: every organisation). A tally built under another holiday revision than
  /// `revision` is read without its counts.
  virtual std::vector<stored_tally> tallies(domain::reports::tally_kind kind,
                                            const std::vector<std::string>& organisations,
                                            domain::civil_date first_month, domain::civil_date last_month,
                                            const std::string& revision) = 0;
  /// Stores each tally of `kind` built under holiday revision `revision` unless one of its cases changed
  /// since its stamp was read, and only for months settled by the database's own clock.
  virtual void store_tallies(domain::reports::tally_kind kind, const std::vector<tally_to_store>& built,
                             const std::string& revision) = 0;
};

}  // namespace perkara::ports
