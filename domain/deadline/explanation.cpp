#include "domain/deadline/explanation.hpp"

namespace perkara::domain {

std::string_view to_string(deemed_reason reason) {
  switch (reason) {
    case deemed_reason::on_time: return "on_time";
    case deemed_reason::after_office_hours: return "after_office_hours";
    case deemed_reason::non_working_day: return "non_working_day";
  }
  return "on_time";
}

std::string_view to_string(value_origin origin) {
  switch (origin) {
    case value_origin::statutory: return "statutory";
    case value_origin::fallback: return "fallback";
    case value_origin::caller: return "caller";
  }
  return "caller";
}

}  // namespace perkara::domain
