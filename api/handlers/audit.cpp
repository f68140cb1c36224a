#include "api/handlers/audit.hpp"

namespace perkara::api {

void audit(ports::transaction& tx, const caller& who, domain::instant at, std::string action, std::string object_type,
           std::string object_id, std::string details_json) {
  tx.audit().append(domain::audit_entry{who.user.id, who.organisation.code, at, std::move(action),
                                        std::move(object_type), std::move(object_id), std::move(details_json)});
}

}  // namespace perkara::api
