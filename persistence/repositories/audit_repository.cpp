#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/bound_params.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <optional>

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

std::vector<ports::audit_record> soci_audit_repository::search(const ports::audit_search& q) {
  return translated([&] {
    std::string where;
    bound_params params;
    const auto add = [&where](const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; };
    if (q.organisation) {
      add("a.organisation = :org");
      params.text(*q.organisation);
    }
    if (q.action_prefix && !q.action_prefix->empty()) {
      // SUBSTR rather than LIKE: the same case-sensitive comparison on both backends, no escaping.
      add("SUBSTR(a.action, 1, " + std::to_string(q.action_prefix->size()) + ") = :action");
      params.text(*q.action_prefix);
    }
    if (q.object_type) {
      add("a.object_type = :otype");
      params.text(*q.object_type);
    }
    if (q.object_id) {
      add("a.object_id = :oid");
      params.text(*q.object_id);
    }
    if (q.actor_username) {
      add("a.actor = (SELECT id FROM users WHERE username = :actor)");
      params.text(*q.actor_username);
    }
    if (q.from) {
      add("a.at >= :from");
      params.number(epoch_seconds(*q.from));
    }
    if (q.until) {
      add("a.at < :until");
      params.number(epoch_seconds(*q.until));
    }
    if (q.before) {
      add("(a.at < :at1 OR (a.at = :at2 AND a.id < :bid))");
      params.number(q.before->at);
      params.number(q.before->at);
      params.number(q.before->id);
    }
    // ix_audit_organisation (organisation, at) and ix_audit_at (at) serve this order; both end in the
    // row id implicitly on both backends.
    prepared p(ctx_,
               "SELECT a.id, a.actor, a.organisation, a.at, a.action, a.object_type, a.object_id, a.details_json, "
               "u.username, u.display_name, o.name, o.utc_offset_minutes FROM audit_log a "
               "LEFT JOIN users u ON u.id = a.actor LEFT JOIN organisations o ON o.code = a.organisation" +
                   where + " ORDER BY a.at DESC, a.id DESC LIMIT " + std::to_string(std::max(1, q.limit)));
    ports::audit_record r;
    long long at = 0;
    std::string username, display_name, org_name;
    int offset = 0;
    soci::indicator username_ind = soci::i_ok, display_ind = soci::i_ok, org_ind = soci::i_ok,
                    offset_ind = soci::i_ok;
    auto& st = p.statement();
    st.exchange(soci::into(r.id));
    st.exchange(soci::into(r.entry.actor));
    st.exchange(soci::into(r.entry.organisation));
    st.exchange(soci::into(at));
    st.exchange(soci::into(r.entry.action));
    st.exchange(soci::into(r.entry.object_type));
    st.exchange(soci::into(r.entry.object_id));
    st.exchange(soci::into(r.entry.details_json));
    st.exchange(soci::into(username, username_ind));
    st.exchange(soci::into(display_name, display_ind));
    st.exchange(soci::into(org_name, org_ind));
    st.exchange(soci::into(offset, offset_ind));
    params.bind(st);
    p.bound();
    st.execute();
    std::vector<ports::audit_record> out;
    while (st.fetch()) {
      auto copy = r;
      copy.entry.at = from_epoch_seconds(at);
      if (username_ind == soci::i_ok) {
        copy.actor_username = username;
        copy.actor_display_name = display_ind == soci::i_ok ? display_name : username;
      }
      if (org_ind == soci::i_ok) {
        copy.organisation_name = org_name;
      }
      if (offset_ind == soci::i_ok) {
        copy.organisation_utc_offset_minutes = offset;
      }
      out.push_back(std::move(copy));
    }
    return out;
  });
}

}  // namespace perkara::persistence::detail
