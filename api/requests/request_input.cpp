#include "api/requests/request_input.hpp"

#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"

namespace perkara::api {
namespace {

std::optional<std::string> opt(const boost::json::object& o, json_reader& in, std::string_view key,
                               std::size_t max) {
  if (!o.contains(key) || o.at(key).is_null()) {
    return std::nullopt;
  }
  return in.string(key, false, max);
}

}  // namespace

domain::new_request_input read_new_request(const boost::json::object& body) {
  domain::validation v;
  json_reader in{body, v};
  domain::new_request_input input;
  constexpr std::size_t any = 100000;  // lengths are the domain's to check
  input.respondent = in.string("respondent", false, any).value_or("");
  input.received_at = in.string("received_at", false, any).value_or("");
  input.channel = in.string("channel", false, any).value_or("");
  if (const auto* a = in.object("applicant", true)) {
    json_reader app{*a, v, "applicant"};
    input.applicant.kind = app.string("kind", false, any).value_or("");
    input.applicant.name = app.string("name", false, any).value_or("");
    input.applicant.id_number = opt(*a, app, "id_number", any);
    input.applicant.address = opt(*a, app, "address", any);
    input.applicant.email = opt(*a, app, "email", any);
    input.applicant.phone = opt(*a, app, "phone", any);
  }
  input.information_requested = in.string("information_requested", false, any).value_or("");
  input.purpose = in.string("purpose", false, any).value_or("");
  input.format = in.string("format", false, any).value_or("");
  input.delivery_medium = in.string("delivery_medium", false, any).value_or("");
  input.ruleset = opt(body, in, "ruleset", any);
  input.ruleset_override_reason = opt(body, in, "ruleset_override_reason", any);
  throw_if_invalid(v);
  return input;
}

domain::request_payload read_request_payload(domain::request_action action, const boost::json::object& body) {
  domain::validation v;
  json_reader in{body, v};
  const auto text = [&](std::string_view key) { return in.string(key, false, 20000).value_or(""); };
  domain::request_payload command;
  switch (action) {
    case domain::request_action::extend: command = domain::extend_command{text("reason"), text("extended_at")}; break;
    case domain::request_action::respond:
      command = domain::respond_command{text("decision"), text("reasons"), text("responded_at"), text("delivered_at")};
      break;
    case domain::request_action::file_objection: {
      domain::file_objection_command cmd;
      cmd.grounds = in.string_array("grounds", false).value_or(std::vector<std::string>{});
      cmd.reasons = text("reasons");
      cmd.received_at = text("received_at");
      command = std::move(cmd);
      break;
    }
    case domain::request_action::answer_objection:
      command = domain::answer_objection_command{text("decision"), text("reasons"), text("answered_at"),
                                                 text("delivered_at")};
      break;
    case domain::request_action::close: command = domain::close_command{text("reason")}; break;
    case domain::request_action::mark_disputed: throw forbidden();
  }
  throw_if_invalid(v);
  return command;
}

request_list_query read_request_list_query(const request& req) { return read_case_list_query(req, "received"); }

domain::record_delivery_command read_delivery_command(const boost::json::object& body) {
  domain::validation v;
  json_reader in{body, v};
  domain::record_delivery_command command;
  command.answer = in.string("answer", true, 64).value_or("");
  command.delivered_at = in.string("delivered_at", true, 64).value_or("");
  throw_if_invalid(v);
  return command;
}

}  // namespace perkara::api
