#include "domain/cases/clocks.hpp"

namespace perkara::domain::cases {

std::string_view to_string(clock_op op) {
  switch (op) {
    case clock_op::start: return "start";
    case clock_op::extend: return "extend";
    case clock_op::meet: return "meet";
    case clock_op::stop: return "stop";
  }
  return "start";
}

}  // namespace perkara::domain::cases
