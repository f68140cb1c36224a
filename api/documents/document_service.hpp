#pragma once
// Documents of case files over HTTP (docs/documents.md): upload, list, download, retract, publish and
// paper originals, for information requests and disputes alike. Works on a generic case reference;
// the workflows are reached only to decide who may see the case (their load_visible_* functions).

#include "api/http/message.hpp"
#include "api/services.hpp"
#include "domain/documents/document.hpp"

#include <string>

namespace perkara::api {

/// POST …/{id}/documents?kind=…&name=…[&publishable=true]: the body is the file (streamed).
response upload_document(services& s, const request& req, const domain::documents::case_ref& owner);
/// GET …/{id}/documents: `{items: [document…], papers: [paper…]}`.
response list_documents(services& s, const request& req, const domain::documents::case_ref& owner);
/// GET …/{id}/documents/{doc}: the file itself.
response download_document(services& s, const request& req, const domain::documents::case_ref& owner,
                           const std::string& document_id);
/// POST …/{id}/documents/{doc}/retract `{reason}`.
response retract_document(services& s, const request& req, const domain::documents::case_ref& owner,
                          const std::string& document_id);
/// PATCH …/{id}/documents/{doc} `{publishable}`.
response update_document(services& s, const request& req, const domain::documents::case_ref& owner,
                         const std::string& document_id);
/// POST /api/v1/disputes/{id}/papers `{kind, note}`: a paper original seen now by the caller.
response record_paper_original(services& s, const request& req, const domain::documents::case_ref& owner);
/// GET /api/v1/public/documents/{doc}: a published decision document, to anyone.
response public_document(services& s, const request& req, const std::string& document_id);

/// The document kinds present for a case: attached (not retracted) documents and paper originals. The
/// dispute checklist reads these (domain/disputes/completeness.hpp).
std::vector<std::string> present_document_kinds(ports::transaction& tx, const domain::documents::case_ref& owner);

/// Adds to each item of a public decisions list (`{items:[{register_number…}]}`) its published decision
/// document, `document: {file_name, content_type, size, sha256, href}`, or null.
std::string with_published_documents(ports::transaction& tx, const std::string& list_json);

}  // namespace perkara::api
