#include "api/documents/document_service.hpp"

#include "api/auth/caller.hpp"
#include "api/auth/crypto.hpp"
#include "api/cases/case_support.hpp"
#include "api/disputes/dispute_service.hpp"
#include "api/documents/dossier.hpp"
#include "api/handlers/audit.hpp"
#include "api/http/file_body.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "api/letters/letter_html.hpp"
#include "api/requests/request_service.hpp"
#include "domain/documents/content_type.hpp"
#include "domain/documents/limits.hpp"
#include "domain/letters/letter.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include <map>

namespace perkara::api {
namespace {

namespace docs = domain::documents;
using boost::json::array;
using boost::json::object;

constexpr std::size_t max_file_name = 255;
constexpr std::size_t max_reason = 1000;

ports::file_store& store_of(services& s) {
  if (s.files == nullptr) {
    throw problem{503, "Penyimpanan berkas tidak tersedia / File store unavailable"};
  }
  return *s.files;
}

std::string case_path(const docs::case_ref& owner) {
  return fmt::format("/api/v1/{}s/{}", docs::to_string(owner.kind), owner.id);
}

/// The case as the caller may see it: 404 when it does not exist or is another organisation's.
struct visible {
  int offset = 7 * 60;  // the UTC offset of the organisation that holds the case (for times in answers)
  bool holder = false;  // the caller belongs to that organisation
  std::optional<std::string> tracked_request;  // a dispute's: the request it was filed from
};

visible visible_case(ports::transaction& tx, const caller& who, const docs::case_ref& owner, domain::instant now) {
  std::string holder;
  std::optional<std::string> tracked_request;
  if (owner.kind == docs::case_kind::request) {
    holder = load_visible_request(tx, actor_of(who), owner.id, now, false).respondent;
  } else {
    const auto d = load_visible_dispute(tx, actor_of(who), owner.id);
    holder = d.ki;
    tracked_request = d.request_id;
  }
  const auto org = tx.organisations().find(holder);
  return {org ? org->utc_offset_minutes : 7 * 60, who.organisation.code == holder, tracked_request};
}

/// A dispute's letter to the applicant carries the applicant's address: outside the KI (the
/// respondent reads the dispute too) its document is as invisible as the letter itself
/// (api/letters/letter_service.hpp, docs/security.md).
bool hidden_letter(const ports::issued_letter* letter, const docs::document& d, const visible& v) {
  if (letter == nullptr || v.holder || d.owner.kind != docs::case_kind::dispute) {
    return false;
  }
  const auto ref = domain::letters::parse_letter_key(letter->letter_key);
  return !ref || ref->party == domain::disputes::party::applicant;
}

/// Display names of users, looked up once per answer (people see names, never ids).
class names {
 public:
  explicit names(ports::transaction& tx) : tx_(tx) {}
  std::string of(const std::string& user_id) {
    if (const auto it = known_.find(user_id); it != known_.end()) {
      return it->second;
    }
    const auto u = tx_.users().find(user_id);
    return known_[user_id] = u ? u->display_name : std::string{};
  }

 private:
  ports::transaction& tx_;
  std::map<std::string, std::string> known_;
};

object document_json(const docs::document& d, const ports::issued_letter* letter, names& who, int offset) {
  object o{
      {"id", d.id},
      {"kind", d.kind},
      {"kind_label", docs::label_id(d.kind)},
      {"file_name", d.file_name},
      {"content_type", d.content_type},
      {"size", d.size},
      {"sha256", d.sha256},
      {"publishable", d.publishable},
      {"uploaded_by", who.of(d.uploaded_by)},
      {"uploaded_at", domain::format_rfc3339(d.uploaded_at, offset)},
      {"href", case_path(d.owner) + "/documents/" + d.id},
  };
  o["letter"] = nullptr;
  if (letter != nullptr) {
    o["letter"] = object{{"id", letter->id}, {"number", letter->number}, {"href", "/api/v1/letters/" + letter->id}};
  }
  if (d.retracted) {
    o["retracted"] = object{{"by", who.of(d.retracted->by)},
                            {"at", domain::format_rfc3339(d.retracted->at, offset)},
                            {"reason", d.retracted->reason}};
  } else {
    o["retracted"] = nullptr;
  }
  return o;
}

object paper_json(const docs::paper_original& p, names& who, int offset) {
  return object{{"kind", p.kind},
                {"kind_label", docs::label_id(p.kind)},
                {"seen_by", who.of(p.seen_by)},
                {"seen_at", domain::format_rfc3339(p.seen_at, offset)},
                {"note", p.note}};
}

/// A file name for display: its last path segment, without control characters, at most 255 bytes.
std::string clean_file_name(std::string_view raw) {
  if (const auto slash = raw.find_last_of("/\\"); slash != std::string_view::npos) {
    raw.remove_prefix(slash + 1);
  }
  std::string out;
  for (const char c : raw) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      out += c;
    }
  }
  if (out.size() > max_file_name) {
    out.resize(max_file_name);
    // Do not cut a UTF-8 sequence in two.
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
      out.pop_back();
    }
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) {
      out.pop_back();
    }
  }
  return out;
}

/// Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187).
std::string disposition(const std::string& name, std::string_view disposition_type) {
  std::string ascii;
  std::string encoded;
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    ascii += (u < 0x80 && c != '"' && c != '\\') ? c : '_';
    if (std::isalnum(u) != 0 || c == '.' || c == '-' || c == '_') {
      encoded += c;
    } else {
      encoded += fmt::format("%{:02X}", u);
    }
  }
  return fmt::format("{}; filename=\"{}\"; filename*=UTF-8''{}", disposition_type, ascii, encoded);
}

docs::document load_document(ports::transaction& tx, const docs::case_ref& owner, const std::string& id) {
  auto d = tx.documents().find(id);
  if (!d || d->owner.kind != owner.kind || d->owner.id != owner.id) {
    throw not_found();
  }
  return std::move(*d);
}

response file_response(services& s, const docs::document& d, std::string_view disposition_type) {
  auto path = store_of(s).path_of(d.sha256);
  if (!path) {
    // A row never names a missing file (docs/documents.md "Consistency"); if one does, say so.
    throw std::runtime_error("document file missing from the store: " + d.sha256);
  }
  response res;
  res.status = 200;
  res.content_type = d.content_type;
  // Sent from the disk in pieces by the transport, never read whole here.
  set_body_file(res, std::move(*path));
  if (d.content_type == letter_content_type) {
    // An issued letter: its own policy admits only its inline style and script (api/letters/letter_html.hpp).
    res.content_type = "text/html; charset=utf-8";
    res.set_header("Content-Security-Policy", letter_content_security_policy());
  }
  res.set_header("Content-Disposition", disposition(d.file_name, disposition_type));
  res.set_header("ETag", "\"" + d.sha256 + "\"");
  res.set_header("Cache-Control", "private, no-store");
  return res;
}

void check_size(services& s, std::uint64_t size, std::uint64_t case_bytes) {
  switch (docs::check_size(size, case_bytes, s.config.document_limits)) {
    case docs::size_verdict::ok: return;
    case docs::size_verdict::file_too_large:
      throw problem{413, fmt::format("Berkas melebihi {} bait / File larger than {} bytes",
                                     s.config.document_limits.per_file, s.config.document_limits.per_file)};
    case docs::size_verdict::case_too_large:
      throw problem{413, fmt::format("Berkas perkara melebihi {} bait / Case file larger than {} bytes",
                                     s.config.document_limits.per_case, s.config.document_limits.per_case)};
  }
}

std::string required_kind(const std::optional<std::string_view>& kind) {
  if (!kind || kind->empty()) {
    throw validation_problem({{"kind", "wajib diisi / required"}});
  }
  if (!docs::is_document_kind(*kind)) {
    throw validation_problem({{"kind", "bukan jenis dokumen yang dikenal / not a known document kind"}});
  }
  return std::string{*kind};
}

/// Removes a staged file the request did not keep, whatever way the handler leaves.
class staged_guard {
 public:
  explicit staged_guard(ports::file_store& store, ports::staged_file f, bool owned)
      : store_(store), file_(std::move(f)), owned_(owned) {}
  staged_guard(const staged_guard&) = delete;
  staged_guard& operator=(const staged_guard&) = delete;
  ~staged_guard() {
    if (owned_ && !kept_) {
      store_.discard(file_.path);
    }
  }
  const ports::staged_file& file() const { return file_; }
  void kept() { kept_ = true; }

 private:
  ports::file_store& store_;
  ports::staged_file file_;
  bool owned_;
  bool kept_ = false;
};

}  // namespace

response upload_document(services& s, const request& req, const docs::case_ref& owner) {
  auto& store = store_of(s);
  const auto kind = required_kind(req.query_param("kind"));
  const auto name = clean_file_name(req.query_param("name").value_or(""));
  if (name.empty()) {
    throw validation_problem({{"name", "wajib diisi / required"}});
  }
  const bool publishable = query_flag(req, "publishable");
  const auto now = s.clock.now();

  // Who is asking, before a byte is kept: a read transaction, so the fsync below holds no write lock.
  {
    auto tx = s.db.begin(ports::access::read);
    const auto who = authenticate(req, *tx, now);
    visible_case(*tx, who, owner, now);
    const auto size = req.staged_body ? req.staged_body->size : req.body.size();
    check_size(s, size, tx->documents().case_bytes(owner));
  }

  // A body that arrived whole (tests, small clients) is staged here; a streamed one already is.
  staged_guard staged{store, req.staged_body ? *req.staged_body : store.stage(req.body), !req.staged_body};
  const auto sample = store.sample(staged.file(), docs::sniff_window);
  const auto type = docs::sniff_content_type(sample.head, sample.tail);
  if (!type) {
    throw problem{415,
                  "Jenis berkas tidak diizinkan (PDF, JPEG, PNG, ODT, DOCX), dilihat dari isinya / File type not "
                  "allowed (PDF, JPEG, PNG, ODT, DOCX), judged by its content"};
  }
  // Durable before the row: fsync, rename to its address, fsync of the directory.
  store.keep(staged.file());
  staged.kept();

  auto tx = s.db.begin(ports::access::write);
  const auto who = authenticate(req, *tx, now);
  const int offset = visible_case(*tx, who, owner, now).offset;
  // Again inside the write transaction, so two uploads at once cannot both pass the case limit.
  check_size(s, staged.file().size, tx->documents().case_bytes(owner));
  docs::document d;
  d.id = random_hex(16);  // 32 hex characters
  d.owner = owner;
  d.kind = kind;
  d.file_name = name;
  d.content_type = std::string{*type};
  d.sha256 = staged.file().sha256;
  d.size = staged.file().size;
  d.publishable = publishable;
  d.uploaded_by = who.user.id;
  d.organisation = who.organisation.code;
  d.uploaded_at = now;
  tx->documents().insert(d);
  audit(*tx, who, now, "document_upload", std::string{docs::to_string(owner.kind)}, owner.id,
        boost::json::serialize(object{{"document", d.id},
                                      {"kind", d.kind},
                                      {"file_name", d.file_name},
                                      {"size", d.size},
                                      {"sha256", d.sha256},
                                      {"publishable", d.publishable}}));
  names who_names{*tx};
  auto view = document_json(d, nullptr, who_names, offset);  // an upload is never a letter
  tx->commit();
  auto res = json_response(201, view);
  res.set_header("Location", case_path(owner) + "/documents/" + d.id);
  return res;
}

response list_documents(services& s, const request& req, const docs::case_ref& owner) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  const auto seen = visible_case(*tx, who, owner, now);
  const int offset = seen.offset;
  const letter_index letters{*tx, owner, seen.tracked_request};
  names who_names{*tx};
  array items;
  for (const auto& d : tx->documents().for_case(owner)) {
    const auto* letter = letters.of(d);
    if (hidden_letter(letter, d, seen)) {
      continue;
    }
    items.push_back(document_json(d, letter, who_names, offset));
  }
  array papers;
  for (const auto& p : tx->documents().papers_for_case(owner)) {
    papers.push_back(paper_json(p, who_names, offset));
  }
  array kinds;
  for (const auto k : docs::document_kinds()) {
    kinds.push_back(object{{"kind", k}, {"label", docs::label_id(k)}});
  }
  const auto& limits = s.config.document_limits;
  return json_response(200, object{{"items", std::move(items)},
                                   {"papers", std::move(papers)},
                                   {"kinds", std::move(kinds)},
                                   {"limits", {{"per_file", limits.per_file}, {"per_case", limits.per_case}}},
                                   {"case_bytes", tx->documents().case_bytes(owner)}});
}

response download_document(services& s, const request& req, const docs::case_ref& owner,
                           const std::string& document_id) {
  auto [now, tx, who] = sign_in(s, req, ports::access::read);
  const auto seen = visible_case(*tx, who, owner, now);
  const auto d = load_document(*tx, owner, document_id);
  if (hidden_letter(letter_index{*tx, owner, seen.tracked_request}.of(d), d, seen)) {
    throw not_found();
  }
  tx.reset();  // the file is read without holding a connection
  return file_response(s, d, req.query_param("inline") == "true" ? "inline" : "attachment");
}

response retract_document(services& s, const request& req, const docs::case_ref& owner,
                          const std::string& document_id) {
  const auto body = parse_json_object(req);
  std::string reason;
  if (const auto* r = body.if_contains("reason"); r != nullptr && r->is_string()) {
    reason = std::string{r->as_string()};
  }
  if (reason.empty() || reason.size() > max_reason) {
    throw validation_problem(
        {{"reason", "wajib diisi, paling banyak 1000 karakter / required, at most 1000 characters"}});
  }
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto seen = visible_case(*tx, who, owner, now);
  const int offset = seen.offset;
  auto d = load_document(*tx, owner, document_id);
  const letter_index letters{*tx, owner, seen.tracked_request};
  const auto* letter = letters.of(d);
  if (hidden_letter(letter, d, seen)) {
    throw not_found();
  }
  const docs::retraction r{who.user.id, now, reason};
  if (!tx->documents().retract(d.id, r)) {
    throw problem{409, "Dokumen sudah ditarik / Document already retracted"};
  }
  d.retracted = r;
  audit(*tx, who, now, "document_retract", std::string{docs::to_string(owner.kind)}, owner.id,
        boost::json::serialize(object{{"document", d.id}, {"file_name", d.file_name}, {"reason", reason}}));
  names who_names{*tx};
  auto view = document_json(d, letter, who_names, offset);
  tx->commit();
  return json_response(200, view);
}

response update_document(services& s, const request& req, const docs::case_ref& owner, const std::string& document_id) {
  const auto body = parse_json_object(req);
  const auto* flag = body.if_contains("publishable");
  if (flag == nullptr || !flag->is_bool()) {
    throw validation_problem({{"publishable", "harus true atau false / must be true or false"}});
  }
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto seen = visible_case(*tx, who, owner, now);
  const int offset = seen.offset;
  auto d = load_document(*tx, owner, document_id);
  const letter_index letters{*tx, owner, seen.tracked_request};
  const auto* letter = letters.of(d);
  if (hidden_letter(letter, d, seen)) {
    throw not_found();
  }
  if (d.retracted) {
    throw problem{409, "Dokumen sudah ditarik / Document already retracted"};
  }
  const bool before = d.publishable;
  d.publishable = flag->as_bool();
  tx->documents().set_publishable(d.id, d.publishable);
  auto details = change_details(object{{"publishable", before}}, object{{"publishable", d.publishable}});
  details["document"] = d.id;
  audit(*tx, who, now, "document_update", std::string{docs::to_string(owner.kind)}, owner.id,
        boost::json::serialize(details));
  names who_names{*tx};
  auto view = document_json(d, letter, who_names, offset);
  tx->commit();
  return json_response(200, view);
}

response record_paper_original(services& s, const request& req, const docs::case_ref& owner) {
  const auto body = parse_json_object(req);
  const auto* kind_value = body.if_contains("kind");
  const auto kind = required_kind(kind_value != nullptr && kind_value->is_string()
                                      ? std::optional<std::string_view>{kind_value->as_string()}
                                      : std::nullopt);
  std::string note;
  if (const auto* n = body.if_contains("note"); n != nullptr && n->is_string()) {
    note = std::string{n->as_string()};
  }
  if (note.size() > max_reason) {
    throw validation_problem({{"note", "paling banyak 1000 karakter / at most 1000 characters"}});
  }
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const int offset = visible_case(*tx, who, owner, now).offset;
  const docs::paper_original p{owner, kind, who.user.id, now, note};
  tx->documents().insert_paper(p);
  audit(*tx, who, now, "paper_original_seen", std::string{docs::to_string(owner.kind)}, owner.id,
        boost::json::serialize(object{{"kind", kind}, {"note", note}}));
  names who_names{*tx};
  auto view = paper_json(p, who_names, offset);
  tx->commit();
  return json_response(201, view);
}

response public_document(services& s, const request& req, const std::string& document_id) {
  (void)req;
  auto tx = s.db.begin(ports::access::read);
  const auto d = tx->documents().find(document_id);
  // Only what the public decisions list links to: a publishable, unretracted decision of a dispute.
  if (!d || d->owner.kind != docs::case_kind::dispute || d->kind != docs::decision_kind || !d->publishable ||
      d->retracted) {
    throw not_found();
  }
  tx.reset();
  return file_response(s, *d, "inline");
}

std::vector<std::string> present_document_kinds(ports::transaction& tx, const docs::case_ref& owner) {
  return tx.documents().present_kinds(owner);
}

std::string with_published_documents(ports::transaction& tx, const std::string& list_json) {
  auto list = boost::json::parse(list_json).as_object();
  for (auto& item : list["items"].as_array()) {
    auto& o = item.as_object();
    o["document"] = nullptr;
    const auto* number = o.if_contains("register_number");
    if (number == nullptr || !number->is_string()) {
      continue;
    }
    const auto dispute = tx.disputes().find_by_register_number(std::string{number->as_string()});
    if (!dispute) {
      continue;
    }
    const auto published = tx.documents().published({dispute->id}, std::string{docs::decision_kind});
    if (published.empty()) {
      continue;
    }
    const auto& d = published.front();
    o["document"] = object{{"file_name", d.file_name},
                           {"content_type", d.content_type},
                           {"size", d.size},
                           {"sha256", d.sha256},
                           {"href", "/api/v1/public/documents/" + d.id}};
  }
  return boost::json::serialize(list);
}

}  // namespace perkara::api
