#pragma once
// Writing audit entries: one call for the caller's action inside the current transaction, and one shape
// for what a change did, `{"before": …, "after": …}` (null before a creation, null after a removal),
// so the audit trail page shows every change the same way (docs/security.md "Audit").

#include "api/auth/caller.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>

namespace perkara::api {

void audit(ports::transaction& tx, const caller& who, domain::instant at, std::string action, std::string object_type,
           std::string object_id, std::string details_json = "{}");

/// `{"before": before, "after": after}`; callers may add further keys (e.g. the deadlines it moved).
boost::json::object change_details(boost::json::value before, boost::json::value after);

/// The fields of a user that its audit entries record: never a password or its hash.
boost::json::object audited_user_fields(const domain::user& user);
/// change_details of the fields that differ between two states of a user, plus `password_changed`
/// (whether a new password was set: never the password or its hash).
boost::json::object user_change_details(const domain::user& before, const domain::user& after, bool password_changed);

}  // namespace perkara::api
