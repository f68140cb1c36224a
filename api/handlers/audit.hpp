#pragma once
// One call to write an audit entry for the caller's action inside the current transaction.

#include "api/auth/caller.hpp"
#include "domain/ports/database.hpp"

#include <string>

namespace perkara::api {

void audit(ports::transaction& tx, const caller& who, domain::instant at, std::string action, std::string object_type,
           std::string object_id, std::string details_json = "{}");

}  // namespace perkara::api
