#pragma once
// Storage port of the reports (issue 18, docs/open-data.md): the facts the measures of
// domain/reports/measures.hpp are computed from, read per organisation over indexed columns.

#include "domain/reports/measures.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

/// A dispute as the reports read it: its report facts as stored beside the document (migration 0022)
/// with the ki_completion clock's due date, or, for a row stored without them, the document (the
/// aggregate as JSON, decoded by the application layer like every dispute read).
struct dispute_report_row {
  std::string id;
  std::optional<domain::civil_date> completion_due;
  std::optional<domain::reports::dispute_fact> fact;  // completion_due included
  std::string body;                                   // only without `fact`
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
};

}  // namespace perkara::ports
