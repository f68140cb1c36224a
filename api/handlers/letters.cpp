// Letters generated from the case record (issue 15): list, preview (text/html), issue, and the stored
// copy of an issued letter (text/html, exactly as issued). Thin: authenticate, call
// api/letters/letter_service, commit, serialise.
#include "api/auth/caller.hpp"
#include "api/documents/dossier.hpp"
#include "api/handlers/routes.hpp"
#include "api/json/json_output.hpp"
#include "api/letters/letter_html.hpp"
#include "api/letters/letter_service.hpp"

#include <tuple>

namespace perkara::api {
namespace {

response html_response(std::string html) {
  response res;
  res.status = 200;
  res.content_type = "text/html; charset=utf-8";
  res.body = std::move(html);
  res.set_header("Content-Security-Policy", letter_content_security_policy());
  res.set_header("Cache-Control", "no-store");
  return res;
}

response list(services& s, const request& req, const route_params& p, case_kind kind) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  return json_response(200, case_letters(*tx, who, kind, p.get("id"), now));
}

response preview(services& s, const request& req, const route_params& p, case_kind kind) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  return html_response(preview_letter(*tx, who, kind, p.get("id"), p.get("kind"), now));
}

response issue(services& s, const request& req, const route_params& p, case_kind kind) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto letter = issue_letter(*tx, who, kind, p.get("id"), p.get("kind"), now);
  // What was sent is also a document of the case (docs/documents.md "Letters and the dossier").
  if (s.files != nullptr) {
    file_issued_letter(*tx, *s.files, letter, now);
  }
  auto body = issued_letter_json(*tx, letter, who.organisation.utc_offset_minutes);
  tx->commit();
  auto res = json_response(201, body);
  res.set_header("Location", "/api/v1/letters/" + letter.id);
  return res;
}

response read(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  auto letter = read_issued_letter(*tx, who, p.get("id"), now);
  auto res = html_response(std::move(letter.html));
  res.set_header("ETag", "\"" + letter.sha256 + "\"");
  return res;
}

}  // namespace

void register_letter_routes(router& r, services& s) {
  constexpr route_options no_body{.body_limit = 1024, .requires_json_body = false};
  for (const auto& [base, kind, readers, actors] :
       {std::tuple{std::string("/api/v1/requests/{id}/letters"), case_kind::request, policy::request_readers,
                   policy::request_actors},
        std::tuple{std::string("/api/v1/disputes/{id}/letters"), case_kind::dispute, policy::dispute_readers,
                   policy::dispute_actors}}) {
    const auto k = kind;
    r.add("GET", base, readers, [&s, k](const request& req, const route_params& p) { return list(s, req, p, k); });
    r.add("GET", base + "/{kind}/preview", actors,
          [&s, k](const request& req, const route_params& p) { return preview(s, req, p, k); });
    r.add(
        "POST", base + "/{kind}", actors,
        [&s, k](const request& req, const route_params& p) { return issue(s, req, p, k); }, no_body);
  }
  r.add("GET", "/api/v1/letters/{id}", policy::signed_in, call(s, read));
}

}  // namespace perkara::api
