#pragma once
// Internal: the SOCI implementation of ports::dispute_repository (KI dispute workflow, issue 5).

#include "domain/ports/dispute_repository.hpp"
#include "persistence/repositories/repositories.hpp"

namespace perkara::persistence::detail {

class soci_dispute_repository final : public ports::dispute_repository {
 public:
  explicit soci_dispute_repository(db_context ctx) : ctx_(ctx) {}
  void insert(const ports::dispute_document& doc) override;
  std::optional<ports::dispute_document> find(const std::string& id, bool for_update) override;
  bool update(const ports::dispute_document& doc, int expected_version) override;
  std::optional<ports::dispute_document> find_by_register_number(const std::string& register_number) override;
  std::optional<std::string> public_status(const std::string& register_number) override;
  std::vector<ports::dispute_document> list(const ports::dispute_filter& filter) override;
  std::vector<ports::dispute_hearing_entry> hearings_between(domain::instant from, domain::instant to,
                                                             const std::optional<std::string>& ki) override;
  std::vector<ports::dispute_document> decided(const std::optional<std::string>& ki, std::optional<int> year,
                                               int limit) override;
  std::optional<ports::dispute_numbering> numbering(const std::string& ki) override;

 private:
  db_context ctx_;
  /// The indexed columns of the row last read by find(id, true) or written by update(), in this
  /// transaction: update() then sets only the columns that changed.
  std::optional<ports::dispute_document> locked_;
};

}  // namespace perkara::persistence::detail
