#pragma once
// The domain never reads the system clock: callers pass `now` from a clock that the server wires
// (system time) and tests replace (fixed time).

#include "domain/time/instant.hpp"

namespace perkara::ports {

class clock {
 public:
  virtual ~clock() = default;
  [[nodiscard]] virtual domain::instant now() const = 0;
};

}  // namespace perkara::ports
