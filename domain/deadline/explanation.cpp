#include "domain/deadline/explanation.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain {

constexpr enum_name<deemed_reason> deemed_reason_names[] = {
    {deemed_reason::on_time, "on_time"}, {deemed_reason::after_office_hours, "after_office_hours"},
    {deemed_reason::non_working_day, "non_working_day"}};
std::string_view to_string(deemed_reason reason) { return name_in(deemed_reason_names, reason); }

// The first row is also the name of a value the table lacks (domain/enum_names.hpp).
constexpr enum_name<value_origin> value_origin_names[] = {
    {value_origin::caller, "caller"}, {value_origin::statutory, "statutory"}, {value_origin::fallback, "fallback"}};
std::string_view to_string(value_origin origin) { return name_in(value_origin_names, origin); }

}  // namespace perkara::domain
