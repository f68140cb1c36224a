#pragma once
// Internal: the SOCI implementation of ports::dispute_repository (KI dispute workflow, issue 5).

#include "domain/ports/dispute_repository.hpp"
#include "persistence/repositories/repositories.hpp"

namespace perkara::persistence::detail {

class soci_dispute_repository final : public ports::dispute_repository {
 public:
  explicit soci_dispute_repository(db_context ctx) : ctx_(ctx) {}

 private:
  [[maybe_unused]] db_context ctx_;
};

}  // namespace perkara::persistence::detail
