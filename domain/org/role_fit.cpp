#include "domain/org/role_fit.hpp"

namespace perkara::domain {

bool role_fits(role r, organisation_kind kind) {
  const bool at_ki = kind == organisation_kind::ki;
  switch (r) {
    case role::sysadmin:
    case role::ki_admin:
    case role::registrar:
    case role::commissioner:
    case role::applicant: return at_ki;
    case role::ppid:
    case role::ppid_superior: return !at_ki;
  }
  return false;
}

}  // namespace perkara::domain
