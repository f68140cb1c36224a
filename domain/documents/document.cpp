#include "domain/documents/document.hpp"

#include "domain/disputes/vocabulary.hpp"

#include <algorithm>
#include <array>

namespace perkara::domain::documents {
namespace {

// The checklist's attachments first (their to_string spelling), then the papers a case produces.
constexpr std::array<std::string_view, 18> kinds = {
    "request_letter",    "request_receipt",   "ppid_response",     "objection_letter",  "objection_receipt",
    "atasan_response",   "identity_document", "articles_of_association", "power_of_attorney", "grantor_identity",
    "extension_notice",  "evidence",          "registration_record", "summons",         "minutes",
    "decision",          "service_receipt",   "other"};

struct label {
  std::string_view kind;
  std::string_view text;
};
constexpr label extra_labels[] = {
    {"extension_notice", "pemberitahuan perpanjangan"},
    {"evidence", "alat bukti"},
    {"registration_record", "akta registrasi"},
    {"summons", "surat panggilan"},
    {"minutes", "berita acara sidang"},
    {"decision", "putusan"},
    {"service_receipt", "tanda terima salinan putusan"},
    {"other", "dokumen lain"},
};

}  // namespace

std::string_view to_string(case_kind k) { return k == case_kind::request ? "request" : "dispute"; }

std::optional<case_kind> parse_case_kind(std::string_view text) {
  if (text == "request") {
    return case_kind::request;
  }
  if (text == "dispute") {
    return case_kind::dispute;
  }
  return std::nullopt;
}

std::span<const std::string_view> document_kinds() { return kinds; }

bool is_document_kind(std::string_view kind) { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); }

std::string_view label_id(std::string_view kind) {
  if (const auto a = disputes::parse_attachment(kind)) {
    return disputes::label_id(*a);
  }
  for (const auto& l : extra_labels) {
    if (l.kind == kind) {
      return l.text;
    }
  }
  return kind;
}

}  // namespace perkara::domain::documents
