#pragma once
// Documents that come from the record rather than an upload (docs/documents.md "Letters and the
// dossier"): an issued letter filed as a document of its case, and the dossier a dispute receives
// from the tracked request it was filed with. Both work in the caller's write transaction and never
// commit; the bytes are never copied, since a document names its file by checksum.

#include "api/auth/caller.hpp"
#include "domain/documents/document.hpp"
#include "domain/ports/database.hpp"
#include "domain/ports/file_store.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::api {

/// The type of an issued letter filed as a document; no upload has it (uploads are sniffed, and HTML
/// is not among their types), so it marks a letter's document.
inline constexpr std::string_view letter_content_type = "text/html";

/// The issued letters a case's documents may be: the case's own and, for a dispute filed from a
/// tracked request, the request's. A letter's document is its HTML under the same SHA-256, so the
/// checksum is the link.
class letter_index {
 public:
  letter_index(ports::transaction& tx, const domain::documents::case_ref& owner,
               const std::optional<std::string>& tracked_request);
  /// The letter a document is; null for an uploaded file.
  [[nodiscard]] const ports::issued_letter* of(const domain::documents::document& d) const;

 private:
  std::map<std::string, ports::issued_letter> by_checksum_;
};

/// Keeps the letter's HTML in the file store (durably, before the row) and inserts it as a document of
/// its case, of kind letter_document_kind and type letter_content_type. Returns the document.
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
