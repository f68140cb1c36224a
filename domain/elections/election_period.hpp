#pragma once
// Election stage periods (tahapan) and the rule-set suggestion they drive (docs/legal-sources.md §1.5): a
// request received while an election's stages run at the respondent's region is an election-information
// request under PERKI 1/2019; outside every period the general regime (UU 14/2008) applies. The system
// only suggests; the PPID may override (ruleset_reason::override).

#include "domain/rules/ruleset.hpp"
#include "domain/time/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

enum class election_kind { pemilu, pilkada };
std::string_view to_string(election_kind kind);
std::optional<election_kind> parse_election_kind(std::string_view text);

struct election_period {
  std::string code;           // e.g. "pemilu-2024", "pilkada-2024"
  std::string name;
  election_kind kind = election_kind::pemilu;
  std::string region_prefix;  // Kemendagri code prefix: "" national, "19" Babel, "19.71" Pangkalpinang
  civil_date start{};         // first day of the stages, inclusive
  civil_date end{};           // last day, inclusive
  std::string source;
  confidence confidence_level = confidence::unverified;
};

/// True when a respondent in `region_code` is covered by a period with `prefix`: the prefix is empty
/// (national) or equals the code or a leading run of its dot-separated segments ("19" covers "19.71",
/// "1" does not cover "19").
[[nodiscard]] bool region_matches(std::string_view prefix, std::string_view region_code);

inline constexpr std::string_view perki_ruleset_name = "perki_1_2019";
inline constexpr std::string_view general_ruleset_name = "general";

struct ruleset_suggestion {
  std::string ruleset;                    // "perki_1_2019" or "general"
  std::optional<election_period> election;  // the period that decided it (perki_1_2019 only)
  std::vector<std::string> also_matching;   // codes of other periods that matched, for the explanation
};

/// Suggests the rule set for a request received on `received` (the respondent's local date) by a
/// respondent in `region_code`. Among matching periods (start <= received <= end, region matches) the
/// most local one wins (longest prefix), then the latest start, then the smallest code.
ruleset_suggestion choose_ruleset(civil_date received, std::string_view region_code,
                                  const std::vector<election_period>& periods);

}  // namespace perkara::domain
