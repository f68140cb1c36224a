#pragma once
// Internal: the SOCI implementation of ports::report_repository (issue 18).

#include "domain/ports/report_repository.hpp"
#include "persistence/repositories/repositories.hpp"

namespace perkara::persistence::detail {

class soci_report_repository final : public ports::report_repository {
 public:
  explicit soci_report_repository(db_context ctx) : ctx_(ctx) {}
  std::vector<domain::reports::request_fact> requests(const std::optional<std::string>& respondent,
                                                      domain::civil_date from, domain::civil_date to) override;
  std::vector<ports::dispute_report_row> disputes(const std::optional<std::string>& ki,
                                                  const std::optional<std::string>& respondent,
                                                  long long submitted_from, long long submitted_before) override;
  std::vector<domain::reports::dispute_count> dispute_counts(const std::optional<std::string>& respondent,
                                                             long long submitted_from,
                                                             long long submitted_before) override;
  std::vector<ports::dispute_report_row> disputes_active(const std::optional<std::string>& ki,
                                                         long long submitted_before, domain::civil_date from,
                                                         domain::civil_date done_before) override;
  std::vector<ports::dispute_report_row> register_page(domain::civil_date from, domain::civil_date to,
                                                       const std::optional<ports::register_position>& after,
                                                       int limit) override;
  std::vector<ports::stored_tally> tallies(domain::reports::tally_kind kind,
                                           const std::vector<std::string>& organisations,
                                           domain::civil_date first_month, domain::civil_date last_month,
                                           const std::string& revision) override;
  void store_tallies(domain::reports::tally_kind kind, const std::vector<ports::tally_to_store>& built,
                     const std::string& revision) override;

 private:
  db_context ctx_;
};

}  // namespace perkara::persistence::detail
