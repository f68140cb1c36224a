#include "domain/rules/ruleset.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain {

// The first row is also the name of a value the table lacks (domain/enum_names.hpp).
constexpr enum_name<period_unit> period_unit_names[] = {{period_unit::calendar_days, "calendar_days"},
                                                        {period_unit::working_days, "working_days"}};
std::string_view to_string(period_unit unit) { return name_in(period_unit_names, unit); }
std::optional<period_unit> parse_period_unit(std::string_view text) { return value_in(period_unit_names, text); }

constexpr enum_name<confidence> confidence_names[] = {
    {confidence::unverified, "unverified"}, {confidence::verified, "verified"}, {confidence::secondary, "secondary"}};
std::string_view to_string(confidence c) { return name_in(confidence_names, c); }
std::optional<confidence> parse_confidence(std::string_view text) { return value_in(confidence_names, text); }

const period* ruleset::find(std::string_view key) const {
  for (const auto& p : periods) {
    if (p.key == key) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace perkara::domain
