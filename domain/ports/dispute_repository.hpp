#pragma once
// Storage port of the KI dispute workflow (issue 5).

#include "domain/disputes/dispute.hpp"

namespace perkara::ports {

class dispute_repository {
 public:
  virtual ~dispute_repository() = default;
};

}  // namespace perkara::ports
