// GET /api/v1/tracked-requests?number=…|q=… (issue 15): a KI's registrar finds the tracked request a
// dispute application refers to (api/intake/tracked_requests.hpp has the scope and what is shown).
#include "api/auth/caller.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/intake/tracked_requests.hpp"
#include "api/json/json_output.hpp"

namespace perkara::api {
namespace {

response search(services& s, const request& req) {
  const auto number = req.query_param("number");
  const auto q = req.query_param("q");
  if ((!number || number->empty()) && (!q || q->empty())) {
    throw validation_problem({{"q", "isi nomor permohonan, nama pemohon atau perihal / give a number, applicant or subject"}});
  }
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  if (number && !number->empty()) {
    const auto r = found_or_404(find_tracked_request(*tx, who, *number));
    return json_response(200, tracked_request_json(*tx, r));
  }
  return json_response(200, search_tracked_requests(*tx, who, *q, 20));
}

}  // namespace

void register_tracked_request_routes(router& r, services& s) {
  r.add("GET", "/api/v1/tracked-requests", policy::dispute_intake, call(s, search));
}

}  // namespace perkara::api
