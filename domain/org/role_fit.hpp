#pragma once
// Which roles belong in which kind of organisation (docs/security.md "Roles"): a KI's staff work at a
// KI, a PPID at the election body it answers for. User administration refuses any other combination.

#include "domain/org/organisation.hpp"
#include "domain/org/user.hpp"

namespace perkara::domain {

/// KI: sysadmin (the platform's operators sit at a KI, ki-pusat in practice), ki_admin, registrar,
/// commissioner and applicant (an account the KI holds for a party, as the demo data has it).
/// KPU, Bawaslu and DKPP (the respondent bodies): ppid and ppid_superior.
bool role_fits(role r, organisation_kind kind);

}  // namespace perkara::domain
