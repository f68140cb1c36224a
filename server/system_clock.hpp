#pragma once
// The one place that reads the system clock; everything else receives `now` from a ports::clock.

#include "domain/ports/clock.hpp"

namespace perkara::server {

class system_clock final : public ports::clock {
 public:
  [[nodiscard]] domain::instant now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace perkara::server
