#pragma once
// Storage of the document rows of case files (domain/documents/document.hpp). The bytes are in the
// file store (file_store.hpp); a row is inserted only after its file is durably stored.

#include "domain/documents/document.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

class document_repository {
 public:
  virtual ~document_repository() = default;
  virtual void insert(const domain::documents::document& doc) = 0;
  virtual std::optional<domain::documents::document> find(const std::string& id) = 0;
  /// Every document of a case, retracted ones included, oldest first.
  virtual std::vector<domain::documents::document> for_case(const domain::documents::case_ref& owner) = 0;
  /// The bytes a case holds (retracted documents included: they are kept).
  virtual std::uint64_t case_bytes(const domain::documents::case_ref& owner) = 0;
  /// Marks a document retracted; false when it is unknown or already retracted.
  virtual bool retract(const std::string& id, const domain::documents::retraction& r) = 0;
  virtual void set_publishable(const std::string& id, bool publishable) = 0;
  /// Every distinct checksum any row names (the file store keeps exactly these).
  virtual std::vector<std::string> all_checksums() = 0;
  /// The newest published (publishable, not retracted) document of `kind` of each of these disputes.
  virtual std::vector<domain::documents::document> published(const std::vector<std::string>& dispute_ids,
                                                             const std::string& kind) = 0;
  /// Paper originals recorded as seen for a case, oldest first.
  virtual std::vector<domain::documents::paper_original> papers_for_case(const domain::documents::case_ref& owner) = 0;
  virtual void insert_paper(const domain::documents::paper_original& paper) = 0;
  /// The kinds present in a case's file, in one read: of its documents not retracted, then of its paper
  /// originals (the checklist's view, domain/documents/checklist.hpp).
  virtual std::vector<std::string> present_kinds(const domain::documents::case_ref& owner) = 0;
};

}  // namespace perkara::ports
