// Demo documents (issue 15): small generated PDFs on the first demo cases, so the documents panel and
// the checklist have something to show. The applicant's letter on three answered requests of KPU Kota
// Pangkalpinang (uploaded by its PPID), the applicant's identity document and evidence on three disputes
// at KI Babel (uploaded by its registrar); stored like an upload (durable file, then the row) and
// audited as one. Idempotent: a case with an uploaded document is skipped.
#include "api/auth/crypto.hpp"
#include "api/documents/dossier.hpp"
#include "api/handlers/audit.hpp"
#include "domain/documents/document.hpp"
#include "server/seed_demo.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include <algorithm>
#include <vector>

namespace perkara::server {
namespace {

namespace docs = domain::documents;

/// A one-page A4 PDF with one line of Helvetica (ASCII); the cross-reference offsets are computed as
/// the objects are written, so viewers open it without repair.
std::string demo_pdf(const std::string& line) {
  std::string text;
  for (const char c : line) {
    if (c == '(' || c == ')' || c == '\\') {
      text += '\\';
    }
    text += (static_cast<unsigned char>(c) < 0x80) ? c : '?';
  }
  const auto content = fmt::format("BT /F1 14 Tf 72 770 Td ({}) Tj ET", text);
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
      fmt::format("<< /Length {} >>\nstream\n{}\nendstream", content.size(), content),
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const auto xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (const auto o : offsets) {
    pdf += fmt::format("{:010} 00000 n \n", o);
  }
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
  return pdf;
}

bool has_upload(ports::transaction& tx, const docs::case_ref& owner) {
  const auto existing = tx.documents().for_case(owner);
  return std::any_of(existing.begin(), existing.end(),
                     [](const docs::document& d) { return d.content_type != api::letter_content_type; });
}

void attach(ports::transaction& tx, ports::file_store& store, const api::caller& who, domain::instant now,
            const docs::case_ref& owner, const std::string& kind, const std::string& file_name,
            const std::string& line) {
  const auto staged = store.stage(demo_pdf(line));
  store.keep(staged);
  docs::document d;
  d.id = api::random_hex(16);
  d.owner = owner;
  d.kind = kind;
  d.file_name = file_name;
  d.content_type = "application/pdf";
  d.sha256 = staged.sha256;
  d.size = staged.size;
  d.uploaded_by = who.user.id;
  d.organisation = who.organisation.code;
  d.uploaded_at = now;
  tx.documents().insert(d);
  api::audit(tx, who, now, "document_upload", std::string{docs::to_string(owner.kind)}, owner.id,
             boost::json::serialize(boost::json::object{{"document", d.id},
                                                        {"kind", d.kind},
                                                        {"file_name", d.file_name},
                                                        {"size", d.size},
                                                        {"sha256", d.sha256},
                                                        {"publishable", false}}));
}

}  // namespace

std::size_t seed_demo_documents(ports::database& db, const ports::clock& clock, ports::file_store& store) {
  const auto now = clock.now();
  std::size_t added = 0;
  auto tx = db.begin(ports::access::write);
  if (const auto ppid = demo_caller(*tx, "ppid.pangkalpinang")) {
    ports::request_filter f;
    f.respondent = "kpu-pangkalpinang";
    f.limit = 50;
    int cases = 0;
    for (const auto& r : tx->requests().list(f)) {
      const docs::case_ref owner{docs::case_kind::request, r.request.id};
      if (cases >= 3 || !r.request.response || has_upload(*tx, owner)) {
        continue;
      }
      ++cases;
      attach(*tx, store, *ppid, now, owner, "request_letter", "Surat permohonan informasi.pdf",
             "Surat permohonan informasi publik - " + r.request.applicant.name + " (data demo)");
      ++added;
    }
  }
  if (const auto registrar = demo_caller(*tx, "panitera.babel")) {
    ports::dispute_filter f;
    f.ki = "ki-babel";
    f.limit = 50;
    int cases = 0;
    for (const auto& d : tx->disputes().list(f)) {
      const docs::case_ref owner{docs::case_kind::dispute, d.id};
      if (cases >= 3 || has_upload(*tx, owner)) {
        continue;
      }
      ++cases;
      attach(*tx, store, *registrar, now, owner, "identity_document", "KTP pemohon.pdf",
             "Salinan KTP pemohon (data demo, bukan identitas sebenarnya)");
      attach(*tx, store, *registrar, now, owner, "evidence", "Bukti permohonan dan keberatan.pdf",
             "Bukti pengiriman permohonan dan keberatan (data demo)");
      added += 2;
    }
  }
  tx->commit();
  return added;
}

}  // namespace perkara::server
