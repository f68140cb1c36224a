#include "domain/org/user.hpp"

#include "domain/enum_names.hpp"

#include <algorithm>

namespace perkara::domain {

// The first row is also the name of a value the table lacks (enum_names.hpp).
constexpr enum_name<role> role_names[] = {{role::applicant, "applicant"},        {role::sysadmin, "sysadmin"},
                                          {role::ki_admin, "ki_admin"},          {role::registrar, "registrar"},
                                          {role::commissioner, "commissioner"},  {role::ppid, "ppid"},
                                          {role::ppid_superior, "ppid_superior"}};
std::string_view to_string(role r) { return name_in(role_names, r); }
std::optional<role> parse_role(std::string_view text) { return value_in(role_names, text); }

bool user::has_role(role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

}  // namespace perkara::domain
