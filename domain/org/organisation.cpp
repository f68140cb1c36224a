#include "domain/org/organisation.hpp"

namespace perkara::domain {

std::string_view to_string(organisation_kind kind) {
  switch (kind) {
    case organisation_kind::ki: return "ki";
    case organisation_kind::kpu: return "kpu";
    case organisation_kind::bawaslu: return "bawaslu";
    case organisation_kind::dkpp: return "dkpp";
  }
  return "ki";
}

std::string_view to_string(organisation_level level) {
  switch (level) {
    case organisation_level::national: return "national";
    case organisation_level::province: return "province";
    case organisation_level::regency: return "regency";
  }
  return "national";
}

std::optional<organisation_kind> parse_organisation_kind(std::string_view text) {
  for (auto k : {organisation_kind::ki, organisation_kind::kpu, organisation_kind::bawaslu, organisation_kind::dkpp}) {
    if (to_string(k) == text) {
      return k;
    }
  }
  return std::nullopt;
}

std::optional<organisation_level> parse_organisation_level(std::string_view text) {
  for (auto l : {organisation_level::national, organisation_level::province, organisation_level::regency}) {
    if (to_string(l) == text) {
      return l;
    }
  }
  return std::nullopt;
}

}  // namespace perkara::domain
