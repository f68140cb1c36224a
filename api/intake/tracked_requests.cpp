#include "api/intake/tracked_requests.hpp"

#include "api/http/problem.hpp"
#include "domain/cases/search_text.hpp"

#include <algorithm>
#include <cctype>

namespace perkara::api {
namespace {

bool is_ki_staff(const caller& who) {
  using domain::role;
  return !who.organisation.is_respondent() && who.has_any_role({role::ki_admin, role::registrar});
}

/// The respondent bodies whose disputes the caller's KI hears.
std::vector<std::string> respondents_of(ports::transaction& tx, const std::string& ki) {
  std::vector<std::string> out;
  for (const auto& org : tx.organisations().list()) {
    if (org.competent_ki && *org.competent_ki == ki) {
      out.push_back(org.code);
    }
  }
  return out;
}

bool in_scope(ports::transaction& tx, const caller& who, const ports::stored_request& r) {
  if (r.dispute_ki && *r.dispute_ki == who.organisation.code) {
    return true;
  }
  const auto respondent = tx.organisations().find(r.request.respondent);
  return respondent && respondent->competent_ki && *respondent->competent_ki == who.organisation.code;
}

std::string local_date_text(const domain::offset_instant& t) {
  return domain::format_iso_date(domain::local_date(t.utc, t.offset_minutes));
}

}  // namespace

std::string normalise_request_number(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::optional<ports::stored_request> find_tracked_request(ports::transaction& tx, const caller& who,
                                                          std::string_view number) {
  if (!is_ki_staff(who)) {
    throw forbidden();
  }
  const auto n = normalise_request_number(number);
  if (n.empty() || n.size() > 128) {
    return std::nullopt;
  }
  auto r = tx.requests().find_by_number(n);
  if (!r || !in_scope(tx, who, *r)) {
    return std::nullopt;
  }
  return r;
}

boost::json::object tracked_request_json(ports::transaction& tx, const ports::stored_request& s) {
  const auto& r = s.request;
  const auto respondent = tx.organisations().find(r.respondent);
  boost::json::array grounds;
  if (r.objection) {
    for (const auto g : r.objection->grounds) {
      grounds.emplace_back(domain::to_string(g));
    }
  }
  const auto date_or_null = [](const auto& opt, auto get) -> boost::json::value {
    return opt ? boost::json::value(local_date_text(get(*opt))) : boost::json::value(nullptr);
  };
  return {{"id", r.id},
          {"number", r.number},
          {"respondent", r.respondent},
          {"respondent_name", respondent ? respondent->name : r.respondent},
          {"state", domain::to_string(r.state)},
          {"received_on", local_date_text(r.received_at)},
          {"applicant", {{"kind", domain::to_string(r.applicant.kind)}, {"name", r.applicant.name}}},
          {"information_requested", r.information_requested},
          {"objection_grounds", std::move(grounds)},
          {"ppid_response_on", date_or_null(r.response, [](const auto& x) { return x.responded_at; })},
          {"objection_on", date_or_null(r.objection, [](const auto& x) { return x.received_at; })},
          {"objection_answer_on", date_or_null(r.objection_answer, [](const auto& x) { return x.answered_at; })},
          {"disputed", r.dispute_id.has_value()}};
}

boost::json::object search_tracked_requests(ports::transaction& tx, const caller& who, std::string_view q, int limit) {
  boost::json::array items;
  std::vector<std::string> seen;
  const auto add = [&](const ports::stored_request& r) {
    if (static_cast<int>(items.size()) < limit && std::find(seen.begin(), seen.end(), r.request.id) == seen.end()) {
      seen.push_back(r.request.id);
      items.push_back(tracked_request_json(tx, r));
    }
  };
  if (const auto exact = find_tracked_request(tx, who, q)) {
    add(*exact);
  }
  const auto needle = domain::fold_for_search(q.substr(0, 200));
  if (!needle.empty()) {
    ports::request_filter f;
    f.q = needle;
    f.limit = limit;
    f.disputed_at = who.organisation.code;
    for (const auto& r : tx.requests().list(f)) {
      add(r);
    }
    f.disputed_at.reset();
    // One indexed query per respondent body the KI hears (a province KI: its regencies' bodies).
    for (const auto& respondent : respondents_of(tx, who.organisation.code)) {
      if (static_cast<int>(items.size()) >= limit) {
        break;
      }
      f.respondent = respondent;
      for (const auto& r : tx.requests().list(f)) {
        add(r);
      }
    }
  }
  return {{"items", std::move(items)}};
}

void resolve_tracked_request_reference(ports::transaction& tx, const caller& who, boost::json::object& body) {
  if (const auto* number = body.if_contains("request_number"); number && !number->is_null()) {
    const auto* text = number->if_string();
    if (text == nullptr) {
      throw validation_problem({{"request_number", "harus teks / must be a string"}});
    }
    const auto r = find_tracked_request(tx, who, std::string_view(*text));
    if (!r) {
      throw validation_problem(
          {{"request_number", "nomor permohonan tidak dikenal / unknown information request number"}});
    }
    body["request_id"] = r->request.id;
    body.erase("request_number");
    return;
  }
  if (const auto* id = body.if_contains("request_id"); id && id->is_string()) {
    const std::string_view text(id->get_string());
    if (text.find('/') != std::string_view::npos && !tx.requests().find(std::string(text), false)) {
      if (const auto r = find_tracked_request(tx, who, text)) {
        body["request_id"] = r->request.id;
      }
    }
  }
}

}  // namespace perkara::api
