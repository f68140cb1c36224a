#include "domain/org/jurisdiction.hpp"

namespace perkara::domain {
namespace {

const organisation* find_ki(std::span<const organisation> organisations, organisation_level level,
                            std::string_view region) {
  for (const auto& o : organisations) {
    if (o.kind != organisation_kind::ki || o.level != level) {
      continue;
    }
    // KI Pusat has no region; a provincial KI matches by province, a regency KI by its exact code.
    if (level == organisation_level::national || o.region_code == region) {
      return &o;
    }
  }
  return nullptr;
}

}  // namespace

std::string_view province_of(std::string_view region_code) { return region_code.substr(0, region_code.find('.')); }

std::optional<std::string> derive_competent_ki(const organisation& respondent, std::span<const organisation> organisations) {
  if (!respondent.is_respondent()) {
    return std::nullopt;
  }
  // Start at the respondent's own level and walk up; a missing KI hands the case to the next one up.
  if (respondent.level == organisation_level::regency) {
    if (const auto* ki = find_ki(organisations, organisation_level::regency, respondent.region_code)) {
      return ki->code;
    }
  }
  if (respondent.level == organisation_level::regency || respondent.level == organisation_level::province) {
    if (const auto* ki = find_ki(organisations, organisation_level::province, province_of(respondent.region_code))) {
      return ki->code;
    }
  }
  if (const auto* ki = find_ki(organisations, organisation_level::national, {})) {
    return ki->code;
  }
  return std::nullopt;
}

}  // namespace perkara::domain
