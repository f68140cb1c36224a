#include "domain/requests/new_request.hpp"

#include "domain/cases/act_date.hpp"
#include "domain/cases/event_payload.hpp"
#include "domain/cases/field_checks.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace perkara::domain {

field_errors validate_new_request(const new_request_input& in, instant now) {
  validation v;
  check_text(v, "respondent", in.respondent, true, new_request_limits::short_text);
  read_act_time(v, "received_at", in.received_at, instant::min(), {}, now);
  if (in.channel.empty()) {
    v.fail("channel", required_message);
  } else if (!parse_request_channel(in.channel)) {
    v.fail("channel", "harus web, email, walk_in, letter, phone atau fax / must be one of web, email, walk_in, "
                      "letter, phone, fax");
  }
  if (in.applicant.kind.empty()) {
    v.fail("applicant.kind", required_message);
  } else if (!parse_applicant_kind(in.applicant.kind)) {
    v.fail("applicant.kind", "harus individual, legal_entity atau group / must be one of individual, "
                             "legal_entity, group");
  }
  check_text(v, "applicant.name", in.applicant.name, true, new_request_limits::name);
  if (in.applicant.id_number) {
    check_text(v, "applicant.id_number", *in.applicant.id_number, false, new_request_limits::short_text);
  }
  if (in.applicant.address) {
    check_text(v, "applicant.address", *in.applicant.address, false, new_request_limits::text);
  }
  if (in.applicant.email && !in.applicant.email->empty() &&
      (in.applicant.email->size() > new_request_limits::email || !plausible_email(*in.applicant.email))) {
    v.fail("applicant.email", "alamat surel tidak valid / not a valid e-mail address");
  }
  if (in.applicant.phone) {
    check_text(v, "applicant.phone", *in.applicant.phone, false, new_request_limits::short_text);
  }
  check_text(v, "information_requested", in.information_requested, true, new_request_limits::information_requested);
  check_text(v, "purpose", in.purpose, false, new_request_limits::text);
  check_text(v, "format", in.format, false, new_request_limits::short_text);
  check_text(v, "delivery_medium", in.delivery_medium, false, new_request_limits::short_text);
  if (in.ruleset && *in.ruleset != perki_ruleset_name && *in.ruleset != general_ruleset_name) {
    v.fail("ruleset", "harus perki_1_2019 atau general / must be perki_1_2019 or general");
  }
  if (in.ruleset_override_reason) {
    check_text(v, "ruleset_override_reason", *in.ruleset_override_reason, false, new_request_limits::text);
  }
  return v.take();
}

std::variant<ruleset_choice, field_errors> decide_ruleset(const ruleset_suggestion& suggestion,
                                                          const std::optional<std::string>& override_name,
                                                          const std::optional<std::string>& override_reason,
                                                          int version) {
  ruleset_choice choice;
  choice.version = version;
  if (override_name && *override_name != suggestion.ruleset) {
    if (*override_name != perki_ruleset_name && *override_name != general_ruleset_name) {
      return field_errors{{"ruleset", "harus perki_1_2019 atau general / must be perki_1_2019 or general"}};
    }
    // docs/legal-sources.md §1.5: the human decides; a departure from the suggestion must say why.
    if (!override_reason || blank(*override_reason)) {
      return field_errors{{"ruleset_override_reason",
                           "wajib diisi bila memilih aturan lain dari saran sistem / required when overriding the "
                           "suggested rule set"}};
    }
    choice.name = *override_name;
    choice.reason = ruleset_reason::override;
    choice.override_reason = *override_reason;
    return choice;
  }
  choice.name = suggestion.ruleset;
  if (suggestion.election) {
    choice.reason = ruleset_reason::election_period;
    choice.election_code = suggestion.election->code;
    choice.election_name = suggestion.election->name;
  } else {
    choice.reason = ruleset_reason::general_period;
  }
  return choice;
}

transition_result create_request(const new_request_input& in, const creation_context& ctx) {
  auto errors = validate_new_request(in, ctx.now);
  if (!errors.empty()) {
    return transition_result::invalid(information_request{}, errors);
  }
  information_request r;
  r.id = ctx.id;
  r.number = ctx.number;
  r.respondent = in.respondent;
  r.received_at = *parse_rfc3339(in.received_at);
  r.channel = *parse_request_channel(in.channel);
  r.applicant.kind = *parse_applicant_kind(in.applicant.kind);
  r.applicant.name = in.applicant.name;
  // Optional personal data is kept only when actually given.
  const auto keep = [](const std::optional<std::string>& s) {
    return s && !blank(*s) ? s : std::optional<std::string>{};
  };
  r.applicant.id_number = keep(in.applicant.id_number);
  r.applicant.address = keep(in.applicant.address);
  r.applicant.email = keep(in.applicant.email);
  r.applicant.phone = keep(in.applicant.phone);
  r.information_requested = in.information_requested;
  r.purpose = in.purpose;
  r.format = in.format;
  r.delivery_medium = in.delivery_medium;
  r.ruleset = ctx.ruleset;
  r.state = request_state::received;
  r.version = 1;

  payload_writer payload;
  payload.text("number", r.number)
      .text("respondent", r.respondent)
      .text("received_at", format_rfc3339(r.received_at.utc, r.received_at.offset_minutes))
      .text("channel", to_string(r.channel))
      .text("ruleset", r.ruleset.name)
      .number("ruleset_version", r.ruleset.version)
      .text("ruleset_reason", to_string(r.ruleset.reason));
  if (r.ruleset.election_code) {
    payload.text("election", *r.ruleset.election_code);
  }
  if (r.ruleset.override_reason) {
    payload.text("override_reason", *r.ruleset.override_reason);
  }
  auto intents = intents_for(intent_step::create, intent_anchors::at_received(r.received_at.utc));
  transition_result ok;
  ok.next = std::move(r);
  ok.event = {"create", payload.str()};
  ok.intents = std::move(intents);
  return ok;
}

}  // namespace perkara::domain
