#include "domain/rules/ruleset.hpp"

namespace perkara::domain {

std::string_view to_string(period_unit unit) {
  return unit == period_unit::working_days ? "working_days" : "calendar_days";
}

std::string_view to_string(confidence c) {
  switch (c) {
    case confidence::verified: return "verified";
    case confidence::secondary: return "secondary";
    case confidence::unverified: return "unverified";
  }
  return "unverified";
}

std::optional<period_unit> parse_period_unit(std::string_view text) {
  if (text == "working_days") {
    return period_unit::working_days;
  }
  if (text == "calendar_days") {
    return period_unit::calendar_days;
  }
  return std::nullopt;
}

std::optional<confidence> parse_confidence(std::string_view text) {
  for (auto c : {confidence::verified, confidence::secondary, confidence::unverified}) {
    if (to_string(c) == text) {
      return c;
    }
  }
  return std::nullopt;
}

const period* ruleset::find(std::string_view key) const {
  for (const auto& p : periods) {
    if (p.key == key) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace perkara::domain
