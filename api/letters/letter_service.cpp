#include "api/letters/letter_service.hpp"

#include "api/auth/crypto.hpp"
#include "api/cases/case_support.hpp"
#include "api/disputes/dispute_service.hpp"
#include "api/cases/numbering.hpp"
#include "api/handlers/audit.hpp"
#include "api/http/problem.hpp"
#include "api/letters/letter_html.hpp"
#include "api/requests/request_service.hpp"
#include "domain/letters/letter.hpp"
#include "domain/numbering/register_number.hpp"

#include <fmt/format.h>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <variant>

namespace perkara::api {
namespace {

namespace letters = domain::letters;

std::string_view case_type(case_kind kind) { return kind == case_kind::request ? "request" : "dispute"; }

/// The case as the caller may read it, with what its letters need.
struct loaded_case {
  case_kind kind;
  std::variant<domain::information_request, domain::disputes::dispute> record;
  std::string id;
  std::string issuer;      // organisation code that issues its letters
  std::string respondent;  // respondent body
  std::string ki;          // KI (disputes)
};

loaded_case load_case(ports::transaction& tx, const caller& who, case_kind kind, const std::string& id,
                      domain::instant now) {
  if (kind == case_kind::request) {
    auto r = load_visible_request(tx, actor_of(who), id, now, false);
    auto respondent = r.respondent;
    return {kind, std::move(r), id, respondent, respondent, ""};
  }
  auto d = load_visible_dispute(tx, actor_of(who), id);
  auto ki = d.ki;
  auto respondent = d.respondent;
  return {kind, std::move(d), id, ki, respondent, ki};
}

std::vector<letters::letter_ref> available(const loaded_case& c) {
  return std::visit([](const auto& record) { return letters::available_letters(record); }, c.record);
}

std::string name_of(ports::transaction& tx, const std::string& code) {
  if (code.empty()) {
    return "";
  }
  const auto org = tx.organisations().find(code);
  return org ? org->name : code;
}

bool may_issue(const caller& who, const loaded_case& c) {
  using domain::role;
  if (who.organisation.code != c.issuer) {
    return false;
  }
  return c.kind == case_kind::request ? who.has_any_role({role::ppid, role::ppid_superior})
                                      : who.has_any_role({role::registrar, role::ki_admin, role::commissioner});
}

/// Letters of a dispute addressed to the applicant carry the applicant's address, which the respondent
/// does not see (domain/disputes/access.cpp); everything else is for every reader of the case.
bool may_read(const caller& who, const loaded_case& c, const letters::letter_ref& ref) {
  if (c.kind == case_kind::request || who.organisation.code == c.issuer) {
    return true;
  }
  return ref.party != domain::disputes::party::applicant;
}

/// The letter `key` names, for a caller who may issue it: 404 when the case has no such letter (yet),
/// then 403 for a caller who may not issue.
letters::letter_ref issuable(const caller& who, const loaded_case& c, const std::string& key) {
  const auto ref = letters::parse_letter_key(key);
  const auto refs = available(c);
  if (!ref || std::find(refs.begin(), refs.end(), *ref) == refs.end()) {
    throw not_found();  // no such letter, or not (yet) for this case
  }
  if (!may_issue(who, c)) {
    throw forbidden();
  }
  return *ref;
}

/// Renders the letter with `number` (empty on a preview) dated the issuer's local today.
std::pair<letters::letter_content, std::string> render(ports::transaction& tx, const caller& who, const loaded_case& c,
                                                       const letters::letter_ref& ref, const std::string& number,
                                                       domain::instant now) {
  const auto issuer = found_or_404(tx.organisations().find(c.issuer));
  letters::letter_facts f;
  f.number = number;
  f.date = local_today(issuer, now);
  f.issuer_name = issuer.name;
  f.respondent_name = name_of(tx, c.respondent);
  f.ki_name = name_of(tx, c.ki);
  f.signer_name = who.user.display_name;
  for (const auto& d : tx.deadlines().for_case(std::string(case_type(c.kind)), c.id)) {
    if (!d.met_on && !d.stopped_on) {
      f.due_dates.emplace_back(d.key, d.due);
    }
  }
  const auto content = std::visit([&](const auto& record) { return letters::build_letter(record, ref, f); }, c.record);
  if (!content) {
    throw not_found();
  }
  const auto head = tx.letters().find_letterhead(c.issuer).value_or(ports::letterhead{});
  return {*content, render_letter_html(*content, issuer.name, head)};
}

std::string party_label(const std::optional<domain::disputes::party>& p) {
  if (!p) {
    return "";
  }
  return *p == domain::disputes::party::applicant ? "Pemohon" : "Termohon";
}

}  // namespace

boost::json::object issued_letter_json(ports::transaction& tx, const ports::issued_letter& l, int offset_minutes) {
  boost::json::value by = nullptr;
  if (const auto u = tx.users().find(l.issued_by)) {
    by = boost::json::string{u->display_name};
  }
  return {{"id", l.id},
          {"key", l.letter_key},
          {"number", l.number},
          {"title", l.title},
          {"issued_at", domain::format_rfc3339(l.issued_at, offset_minutes)},
          {"issued_by", by},
          {"sha256", l.sha256},
          {"url", "/api/v1/letters/" + l.id}};
}

boost::json::object case_letters(ports::transaction& tx, const caller& who, case_kind kind, const std::string& case_id,
                                 domain::instant now) {
  const auto c = load_case(tx, who, kind, case_id, now);
  const auto offset = who.organisation.utc_offset_minutes;
  boost::json::array avail;
  const bool issuer_staff = may_issue(who, c);
  for (const auto& ref : available(c)) {
    if (!issuer_staff) {
      break;  // previews are for the issuing organisation's staff
    }
    std::string label(letters::letter_title(ref.kind));
    if (!ref.hearing.empty()) {
      label += " (" + ref.hearing + ")";
    }
    if (ref.party) {
      label += " – " + party_label(ref.party);
    }
    avail.push_back(boost::json::object{
        {"key", letters::letter_key(ref)},
        {"kind", letters::to_string(ref.kind)},
        {"title", letters::letter_title(ref.kind)},
        {"hearing", ref.hearing.empty() ? boost::json::value(nullptr) : boost::json::value(ref.hearing)},
        {"party", ref.party ? boost::json::value(domain::disputes::to_string(*ref.party)) : boost::json::value(nullptr)},
        {"label", label}});
  }
  boost::json::array issued;
  for (const auto& l : tx.letters().for_case(std::string(case_type(kind)), case_id)) {
    const auto ref = letters::parse_letter_key(l.letter_key);
    if (!ref || !may_read(who, c, *ref)) {
      continue;
    }
    issued.push_back(issued_letter_json(tx, l, offset));
  }
  return {{"available", std::move(avail)}, {"issued", std::move(issued)}, {"can_issue", issuer_staff}};
}

std::string preview_letter(ports::transaction& tx, const caller& who, case_kind kind, const std::string& case_id,
                           const std::string& key, domain::instant now) {
  const auto c = load_case(tx, who, kind, case_id, now);
  const auto ref = issuable(who, c, key);
  return render(tx, who, c, ref, "", now).second;
}

ports::issued_letter issue_letter(ports::transaction& tx, const caller& who, case_kind kind, const std::string& case_id,
                                  const std::string& key, domain::instant now) {
  const auto c = load_case(tx, who, kind, case_id, now);
  const auto ref = issuable(who, c, key);
  const auto issuer = found_or_404(tx.organisations().find(c.issuer));
  // Numbered per issuer, letter kind and year, gapless: the counter belongs to this transaction.
  const auto today = local_today(issuer, now);
  domain::numbering::template_context nctx;
  nctx.seq = tx.sequences().next(
      fmt::format("letter:{}:{}:{}", c.issuer, letters::to_string(ref.kind), static_cast<int>(today.year())));
  nctx.org_code = kind == case_kind::request ? "PPID-" + number_code(c.issuer) : numbering_for(tx, c.issuer).ki_code;
  nctx.ki_code = nctx.org_code;
  nctx.date = today;
  const auto number = domain::numbering::format_number(letters::letter_number_template(ref.kind), nctx);
  if (!number) {
    throw std::runtime_error("invalid letter number template");
  }
  auto [content, html] = render(tx, who, c, ref, *number, now);
  ports::issued_letter l;
  l.id = random_hex(16);
  l.case_type = std::string(case_type(kind));
  l.case_id = case_id;
  l.organisation = c.issuer;
  l.letter_key = letters::letter_key(ref);
  l.number = *number;
  l.title = content.title;
  l.issued_at = now;
  l.issued_by = who.user.id;
  l.sha256 = sha256_hex(html);
  l.html = std::move(html);
  tx.letters().insert(l);
  audit(tx, who, now, "issue_letter", l.case_type, case_id,
        boost::json::serialize(boost::json::object{{"letter_id", l.id},
                                                   {"key", l.letter_key},
                                                   {"number", l.number},
                                                   {"title", l.title},
                                                   {"sha256", l.sha256}}));
  return l;
}

ports::issued_letter read_issued_letter(ports::transaction& tx, const caller& who, const std::string& letter_id,
                                        domain::instant now) {
  auto l = found_or_404(tx.letters().find(letter_id));
  // Visible when its case is (load_case answers 404 otherwise) and the letter is for this reader.
  const auto kind = l.case_type == "request" ? case_kind::request : case_kind::dispute;
  const auto c = [&] {
    try {
      return load_case(tx, who, kind, l.case_id, now);
    } catch (const problem& p) {
      // A role that reads no cases of this kind: the letter stays as invisible as its case.
      if (p.status() == 403) {
        throw not_found();
      }
      throw;
    }
  }();
  const auto ref = letters::parse_letter_key(l.letter_key);
  if (!ref || !may_read(who, c, *ref)) {
    throw not_found();
  }
  return l;
}

}  // namespace perkara::api
