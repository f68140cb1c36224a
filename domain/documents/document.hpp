#pragma once
// A document of a case file (docs/documents.md): an uploaded file attached to an information request or
// a dispute, with its kind from the checklist vocabulary, its checksum and who uploaded it. Plain data;
// the bytes live in the content-addressed file store (domain/ports/file_store.hpp). A document is never
// deleted: a retraction marks it, with who, when and why.

#include "domain/time/instant.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace perkara::domain::documents {

/// The kind of case a document belongs to.
enum class case_kind { request, dispute };

std::string_view to_string(case_kind k);
std::optional<case_kind> parse_case_kind(std::string_view text);

/// A generic reference to a case: the documents module never needs more of the workflow than this.
struct case_ref {
  case_kind kind = case_kind::request;
  std::string id;
};

/// Document kinds: the dispute checklist's attachments (domain/disputes/vocabulary.hpp, in the same
/// spelling, so an attached document ticks its checklist item) and the papers a case produces.
std::span<const std::string_view> document_kinds();
bool is_document_kind(std::string_view kind);
/// Indonesian label of a kind, e.g. "surat kuasa"; the kind itself when unknown.
std::string_view label_id(std::string_view kind);

/// The kind whose publishable copy is what the public decisions list carries.
inline constexpr std::string_view decision_kind = "decision";

struct retraction {
  std::string by;  // user id
  instant at{};
  std::string reason;
};

struct document {
  std::string id;
  case_ref owner;
  std::string kind;
  std::string file_name;     // as the uploader named it (display only; never a path)
  std::string content_type;  // from the content, never the name (sniff_content_type)
  std::string sha256;        // hex, the file's name in the store
  std::uint64_t size = 0;
  bool publishable = false;
  std::string uploaded_by;   // user id
  std::string organisation;  // the uploader's organisation
  instant uploaded_at{};
  std::optional<retraction> retracted;
};

/// A paper original seen by a member of staff (the checklist item is then present without a file).
struct paper_original {
  case_ref owner;
  std::string kind;
  std::string seen_by;  // user id
  instant seen_at{};
  std::string note;
};

}  // namespace perkara::domain::documents
