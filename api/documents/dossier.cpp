#include "api/documents/dossier.hpp"

#include "api/auth/crypto.hpp"
#include "api/handlers/audit.hpp"
#include "domain/letters/letter.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <stdexcept>

namespace perkara::api {
namespace {

namespace docs = domain::documents;

/// "Tanda bukti penerimaan keberatan 001-TBK-PPID-KPU-PANGKALPINANG-XII-2026.html": the title and the
/// number, whose slashes would otherwise read as a path.
std::string letter_file_name(const ports::issued_letter& l) {
  auto number = l.number;
  std::replace(number.begin(), number.end(), '/', '-');
  return l.title + " " + number + ".html";
}

}  // namespace

letter_index::letter_index(ports::transaction& tx, const docs::case_ref& owner,
                           const std::optional<std::string>& tracked_request) {
  for (auto& l : tx.letters().for_case(std::string{docs::to_string(owner.kind)}, owner.id)) {
    by_checksum_.emplace(l.sha256, std::move(l));
  }
  if (tracked_request) {
    for (auto& l : tx.letters().for_case("request", *tracked_request)) {
      by_checksum_.emplace(l.sha256, std::move(l));
    }
  }
}

const ports::issued_letter* letter_index::of(const docs::document& d) const {
  if (d.content_type != letter_content_type) {
    return nullptr;
  }
  const auto it = by_checksum_.find(d.sha256);
  return it == by_checksum_.end() ? nullptr : &it->second;
}

docs::document file_issued_letter(ports::transaction& tx, ports::file_store& store, const ports::issued_letter& l,
                                  domain::instant now) {
  const auto ref = domain::letters::parse_letter_key(l.letter_key);
  if (!ref) {
    throw std::runtime_error("issued letter with an unknown key: " + l.letter_key);
  }
  const auto html = l.html.empty() ? tx.letters().find(l.id).value_or(l).html : l.html;
  // Durable before the row names it (docs/documents.md "Storage"); the same HTML is stored once.
  const auto staged = store.stage(html);
  store.keep(staged);
  docs::document d;
  d.id = random_hex(16);
  d.owner = {l.case_type == "request" ? docs::case_kind::request : docs::case_kind::dispute, l.case_id};
  d.kind = std::string{domain::letters::letter_document_kind(ref->kind)};
  d.file_name = letter_file_name(l);
  d.content_type = std::string{letter_content_type};
  d.sha256 = staged.sha256;
  d.size = staged.size;
  d.uploaded_by = l.issued_by;
  d.organisation = l.organisation;
  d.uploaded_at = now;
  tx.documents().insert(d);
  return d;
}

std::vector<docs::document> attach_request_dossier(ports::transaction& tx, ports::file_store* store, const caller& who,
                                                   const std::string& request_id, const std::string& dispute_id,
                                                   domain::instant now) {
  const docs::case_ref request{docs::case_kind::request, request_id};
  auto from = tx.documents().for_case(request);
  if (store != nullptr) {
    for (const auto& l : tx.letters().for_case("request", request_id)) {
      const bool filed = std::any_of(from.begin(), from.end(), [&](const docs::document& d) {
        return d.content_type == letter_content_type && d.sha256 == l.sha256;
      });
      if (!filed) {
        from.push_back(file_issued_letter(tx, *store, l, l.issued_at));
      }
    }
  }
  std::vector<docs::document> attached;
  boost::json::array audited;
  for (const auto& original : from) {
    if (original.retracted) {
      continue;
    }
    auto d = original;
    d.id = random_hex(16);
    d.owner = {docs::case_kind::dispute, dispute_id};
    d.publishable = false;  // publishing is the KI's decision on its own case
    tx.documents().insert(d);
    audited.push_back(boost::json::object{
        {"document", d.id}, {"from", original.id}, {"kind", d.kind}, {"file_name", d.file_name}, {"sha256", d.sha256}});
    attached.push_back(std::move(d));
  }
  if (!attached.empty()) {
    audit(tx, who, now, "dispute.attach_request_documents", "dispute", dispute_id,
          boost::json::serialize(boost::json::object{{"request_id", request_id}, {"documents", std::move(audited)}}));
  }
  return attached;
}

}  // namespace perkara::api
