// Public views of the dispute workflow, no login (docs/dispute-workflow.md "Public view"): a case's status by register number,
// the hearing calendar and the published decisions. Built from domain public_view only, so no id
// numbers, addresses, phone numbers, e-mail addresses or hearing links ever appear here.
#include "api/cases/case_support.hpp"
#include "api/disputes/dispute_view.hpp"
#include "api/disputes/dispute_service.hpp"
#include "api/documents/document_service.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"

namespace perkara::api {
namespace {

constexpr int wib = 7 * 60;
constexpr int default_calendar_days = 30;


// A register number as people type or paste it: without spaces (around or inside) and in capitals,
// as the numbering templates write them (docs/dispute-workflow.md, "Public view").
std::string normalised_register_number(std::string_view typed) {
  std::string out;
  for (const char c : typed) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      continue;
    }
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

response status(services& s, const request& req) {
  const auto typed = query_text(req, "register_number");
  const auto number = typed ? normalised_register_number(*typed) : std::string{};
  if (number.empty()) {
    throw validation_problem({{"register_number", "wajib diisi / required"}});
  }
  auto tx = s.db.begin(ports::access::read);
  try {
    return json_text_response(200, public_dispute_status(*tx, number));
  } catch (const problem& p) {
    // A template may hold lower-case text: the number exactly as typed, only trimmed, still counts.
    auto trimmed = std::string{*typed};
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    if (p.status() != 404 || trimmed == number) {
      throw;
    }
    return json_text_response(200, public_dispute_status(*tx, trimmed));
  }
}

response hearings(services& s, const request& req) {
  const auto now = s.clock.now();
  const auto from = query_date(req, "from").value_or(domain::local_date(now, wib));
  const auto to = query_date(req, "to").value_or(domain::add_days(from, default_calendar_days));
  if (to < from) {
    throw validation_problem({{"to", "harus sama atau setelah from / must not be before from"}});
  }
  if (domain::to_days(to) - domain::to_days(from) > std::chrono::days{366}) {
    throw validation_problem({{"to", "rentang paling lama satu tahun / at most one year"}});
  }
  auto tx = s.db.begin(ports::access::read);
  return json_response(200, public_hearings(*tx, from, to, query_text(req, "ki")));
}

response decisions(services& s, const request& req) {
  const auto year = query_integer(req, "year", 2008, domain::max_input_year);
  auto tx = s.db.begin(ports::access::read);
  const auto in_year = year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt;
  // Each decision with its published document, if any (api/documents/document_service.hpp).
  return json_text_response(200, with_published_documents(*tx, public_decisions(*tx, query_text(req, "ki"), in_year)));
}

}  // namespace

void register_public_dispute_routes(router& r, services& s) {
  // One indexed row, stored ready to send (docs/performance.md): a bounded read (api/application.hpp).
  r.add("GET", "/api/v1/public/disputes", policy::public_route, call(s, status),
        route_options{.runs = execution::bounded_read});
  r.add("GET", "/api/v1/public/hearings", policy::public_route, call(s, hearings));
  r.add("GET", "/api/v1/public/decisions", policy::public_route, call(s, decisions));
}

}  // namespace perkara::api
