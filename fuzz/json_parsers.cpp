// Fuzz target: the JSON body parsers that need no database, called directly. The first byte picks the
// parser, the rest is the body:
//   0  POST /api/v1/disputes                  parse_new_dispute (api/disputes/dispute_input.cpp)
//   1  POST /api/v1/rulesets/{name}/versions  parse_ruleset_version (api/calendar/ruleset_json.cpp)
//   2  POST /api/v1/requests                  the fields as text, then domain::validate_new_request
//   3+ POST /api/v1/disputes/{id}/actions/A   parse_dispute_command for each action A
// Every input must give a value or field errors; the only exception allowed is the 400/422 problem of
// parse_json_object / throw_if_invalid. The handler-level parsers (users, holidays, sessions, request
// actions, query strings) run through the real application in api_bodies.cpp and router.cpp.
#include "api/calendar/ruleset_json.hpp"
#include "api/disputes/dispute_input.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "domain/disputes/vocabulary.hpp"
#include "domain/requests/new_request.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace perkara;

void check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

constexpr int dispute_action_count = static_cast<int>(domain::disputes::dispute_action::record_delivery) + 1;

domain::ruleset previous_ruleset() {
  domain::ruleset rs;
  rs.name = "perki_1_2019";
  rs.version = 1;
  rs.effective_from = domain::civil_date{std::chrono::year{2019}, std::chrono::month{1}, std::chrono::day{1}};
  rs.title = "PERKI 1/2019";
  rs.source = "PERKI 1/2019";
  rs.periods.push_back({"ppid_response", 10, std::nullopt, domain::period_unit::working_days, "request_received",
                        "PERKI 1/2019 Pasal 12", domain::confidence::secondary, ""});
  rs.periods.push_back({"objection_window", 30, std::nullopt, domain::period_unit::working_days,
                        "response_due", "UU 14/2008 Pasal 36", domain::confidence::verified, ""});
  return rs;
}

void read_new_request(const boost::json::object& body, domain::instant now) {
  domain::validation v;
  api::json_reader in{body, v};
  domain::new_request_input input;
  constexpr std::size_t any = 100000;
  input.respondent = in.string("respondent", false, any).value_or("");
  input.received_at = in.string("received_at", false, any).value_or("");
  input.channel = in.string("channel", false, any).value_or("");
  if (const auto* a = in.object("applicant", false)) {
    api::json_reader app{*a, v, "applicant"};
    input.applicant.kind = app.string("kind", false, any).value_or("");
    input.applicant.name = app.string("name", false, any).value_or("");
    input.applicant.id_number = app.string("id_number", false, any);
    input.applicant.address = app.string("address", false, any);
    input.applicant.email = app.string("email", false, any);
    input.applicant.phone = app.string("phone", false, any);
  }
  input.information_requested = in.string("information_requested", false, any).value_or("");
  input.purpose = in.string("purpose", false, any).value_or("");
  input.format = in.string("format", false, any).value_or("");
  input.delivery_medium = in.string("delivery_medium", false, any).value_or("");
  input.ruleset = in.string("ruleset", false, any);
  (void)domain::validate_new_request(input, now);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  static const auto previous = previous_ruleset();
  const domain::offset_instant now{domain::parse_rfc3339("2024-03-01T10:00:00+07:00")->utc, 7 * 60};
  const int choice = data[0] % (3 + dispute_action_count);
  api::request req;
  req.method = "POST";
  req.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    const auto body = api::parse_json_object(req);
    domain::validation v;
    if (choice == 0) {
      (void)api::parse_new_dispute(body, now, v);
    } else if (choice == 1) {
      domain::ruleset out;
      out.name = previous.name;
      out.version = previous.version + 1;
      api::parse_ruleset_version(body, previous, out, v);
      if (v.ok()) {
        for (const auto& p : previous.periods) {
          check(out.find(p.key) != nullptr);
        }
      }
    } else if (choice == 2) {
      read_new_request(body, now.utc);
    } else {
      const auto action = static_cast<domain::disputes::dispute_action>(choice - 3);
      const auto command = api::parse_dispute_command(action, body, now, v);
      check(command.has_value() || !v.ok());
    }
    for (const auto& e : v.errors()) {
      check(!e.message.empty());
    }
  } catch (const api::problem& p) {
    check(p.status() == 400 || p.status() == 422);
  }
  return 0;
}
