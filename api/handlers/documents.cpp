// Documents of case files over HTTP (docs/documents.md "Endpoints"): the same routes under
// /api/v1/requests/{id} and /api/v1/disputes/{id}, and the public decision documents. Thin: the work is
// in api/documents/document_service.
#include "api/documents/document_service.hpp"
#include "api/handlers/routes.hpp"

namespace perkara::api {
namespace {

namespace docs = domain::documents;

void register_case_routes(router& r, services& s, docs::case_kind kind, const access_policy& readers,
                          const access_policy& writers) {
  const std::string base = std::string{"/api/v1/"} + std::string{docs::to_string(kind)} + "s/{id}/documents";
  const auto owner = [kind](const route_params& p) { return docs::case_ref{kind, p.get("id")}; };
  r.add("POST", base, writers,
        [&s, owner](const request& req, const route_params& p) { return upload_document(s, req, owner(p)); },
        {.body_limit = static_cast<std::size_t>(s.config.document_limits.per_file), .streamed_body = true});
  r.add("GET", base, readers,
        [&s, owner](const request& req, const route_params& p) { return list_documents(s, req, owner(p)); });
  r.add("GET", base + "/{doc}", readers, [&s, owner](const request& req, const route_params& p) {
    return download_document(s, req, owner(p), p.get("doc"));
  });
  r.add("PATCH", base + "/{doc}", writers,
        [&s, owner](const request& req, const route_params& p) {
          return update_document(s, req, owner(p), p.get("doc"));
        },
        {.body_limit = std::size_t{16} * 1024, .requires_json_body = true});
  r.add("POST", base + "/{doc}/retract", writers,
        [&s, owner](const request& req, const route_params& p) {
          return retract_document(s, req, owner(p), p.get("doc"));
        },
        {.body_limit = std::size_t{16} * 1024, .requires_json_body = true});
}

}  // namespace

void register_document_routes(router& r, services& s) {
  register_case_routes(r, s, docs::case_kind::request, policy::request_readers, policy::request_actors);
  register_case_routes(r, s, docs::case_kind::dispute, policy::dispute_readers, policy::dispute_actors);
  r.add("POST", "/api/v1/disputes/{id}/papers", policy::dispute_actors,
        [&s](const request& req, const route_params& p) {
          return record_paper_original(s, req, docs::case_ref{docs::case_kind::dispute, p.get("id")});
        },
        {.body_limit = std::size_t{16} * 1024, .requires_json_body = true});
  r.add("GET", "/api/v1/public/documents/{doc}", policy::public_route,
        [&s](const request& req, const route_params& p) { return public_document(s, req, p.get("doc")); });
}

}  // namespace perkara::api
