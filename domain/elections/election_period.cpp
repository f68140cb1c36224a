#include "domain/elections/election_period.hpp"

#include <algorithm>

namespace perkara::domain {

std::string_view to_string(election_kind kind) { return kind == election_kind::pemilu ? "pemilu" : "pilkada"; }

std::optional<election_kind> parse_election_kind(std::string_view text) {
  if (text == "pemilu") {
    return election_kind::pemilu;
  }
  if (text == "pilkada") {
    return election_kind::pilkada;
  }
  return std::nullopt;
}

bool region_matches(std::string_view prefix, std::string_view region_code) {
  if (prefix.empty()) {
    return true;
  }
  if (region_code.size() < prefix.size() || region_code.substr(0, prefix.size()) != prefix) {
    return false;
  }
  // Segment boundary: the prefix must end where a segment ends.
  return region_code.size() == prefix.size() || region_code[prefix.size()] == '.';
}

ruleset_suggestion choose_ruleset(civil_date received, std::string_view region_code,
                                  const std::vector<election_period>& periods) {
  std::vector<const election_period*> matching;
  for (const auto& p : periods) {
    if (p.start <= received && received <= p.end && region_matches(p.region_prefix, region_code)) {
      matching.push_back(&p);
    }
  }
  ruleset_suggestion out;
  if (matching.empty()) {
    out.ruleset = std::string{general_ruleset_name};
    return out;
  }
  std::sort(matching.begin(), matching.end(), [](const election_period* a, const election_period* b) {
    if (a->region_prefix.size() != b->region_prefix.size()) {
      return a->region_prefix.size() > b->region_prefix.size();
    }
    if (a->start != b->start) {
      return a->start > b->start;
    }
    return a->code < b->code;
  });
  out.ruleset = std::string{perki_ruleset_name};
  out.election = *matching.front();
  for (std::size_t i = 1; i < matching.size(); ++i) {
    out.also_matching.push_back(matching[i]->code);
  }
  return out;
}

}  // namespace perkara::domain
