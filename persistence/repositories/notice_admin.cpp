// The notice outbox's people side on SOCI (issue 16, docs/operations.md "Notices"): the staff who may
// hear about a case, their preferences, webhook management, the applicant's opt-out by token, and the
// latest attempts for the status page. The outbox's queue and claims are in notice_outbox.cpp.
#include "persistence/detail/session_setup.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>
#include <boost/json.hpp>

#include <algorithm>

namespace perkara::persistence::detail {
namespace {

/// A dispute's panel (majelis) and mediator from its stored document (api/disputes/dispute_document.cpp).
void read_panel(const std::string& body, domain::notices::case_facts& f) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(body, ec);
  if (ec || !doc.is_object()) return;
  const auto& o = doc.as_object();
  if (const auto* r = o.if_contains("respondent"); r && r->is_string()) f.respondent = std::string(r->as_string());
  if (const auto* m = o.if_contains("mediator"); m && m->is_string()) f.panel.emplace_back(m->as_string());
  if (const auto* panel = o.if_contains("majelis"); panel && panel->is_array()) {
    for (const auto& member : panel->as_array()) {
      if (member.is_string()) f.panel.emplace_back(member.as_string());
    }
  }
}

}  // namespace

void soci_notice_outbox::add_staff(domain::notices::case_facts& f, const std::string& dispute_body) {
  if (!dispute_body.empty()) read_panel(dispute_body, f);
  const std::string respondent = f.respondent.empty() ? f.organisation : f.respondent;
  std::vector<std::string> ids;
  {
    domain::notices::staff_member m;
    std::string id;
    soci::statement st = (ctx_.sql.prepare << "SELECT id, username, organisation, email FROM users WHERE active = 1 "
                                              "AND email <> '' AND (organisation = :org OR organisation = :resp) "
                                              "ORDER BY username",
                          soci::into(id), soci::into(m.username), soci::into(m.organisation), soci::into(m.email),
                          soci::use(f.organisation), soci::use(respondent));
    st.execute();
    while (st.fetch()) {
      ids.push_back(id);
      f.staff.push_back(m);
    }
  }
  // Roles and preferences after the users query has finished: MariaDB's backend cannot nest statements.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::string text;
    soci::statement st =
        (ctx_.sql.prepare << "SELECT role FROM user_roles WHERE user_id = :id", soci::into(text), soci::use(ids[i]));
    st.execute();
    while (st.fetch()) {
      if (const auto r = domain::parse_role(text)) f.staff[i].roles.push_back(*r);
    }
    f.staff[i].muted = muted_kinds(ids[i]);
  }
}

std::optional<ports::webhook_endpoint> soci_notice_outbox::webhook(const std::string& organisation, long long id) {
  for (auto& w : webhooks(organisation)) {
    if (w.id == id) return std::move(w);
  }
  return std::nullopt;
}

void soci_notice_outbox::update_webhook(const ports::webhook_endpoint& endpoint) {
  translated([&] {
    const int active = endpoint.active ? 1 : 0;
    ctx_.sql << "UPDATE notice_webhooks SET url = :url, secret = :secret, active = :active WHERE id = :id",
        soci::use(endpoint.url), soci::use(endpoint.secret), soci::use(active), soci::use(endpoint.id);
  });
}

void soci_notice_outbox::remove_webhook(long long id, domain::instant at) {
  translated([&] {
    const long long t = epoch_seconds(at);
    ctx_.sql << "UPDATE notice_webhooks SET active = 0, deleted_at = :at WHERE id = :id", soci::use(t), soci::use(id);
  });
}

void soci_notice_outbox::queue_notice(const domain::notices::notice& n, const std::string& organisation,
                                      const std::string& case_type, const std::string& case_id,
                                      const std::string& action, domain::instant at) {
  translated([&] {
    domain::notices::case_facts f;
    f.organisation = organisation;
    f.case_type = case_type;
    f.case_id = case_id;
    insert(n, f, action, at);
  });
}

std::vector<std::string> soci_notice_outbox::muted_kinds(const std::string& user_id) {
  return translated([&] {
    std::vector<std::string> out;
    std::string kind;
    soci::statement st = (ctx_.sql.prepare << "SELECT kind FROM notice_preferences WHERE user_id = :id AND enabled = 0 "
                                              "ORDER BY kind",
                          soci::into(kind), soci::use(user_id));
    st.execute();
    while (st.fetch()) out.push_back(kind);
    return out;
  });
}

void soci_notice_outbox::set_preference(const std::string& user_id, const std::string& kind, bool enabled) {
  translated([&] {
    const int on = enabled ? 1 : 0;
    ctx_.sql << "DELETE FROM notice_preferences WHERE user_id = :id AND kind = :kind", soci::use(user_id),
        soci::use(kind);
    ctx_.sql << "INSERT INTO notice_preferences (user_id, kind, enabled) VALUES (:id, :kind, :on)", soci::use(user_id),
        soci::use(kind), soci::use(on);
  });
}

std::optional<ports::opted_out> soci_notice_outbox::opt_out_by_token(const std::string& token, domain::instant at) {
  auto found = translated([&]() -> std::optional<ports::opted_out> {
    ports::opted_out o;
    ctx_.sql << "SELECT id, organisation, recipient FROM notices WHERE idempotency_key = :key AND channel = 'email' "
                "AND audience = 'applicant'",
        soci::into(o.notice_id), soci::into(o.organisation), soci::into(o.email), soci::use(token);
    if (!ctx_.sql.got_data()) return std::nullopt;
    return o;
  });
  if (found) opt_out(found->email, at);
  return found;
}

std::optional<ports::last_attempt> soci_notice_outbox::last_delivery(domain::notices::channel via, bool sent) {
  return translated([&]() -> std::optional<ports::last_attempt> {
    const std::string channel(domain::notices::to_string(via));
    ports::last_attempt a;
    long long at = 0;
    const std::string outcome_filter = sent ? "d.outcome = 'sent'" : "d.outcome <> 'sent'";
    ctx_.sql << "SELECT d.at, d.outcome, d.detail FROM notice_deliveries d JOIN notices n ON n.id = d.notice_id "
                "WHERE n.channel = :channel AND " +
                    outcome_filter + " ORDER BY d.id DESC LIMIT 1",
        soci::into(at), soci::into(a.outcome), soci::into(a.detail), soci::use(channel);
    if (!ctx_.sql.got_data()) return std::nullopt;
    a.at = from_epoch_seconds(at);
    return a;
  });
}

}  // namespace perkara::persistence::detail
