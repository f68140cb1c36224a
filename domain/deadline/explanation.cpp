#include "domain/deadline/explanation.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain {

constexpr enum_name<deemed_reason> deemed_reason_names[] = {
    {deemed_reason::on_time, "on_time"}, {deemed_reason::after_office_hours, "after_office_hours"},
    {deemed_reason::non_working_day, "non_working_day"}};
std::string_view to_string(deemed_reason reason) { return name_in(deemed_reason_names, reason); }

std::string_view to_string(value_origin origin) {
  switch (origin) {
    case value_origin::statutory: return "statutory";
    case value_origin::fallback: return "fallback";
    case value_origin::caller: return "caller";
  }
  return "caller";
}

}  // namespace perkara::domain
