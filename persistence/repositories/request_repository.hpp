#pragma once
// Internal: the SOCI implementation of ports::request_repository (PPID workflow, issue 4).

#include "domain/ports/request_repository.hpp"
#include "persistence/repositories/repositories.hpp"

namespace perkara::persistence::detail {

class soci_request_repository final : public ports::request_repository {
 public:
  explicit soci_request_repository(db_context ctx) : ctx_(ctx) {}

 private:
  [[maybe_unused]] db_context ctx_;
};

}  // namespace perkara::persistence::detail
