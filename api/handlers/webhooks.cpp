// /api/v1/organisations/{code}/webhooks: an organisation's webhook endpoints for its client systems
// (issue 16, docs/operations.md "Notices"): create (the secret is shown once, generated or supplied),
// list, disable/enable, remove (kept for its delivery log), rotate the secret, queue a signed test
// delivery, and read the delivery log. A sysadmin manages every organisation's; a ki_admin its KI's; a
// PPID superior its respondent body's. Another organisation's endpoints answer 404. Every change is audited
// without the secret.
#include "api/auth/caller.hpp"
#include "api/auth/crypto.hpp"
#include "api/handlers/audit.hpp"
#include "api/handlers/notice_json.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "domain/json_text.hpp"
#include "domain/time/instant.hpp"
#include "domain/whole_number.hpp"

#include <fmt/format.h>
#include <boost/json/serialize.hpp>


namespace perkara::api {
namespace {

constexpr std::size_t max_url_length = 255;  // notices.recipient holds the URL of each delivery
constexpr std::size_t min_secret_length = 16;
constexpr std::size_t max_secret_length = 128;
constexpr int delivery_log_page = 100;

/// The organisation whose endpoints the caller manages (404 for another's).
domain::organisation managed_organisation(ports::transaction& tx, const caller& who, const std::string& code) {
  using domain::role;
  const auto org = tx.organisations().find(code);
  if (!org) throw not_found();
  if (who.has_role(role::sysadmin)) return *org;
  if (who.organisation.code != org->code) throw not_found();
  if (!(org->is_respondent() ? who.has_role(role::ppid_superior) : who.has_role(role::ki_admin))) throw forbidden();
  return *org;
}

ports::webhook_endpoint find_endpoint(ports::transaction& tx, const std::string& organisation, const std::string& id) {
  const auto n = domain::parse_whole_number<long long>(id);
  if (!n) throw not_found();
  auto hook = tx.notices().webhook(organisation, *n);
  if (!hook) throw not_found();
  return std::move(*hook);
}

std::optional<std::string> read_url(json_reader& in, bool required) {
  auto url = in.string("url", required, max_url_length);
  if (url && ((url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0) ||
              url->find_first_of(" \t\r\n") != std::string::npos || url->size() < 10)) {
    in.errors().fail("url", "harus alamat http:// atau https:// / must be an http:// or https:// address");
  }
  return url;
}

/// A supplied secret, or a new random one when none is given.
std::string read_secret(json_reader& in) {
  const auto secret = in.string("secret", false, max_secret_length);
  if (secret && secret->size() < min_secret_length) {
    in.errors().fail("secret", "minimal 16 karakter / at least 16 characters");
  }
  return secret && !secret->empty() ? *secret : "whsec_" + random_hex(24);
}

boost::json::object audited(const ports::webhook_endpoint& w) { return {{"url", w.url}, {"active", w.active}}; }

response list_webhooks(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  const auto org = managed_organisation(*tx, who, p.get("code"));
  boost::json::array items;
  for (const auto& w : tx->notices().webhooks(org.code)) items.push_back(webhook_json(*tx, w, org));
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

response create_webhook(services& s, const request& req, const route_params& p) {
  const auto body = parse_json_object(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto org = managed_organisation(*tx, who, p.get("code"));
  domain::validation v;
  json_reader in{body, v};
  ports::webhook_endpoint hook;
  hook.organisation = org.code;
  hook.url = read_url(in, true).value_or("");
  hook.secret = read_secret(in);
  hook.active = in.boolean("active", false).value_or(true);
  hook.created_at = now;
  throw_if_invalid(v);
  hook.id = tx->notices().add_webhook(hook, now);
  audit(*tx, who, now, "webhook.create", "webhook", std::to_string(hook.id),
        boost::json::serialize(change_details(nullptr, audited(hook))));
  auto out = webhook_json(*tx, hook, org);
  out["secret"] = hook.secret;  // shown once: never again readable
  tx->commit();
  return json_response(201, out);
}

response update_webhook(services& s, const request& req, const route_params& p) {
  const auto body = parse_json_object(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto org = managed_organisation(*tx, who, p.get("code"));
  auto hook = find_endpoint(*tx, org.code, p.get("id"));
  const auto before = hook;
  domain::validation v;
  json_reader in{body, v};
  const auto url = read_url(in, false);
  const auto active = in.boolean("active", false);
  throw_if_invalid(v);
  if (url) hook.url = *url;
  if (active) hook.active = *active;
  tx->notices().update_webhook(hook);
  audit(*tx, who, now, "webhook.update", "webhook", std::to_string(hook.id),
        boost::json::serialize(change_details(audited(before), audited(hook))));
  auto out = webhook_json(*tx, hook, org);
  tx->commit();
  return json_response(200, out);
}

response remove_webhook(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto org = managed_organisation(*tx, who, p.get("code"));
  const auto hook = find_endpoint(*tx, org.code, p.get("id"));
  tx->notices().remove_webhook(hook.id, now);
  audit(*tx, who, now, "webhook.delete", "webhook", std::to_string(hook.id),
        boost::json::serialize(change_details(audited(hook), nullptr)));
  tx->commit();
  response res;
  res.status = 204;
  res.content_type.clear();
  return res;
}

response rotate_secret(services& s, const request& req, const route_params& p) {
  const auto body = req.body.empty() ? boost::json::object{} : parse_json_object(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto org = managed_organisation(*tx, who, p.get("code"));
  auto hook = find_endpoint(*tx, org.code, p.get("id"));
  domain::validation v;
  json_reader in{body, v};
  hook.secret = read_secret(in);
  throw_if_invalid(v);
  tx->notices().update_webhook(hook);
  audit(*tx, who, now, "webhook.rotate_secret", "webhook", std::to_string(hook.id),
        boost::json::serialize(boost::json::object{{"url", hook.url}}));
  auto out = webhook_json(*tx, hook, org);
  out["secret"] = hook.secret;
  tx->commit();
  return json_response(200, out);
}

response test_webhook(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto org = managed_organisation(*tx, who, p.get("code"));
  const auto hook = find_endpoint(*tx, org.code, p.get("id"));
  domain::notices::notice n;
  n.via = domain::notices::channel::webhook;
  n.recipient = hook.url;
  n.audience = "organisation";
  n.kind = "test";
  n.payload_json = fmt::format(R"({{"test":true,"organisation":{},"at":"{}"}})", domain::json_quote(org.code),
                               domain::format_rfc3339(now, org.utc_offset_minutes));
  tx->notices().queue_notice(n, org.code, "webhook", std::to_string(hook.id), "webhook.test", now);
  audit(*tx, who, now, "webhook.test", "webhook", std::to_string(hook.id),
        boost::json::serialize(boost::json::object{{"url", hook.url}}));
  const auto latest = tx->notices().for_webhook(hook, 1);
  auto out = latest.empty() ? boost::json::object{} : notice_json(*tx, latest.front(), org.utc_offset_minutes);
  tx->commit();
  return json_response(202, out);
}

response webhook_deliveries(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  const auto org = managed_organisation(*tx, who, p.get("code"));
  const auto hook = find_endpoint(*tx, org.code, p.get("id"));
  boost::json::array items;
  for (const auto& n : tx->notices().for_webhook(hook, delivery_log_page)) {
    items.push_back(notice_json(*tx, n, org.utc_offset_minutes));
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

}  // namespace

void register_webhook_routes(router& r, services& s) {
  const route_options json_body{.body_limit = std::size_t{16} * 1024, .requires_json_body = true};
  const route_options optional_body{.body_limit = std::size_t{16} * 1024};
  r.add("GET", "/api/v1/organisations/{code}/webhooks", policy::notice_admins, call(s, list_webhooks));
  r.add("POST", "/api/v1/organisations/{code}/webhooks", policy::notice_admins, call(s, create_webhook), json_body);
  r.add("PATCH", "/api/v1/organisations/{code}/webhooks/{id}", policy::notice_admins, call(s, update_webhook),
        json_body);
  r.add("DELETE", "/api/v1/organisations/{code}/webhooks/{id}", policy::notice_admins, call(s, remove_webhook));
  r.add("POST", "/api/v1/organisations/{code}/webhooks/{id}/rotate-secret", policy::notice_admins,
        call(s, rotate_secret), optional_body);
  r.add("POST", "/api/v1/organisations/{code}/webhooks/{id}/test", policy::notice_admins, call(s, test_webhook),
        optional_body);
  r.add("GET", "/api/v1/organisations/{code}/webhooks/{id}/deliveries", policy::notice_admins,
        call(s, webhook_deliveries));
}

}  // namespace perkara::api
