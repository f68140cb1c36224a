// Fuzz target: every JSON request body through the real application (fuzz/app_harness.hpp), so the
// parsers that live in the handlers (users, holidays, sessions, request actions, letterheads) run exactly as served.
// Byte 0 picks the route, byte 1 the caller (a demo user with a live session) and the case or user the
// route acts on; the rest is the body. Whatever the body, the answer must be a 2xx/4xx with a problem
// naming the field: a 5xx is a finding (a parse error escaping as 500).
#include "domain/disputes/vocabulary.hpp"
#include "domain/requests/transitions.hpp"
#include "fuzz/app_harness.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace perkara;

std::string pick(const std::vector<std::string>& items, unsigned n) { return items[n % items.size()]; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) {
    return 0;
  }
  auto& app = fuzz::app_harness::instance();
  const unsigned route = data[0];
  const unsigned who = data[1];
  const auto& callers = app.callers();
  const auto& caller = callers[who % callers.size()];
  const unsigned n = who / static_cast<unsigned>(callers.size());
  std::string body{reinterpret_cast<const char*>(data) + 2, size - 2};

  std::string method = "POST";
  std::string target;
  switch (route % 11) {
    case 0: target = "/api/v1/sessions"; break;
    case 1: target = "/api/v1/users"; break;
    case 2:
      method = "PATCH";
      target = "/api/v1/users/" + callers[n % callers.size()].user_id;
      break;
    case 3: target = n % 2 ? "/api/v1/holidays?preview=true" : "/api/v1/holidays"; break;
    case 4: target = n % 2 ? "/api/v1/rulesets/general/versions" : "/api/v1/rulesets/perki_1_2019/versions"; break;
    case 5: target = "/api/v1/requests"; break;
    case 6: {
      const auto action = domain::all_request_actions[(route / 10) % std::size(domain::all_request_actions)];
      target = "/api/v1/requests/" + pick(app.request_ids(), n) + "/actions/" + std::string{domain::to_string(action)};
      break;
    }
    case 7: target = "/api/v1/disputes"; break;
    case 8: {
      constexpr unsigned actions = static_cast<unsigned>(domain::disputes::dispute_action::record_delivery) + 1;
      const auto action = static_cast<domain::disputes::dispute_action>((route / 10) % actions);
      target = "/api/v1/disputes/" + pick(app.dispute_ids(), n) + "/actions/" + std::string{domain::disputes::to_string(action)};
      break;
    }
    case 9:
      // The JSON bodies of the case file: a paper original seen, a retraction (docs/documents.md).
      target = "/api/v1/disputes/" + pick(app.dispute_ids(), n) + ((route / 11) % 2 ? "/papers" : "/documents/none/retract");
      break;
    case 10:
      if ((route / 11) % 2 == 1) {  // letterheads (issue 15); the other half stays the calculator
        method = "PUT";
        target = n % 2 ? "/api/v1/organisations/ki-babel/letterhead" : "/api/v1/organisations/kpu-pangkalpinang/letterhead";
        break;
      }
      [[fallthrough]];
    default: target = "/api/v1/calendar/deadline"; method = "GET"; break;
  }
  if (method == "GET") {
    // The calculator's inputs are its query string: the body becomes it.
    target += "?" + body;
    body.clear();
  }
  const auto req = fuzz::app_harness::make(method, target, std::move(body), &caller);
  if (!req) {
    return 0;
  }
  fuzz::app_harness::check_response(*req, app.handle(*req));
  return 0;
}

// The database is set up before the first input, so its few seconds do not count against -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)perkara::fuzz::app_harness::instance();
  return 0;
}
