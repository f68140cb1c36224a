#include "domain/cases/clocks.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain::cases {

constexpr enum_name<clock_op> clock_op_names[] = {
    {clock_op::start, "start"}, {clock_op::extend, "extend"}, {clock_op::meet, "meet"}, {clock_op::stop, "stop"}};
std::string_view to_string(clock_op op) { return name_in(clock_op_names, op); }

}  // namespace perkara::domain::cases
