#pragma once
// A dispute's track (rule set): inherited from its tracked request, otherwise the same election-period
// choice as requests (respondent's region, request date), and a different one only with a recorded
// reason (docs/deadlines.md §5 "A dispute's track"; docs/legal-sources.md §1.5).

#include "domain/elections/election_period.hpp"
#include "domain/errors.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace perkara::domain::disputes {

/// Why the dispute runs on its rule set: the tracked request's, the election period, no period, or a
/// registrar's override with a reason.
enum class track_reason { request, election_period, general_period, override };
std::string_view to_string(track_reason r);
std::optional<track_reason> parse_track_reason(std::string_view text);

struct dispute_track {
  std::string ruleset;  // "perki_1_2019" or "general"
  track_reason reason = track_reason::general_period;
  std::optional<std::string> election_code;    // reason election_period
  std::optional<std::string> override_reason;  // reason override
};

/// The track of a new dispute. `request_ruleset`: the tracked request's rule set name, if any;
/// `suggestion`: choose_ruleset for the respondent's region on the request date (used without a
/// tracked request); `requested` / `override_reason`: what the registrar asked for. A requested rule
/// set other than the inherited or suggested one needs a reason (field ruleset_override_reason).
std::variant<dispute_track, field_errors> decide_track(const std::optional<std::string>& request_ruleset,
                                                       const ruleset_suggestion& suggestion,
                                                       const std::optional<std::string>& requested,
                                                       const std::optional<std::string>& override_reason);

}  // namespace perkara::domain::disputes
