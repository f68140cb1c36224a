#include "domain/requests/new_request.hpp"

#include "domain/cases/act_date.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace perkara::domain {

std::size_t utf8_length(std::string_view text) {
  // Count every byte that is not a UTF-8 continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

bool plausible_email(std::string_view text) {
  if (text.empty() || text.size() > new_request_limits::email) {
    return false;
  }
  if (std::any_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
    return false;
  }
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

namespace {

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

void length(validation& v, std::string field, std::string_view text, std::size_t max) {
  if (utf8_length(text) > max) {
    v.fail(std::move(field), fmt::format("paling banyak {0} karakter / at most {0} characters", max));
  }
}

void required(validation& v, std::string field, std::string_view text, std::size_t max) {
  if (blank(text)) {
    v.fail(std::move(field), "wajib diisi / required");
  } else {
    length(v, std::move(field), text, max);
  }
}

}  // namespace

field_errors validate_new_request(const new_request_input& in, instant now) {
  validation v;
  required(v, "respondent", in.respondent, new_request_limits::short_text);
  if (in.received_at.empty()) {
    v.fail("received_at", "wajib diisi / required");
  } else if (const auto t = parse_rfc3339(in.received_at); !t) {
    v.fail("received_at", invalid_instant_message);
  } else if (in_future(t->utc, now)) {
    v.fail("received_at", "tidak boleh di masa depan / must not be in the future");
  }
  if (in.channel.empty()) {
    v.fail("channel", "wajib diisi / required");
  } else if (!parse_request_channel(in.channel)) {
    v.fail("channel", "harus web, email, walk_in, letter, phone atau fax / must be one of web, email, walk_in, "
                      "letter, phone, fax");
  }
  if (in.applicant.kind.empty()) {
    v.fail("applicant.kind", "wajib diisi / required");
  } else if (!parse_applicant_kind(in.applicant.kind)) {
    v.fail("applicant.kind", "harus individual, legal_entity atau group / must be one of individual, "
                             "legal_entity, group");
  }
  required(v, "applicant.name", in.applicant.name, new_request_limits::name);
  if (in.applicant.id_number) {
    length(v, "applicant.id_number", *in.applicant.id_number, new_request_limits::short_text);
  }
  if (in.applicant.address) {
    length(v, "applicant.address", *in.applicant.address, new_request_limits::text);
  }
  if (in.applicant.email && !in.applicant.email->empty() && !plausible_email(*in.applicant.email)) {
    v.fail("applicant.email", "alamat surel tidak valid / not a valid e-mail address");
  }
  if (in.applicant.phone) {
    length(v, "applicant.phone", *in.applicant.phone, new_request_limits::short_text);
  }
  required(v, "information_requested", in.information_requested, new_request_limits::information_requested);
  length(v, "purpose", in.purpose, new_request_limits::text);
  length(v, "format", in.format, new_request_limits::short_text);
  length(v, "delivery_medium", in.delivery_medium, new_request_limits::short_text);
  if (in.ruleset && *in.ruleset != perki_ruleset_name && *in.ruleset != general_ruleset_name) {
    v.fail("ruleset", "harus perki_1_2019 atau general / must be perki_1_2019 or general");
  }
  if (in.ruleset_override_reason) {
    length(v, "ruleset_override_reason", *in.ruleset_override_reason, new_request_limits::text);
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
    return transition_error{transition_error_kind::invalid, {}, std::move(errors)};
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

  std::vector<payload_field> payload{{"number", r.number},
                                     {"respondent", r.respondent},
                                     {"received_at", format_rfc3339(r.received_at.utc, r.received_at.offset_minutes)},
                                     {"channel", std::string{to_string(r.channel)}},
                                     {"ruleset", r.ruleset.name},
                                     {"ruleset_version", std::to_string(r.ruleset.version), true},
                                     {"ruleset_reason", std::string{to_string(r.ruleset.reason)}}};
  if (r.ruleset.election_code) {
    payload.push_back({"election", *r.ruleset.election_code});
  }
  if (r.ruleset.override_reason) {
    payload.push_back({"override_reason", *r.ruleset.override_reason});
  }
  auto intents = intents_for(intent_step::create, intent_anchors::at_received(r.received_at.utc));
  return transition_ok{std::move(r), {"create", std::move(payload)}, std::move(intents)};
}

}  // namespace perkara::domain
