#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

namespace perkara::persistence::detail {

void soci_audit_repository::append(const domain::audit_entry& entry) {
  translated([&] {
    const long long at = epoch_seconds(entry.at);
    prepared(ctx_,
             "INSERT INTO audit_log (actor, organisation, at, action, object_type, object_id, details_json) "
             "VALUES (:actor, :org, :at, :action, :type, :id, :details)")
        .run(soci::use(entry.actor), soci::use(entry.organisation), soci::use(at), soci::use(entry.action),
             soci::use(entry.object_type), soci::use(entry.object_id), soci::use(entry.details_json));
  });
}

std::vector<domain::audit_entry> soci_audit_repository::list(const std::string& object_type,
                                                             const std::string& object_id) {
  return translated([&] {
    domain::audit_entry e;
    long long at = 0;
    // An empty type lists everything of one organisation, whose code is then passed as object_id.
    const std::string where = object_type.empty() ? "organisation = :org" : "object_type = :type AND object_id = :id";
    prepared p(ctx_,
               "SELECT actor, organisation, at, action, object_type, object_id, details_json FROM audit_log WHERE " +
                   where + " ORDER BY at DESC, id DESC");
    auto& st = p.statement();
    st.exchange(soci::into(e.actor));
    st.exchange(soci::into(e.organisation));
    st.exchange(soci::into(at));
    st.exchange(soci::into(e.action));
    st.exchange(soci::into(e.object_type));
    st.exchange(soci::into(e.object_id));
    st.exchange(soci::into(e.details_json));
    if (!object_type.empty()) {
      st.exchange(soci::use(object_type));
    }
    st.exchange(soci::use(object_id));
    p.bound();
    st.execute();
    std::vector<domain::audit_entry> out;
    while (st.fetch()) {
      e.at = from_epoch_seconds(at);
      out.push_back(e);
    }
    return out;
  });
}

}  // namespace perkara::persistence::detail
