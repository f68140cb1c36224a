// GET /api/v1/openapi.json: the contract, embedded at build time from api/openapi/openapi.json.
#include "api/app.hpp"
#include "api/handlers/routes.hpp"

namespace perkara::api {

void register_openapi_routes(router& r, services&) {
  r.add("GET", "/api/v1/openapi.json", policy::public_route, [](const request&, const route_params&) {
    response res;
    res.body = std::string{openapi_document()};
    return res;
  });
}

}  // namespace perkara::api
