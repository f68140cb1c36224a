#pragma once
// Internal: the SOCI implementation of ports::request_repository (PPID workflow, issue 4).

#include "domain/ports/request_repository.hpp"
#include "persistence/repositories/repositories.hpp"

namespace perkara::persistence::detail {

class soci_request_repository final : public ports::request_repository {
 public:
  explicit soci_request_repository(db_context ctx) : ctx_(ctx) {}
  void insert(const ports::stored_request& request) override;
  std::optional<ports::stored_request> find(const std::string& id, bool for_update) override;
  std::optional<ports::stored_request> find_by_number(const std::string& number) override;
  bool update(const ports::stored_request& request, int expected_version) override;
  std::vector<ports::stored_request> list(const ports::request_filter& filter) override;
  std::vector<domain::election_period> election_periods() override;
  std::vector<domain::election_period> election_periods_on(domain::civil_date day) override;

 private:
  db_context ctx_;
};

}  // namespace perkara::persistence::detail
