#include "api/handlers/audit.hpp"

#include "api/json/json_output.hpp"

namespace perkara::api {

void audit(ports::transaction& tx, const caller& who, domain::instant at, std::string action, std::string object_type,
           std::string object_id, std::string details_json) {
  tx.audit().append(domain::audit_entry{who.user.id, who.organisation.code, at, std::move(action),
                                        std::move(object_type), std::move(object_id), std::move(details_json)});
}

boost::json::object change_details(boost::json::value before, boost::json::value after) {
  return {{"before", std::move(before)}, {"after", std::move(after)}};
}

boost::json::object audited_user_fields(const domain::user& user) {
  auto json = user_to_json(user);
  json.erase("id");  // the entry's object id already
  // An address is personal data: the entry says only whether there is one (docs/operations.md "Notices").
  json["email"] = !user.email.empty();
  return json;
}

boost::json::object user_change_details(const domain::user& before, const domain::user& after, bool password_changed) {
  const auto old_fields = audited_user_fields(before);
  const auto new_fields = audited_user_fields(after);
  boost::json::object was;
  boost::json::object is;
  for (const auto& [key, value] : new_fields) {
    if (old_fields.at(key) != value) {
      was[key] = old_fields.at(key);
      is[key] = value;
    }
  }
  auto details = change_details(std::move(was), std::move(is));
  details["password_changed"] = password_changed;
  return details;
}

}  // namespace perkara::api
