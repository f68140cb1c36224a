#pragma once
// Documents that come from the record rather than an upload (docs/documents.md "Letters and the
// dossier"): an issued letter filed as a document of its case, and the dossier a dispute receives
// from the tracked request it was filed with. Both work in the caller's write transaction and never
// commit; the bytes are never copied, since a document names its file by checksum.

#include "api/auth/caller.hpp"
#include "domain/documents/document.hpp"
#include "domain/ports/database.hpp"
#include "domain/ports/file_store.hpp"

#include <string>
#include <vector>

namespace perkara::api {

/// Keeps the letter's HTML in the file store (durably, before the row) and inserts the document of
/// kind letter_document_kind naming the letter. Returns the document.
domain::documents::document file_issued_letter(ports::transaction& tx, ports::file_store& store,
                                               const ports::issued_letter& letter, domain::instant now);

/// Attaches to the dispute every document of the request that is not retracted, its issued letters
/// among them (a letter issued before letters were filed as documents is filed first, when `store`
/// is given), under the same kind, name and checksum, so the dispute's checklist starts filled. One
/// audit entry on the dispute (`dispute.attach_request_documents`). Returns the new documents.
std::vector<domain::documents::document> attach_request_dossier(ports::transaction& tx, ports::file_store* store,
                                                                const caller& who, const std::string& request_id,
                                                                const std::string& dispute_id, domain::instant now);

}  // namespace perkara::api
