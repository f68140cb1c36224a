#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

namespace perkara::persistence::detail {

void soci_event_repository::append(const domain::case_event& event) {
  translated([&] {
    const long long at = epoch_seconds(event.at);
    // Append-only; version may repeat (system events keep the aggregate's version), see schema.cpp.
    prepared(ctx_,
             "INSERT INTO case_events (case_type, case_id, version, actor, at, action, payload_json) "
             "VALUES (:type, :id, :version, :actor, :at, :action, :payload)")
        .run(soci::use(event.case_type), soci::use(event.case_id), soci::use(event.version), soci::use(event.actor),
             soci::use(at), soci::use(event.action), soci::use(event.payload_json));
  });
  appended_.push_back(event);
}

std::vector<domain::case_event> soci_event_repository::for_case(const std::string& case_type,
                                                                const std::string& case_id) {
  return translated([&] {
    domain::case_event e;
    long long at = 0;
    soci::statement st = (ctx_.sql.prepare << "SELECT case_type, case_id, version, actor, at, action, payload_json "
                                              "FROM case_events WHERE case_type = :type AND case_id = :id "
                                              "ORDER BY id",
                          soci::into(e.case_type), soci::into(e.case_id), soci::into(e.version), soci::into(e.actor),
                          soci::into(at), soci::into(e.action), soci::into(e.payload_json), soci::use(case_type),
                          soci::use(case_id));
    st.execute();
    std::vector<domain::case_event> out;
    while (st.fetch()) {
      e.at = from_epoch_seconds(at);
      out.push_back(e);
    }
    return out;
  });
}

}  // namespace perkara::persistence::detail
