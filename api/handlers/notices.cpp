// Notices for people (issue 16, docs/operations.md "Notices"):
//   GET/PUT /api/v1/me/notice-preferences       the caller's notice kinds on or off, and their address
//   POST    /api/v1/public/notices/opt-out      the applicant's opt-out by the token of an email's link
//   GET     /api/v1/requests/{id}/notices       a case's delivery log (sent, failed with the reason,
//   GET     /api/v1/disputes/{id}/notices       retried), for those who may read the case
//   GET     /api/v1/notices/status              email (SMTP) and webhook status for an organisation's admin
#include "api/auth/caller.hpp"
#include "api/cases/case_support.hpp"
#include "api/disputes/dispute_service.hpp"
#include "api/handlers/audit.hpp"
#include "api/handlers/notice_json.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "api/requests/request_service.hpp"
#include "domain/notices/recipients.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

namespace perkara::api {
namespace {

using domain::notices::channel;

boost::json::object preferences_json(ports::transaction& tx, const caller& who) {
  const auto muted = tx.notices().muted_kinds(who.user.id);
  boost::json::array items;
  for (const auto kind : domain::notices::preference_kinds) {
    const bool off = std::find(muted.begin(), muted.end(), kind) != muted.end();
    items.push_back(boost::json::object{{"kind", kind}, {"enabled", !off}});
  }
  return {{"email", who.user.email.empty() ? boost::json::value(nullptr) : boost::json::value(who.user.email)},
          {"items", std::move(items)}};
}

response get_preferences(services& s, const request& req) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  return json_response(200, preferences_json(*tx, who));
}

/// Body `{"items": [{"kind", "enabled"}]}`: the kinds named are set, the others kept.
response put_preferences(services& s, const request& req) {
  const auto body = parse_json_object(req);
  const auto now = s.clock.now();
  auto tx = s.db.begin(ports::access::write);
  const auto who = authenticate(req, *tx, now);  // not sign_in: the lambda below captures them
  domain::validation v;
  std::vector<std::pair<std::string, bool>> wanted;
  const auto* items = body.if_contains("items");
  if (!items || !items->is_array()) {
    v.fail("items", "wajib berupa daftar / must be a list");
  } else {
    for (std::size_t i = 0; i < items->as_array().size(); ++i) {
      const auto& item = items->as_array()[i];
      const auto prefix = "items[" + std::to_string(i) + "]";
      if (!item.is_object()) {
        v.fail(prefix, "wajib berupa objek / must be an object");
        continue;
      }
      json_reader in{item.as_object(), v, prefix};
      const auto kind = in.string("kind", true, 32);
      const auto enabled = in.boolean("enabled", true);
      if (kind && !domain::notices::is_preference_kind(*kind)) {
        v.fail(in.path("kind"), "jenis pemberitahuan tidak dikenal / unknown notice kind");
      } else if (kind && enabled) {
        wanted.emplace_back(*kind, *enabled);
      }
    }
  }
  throw_if_invalid(v);
  const auto muted = [&] {
    boost::json::array kinds;
    for (const auto& k : tx->notices().muted_kinds(who.user.id)) kinds.emplace_back(k);
    return boost::json::object{{"muted", std::move(kinds)}};
  };
  const auto before = muted();
  for (const auto& [kind, enabled] : wanted) tx->notices().set_preference(who.user.id, kind, enabled);
  audit(*tx, who, now, "notice.preferences.update", "user", who.user.id,
        boost::json::serialize(change_details(before, muted())));
  auto after = preferences_json(*tx, who);
  tx->commit();
  return json_response(200, after);
}

/// Public, no login: answers the same for a token used once or many times; never shows the address.
response opt_out(services& s, const request& req) {
  const auto body = parse_json_object(req);
  const auto now = s.clock.now();
  domain::validation v;
  json_reader in{body, v};
  const auto token = in.string("token", true, 64);
  throw_if_invalid(v);
  auto tx = s.db.begin(ports::access::write);
  const auto done = tx->notices().opt_out_by_token(*token, now);
  if (!done) throw not_found();
  tx->audit().append(domain::audit_entry{"", done->organisation, now, "notice.opt_out", "notice",
                                         std::to_string(done->notice_id), "{}"});
  tx->commit();
  return json_response(200, boost::json::object{{"opted_out", true}});
}

response case_notices(services& s, const request& req, const std::string& case_type, const std::string& id) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  if (case_type == "request") {
    (void)load_visible_request(*tx, actor_of(who), id, now, false);
  } else {
    (void)load_visible_dispute(*tx, actor_of(who), id);
  }
  boost::json::array items;
  for (const auto& n : tx->notices().for_case(case_type, id)) {
    items.push_back(notice_json(*tx, n, who.organisation.utc_offset_minutes));
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

response status(services& s, const request& req) {
  using domain::role;
  const auto now = s.clock.now();
  auto tx = s.db.begin(ports::access::read);
  const auto who = authenticate(req, *tx, now);  // not sign_in: the lambda below captures them
  const auto code = query_text(req, "organisation").value_or(who.organisation.code);
  const auto org = tx->organisations().find(code);
  if (!org || (!who.has_role(role::sysadmin) && org->code != who.organisation.code)) throw not_found();
  if (!who.has_role(role::sysadmin) &&
      !(org->is_respondent() ? who.has_role(role::ppid_superior) : who.has_role(role::ki_admin))) {
    throw forbidden();
  }
  // The server's answers may name other organisations' recipients: only a sysadmin reads them.
  const auto attempt = [&](bool sent) {
    auto a = tx->notices().last_delivery(channel::email, sent);
    if (a && !who.has_role(role::sysadmin)) a->detail.clear();
    return attempt_json(a, org->utc_offset_minutes);
  };
  boost::json::array hooks;
  for (const auto& w : tx->notices().webhooks(org->code)) hooks.push_back(webhook_json(*tx, w, *org));
  return json_response(200, boost::json::object{{"organisation", org->code},
                                                {"email", boost::json::object{{"configured", s.config.email_configured},
                                                                              {"last_success", attempt(true)},
                                                                              {"last_failure", attempt(false)}}},
                                                {"webhooks", std::move(hooks)}});
}

}  // namespace

void register_notice_routes(router& r, services& s) {
  const route_options json_body{.body_limit = std::size_t{16} * 1024, .requires_json_body = true};
  r.add("GET", "/api/v1/me/notice-preferences", policy::signed_in, call(s, get_preferences));
  r.add("PUT", "/api/v1/me/notice-preferences", policy::signed_in, call(s, put_preferences), json_body);
  r.add("POST", "/api/v1/public/notices/opt-out", policy::public_route, call(s, opt_out),
        {.body_limit = 1024, .requires_json_body = true});
  r.add("GET", "/api/v1/requests/{id}/notices", policy::request_readers,
        [&s](const request& req, const route_params& p) { return case_notices(s, req, "request", p.get("id")); });
  r.add("GET", "/api/v1/disputes/{id}/notices", policy::dispute_readers,
        [&s](const request& req, const route_params& p) { return case_notices(s, req, "dispute", p.get("id")); });
  r.add("GET", "/api/v1/notices/status", policy::notice_admins, call(s, status));
}

}  // namespace perkara::api
