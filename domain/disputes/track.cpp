#include "domain/disputes/track.hpp"

#include "domain/enum_names.hpp"

#include "domain/requests/new_request.hpp"

namespace perkara::domain::disputes {

// The first row is also the name of a value the table lacks (domain/enum_names.hpp).
constexpr enum_name<track_reason> track_reason_names[] = {{track_reason::general_period, "general_period"},
                                                          {track_reason::request, "request"},
                                                          {track_reason::election_period, "election_period"},
                                                          {track_reason::override, "override"}};
std::string_view to_string(track_reason r) { return name_in(track_reason_names, r); }
std::optional<track_reason> parse_track_reason(std::string_view text) { return value_in(track_reason_names, text); }

std::variant<dispute_track, field_errors> decide_track(const std::optional<std::string>& request_ruleset,
                                                       const ruleset_suggestion& suggestion,
                                                       const std::optional<std::string>& requested,
                                                       const std::optional<std::string>& override_reason) {
  // The tracked request already chose its track (and any override was recorded there): it is the
  // base; otherwise the election-period suggestion, decided by the same rule as for requests.
  ruleset_suggestion base = suggestion;
  if (request_ruleset) base = ruleset_suggestion{*request_ruleset, std::nullopt, {}};
  auto decided = decide_ruleset(base, requested, override_reason, 0);
  if (auto* errors = std::get_if<field_errors>(&decided)) return std::move(*errors);
  const auto& choice = std::get<ruleset_choice>(decided);
  dispute_track t;
  t.ruleset = choice.name;
  t.election_code = choice.election_code;
  t.override_reason = choice.override_reason;
  switch (choice.reason) {
    case ruleset_reason::override: t.reason = track_reason::override; break;
    case ruleset_reason::election_period: t.reason = track_reason::election_period; break;
    case ruleset_reason::general_period:
      t.reason = request_ruleset ? track_reason::request : track_reason::general_period;
      break;
  }
  return t;
}

}  // namespace perkara::domain::disputes
