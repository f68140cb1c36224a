#pragma once
// Storage port of the PPID workflow: information requests (issue 4).

#include "domain/requests/information_request.hpp"

namespace perkara::ports {

class request_repository {
 public:
  virtual ~request_repository() = default;
};

}  // namespace perkara::ports
