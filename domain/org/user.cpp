#include "domain/org/user.hpp"

#include <algorithm>

namespace perkara::domain {

std::string_view to_string(role r) {
  switch (r) {
    case role::sysadmin: return "sysadmin";
    case role::ki_admin: return "ki_admin";
    case role::registrar: return "registrar";
    case role::commissioner: return "commissioner";
    case role::ppid: return "ppid";
    case role::ppid_superior: return "ppid_superior";
    case role::applicant: return "applicant";
  }
  return "applicant";
}

std::optional<role> parse_role(std::string_view text) {
  for (auto r : all_roles) {
    if (to_string(r) == text) {
      return r;
    }
  }
  return std::nullopt;
}

bool user::has_role(role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }

}  // namespace perkara::domain
