#pragma once
// The audit trail: every write records who, when and what (DEVELOPERS.md "Standards").

#include "domain/time/instant.hpp"

#include <string>

namespace perkara::domain {

struct audit_entry {
  std::string actor;         // user id, or "system" / "cli", or "" for a failed login
  std::string organisation;  // the actor's organisation code; without a user actor, the organisation
                             // concerned (the user created or the login target), "" if none
  instant at{};
  std::string action;        // e.g. "holiday.create", "user.update"
  std::string object_type;   // e.g. "holiday"
  std::string object_id;
  std::string details_json;  // a JSON object; never personal data
};

}  // namespace perkara::domain
