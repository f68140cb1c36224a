#include "domain/org/organisation.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain {

constexpr enum_name<organisation_kind> organisation_kind_names[] = {
    {organisation_kind::ki, "ki"}, {organisation_kind::kpu, "kpu"}, {organisation_kind::bawaslu, "bawaslu"},
    {organisation_kind::dkpp, "dkpp"}};
std::string_view to_string(organisation_kind kind) { return name_in(organisation_kind_names, kind); }

constexpr enum_name<organisation_level> organisation_level_names[] = {
    {organisation_level::national, "national"}, {organisation_level::province, "province"},
    {organisation_level::regency, "regency"}};
std::string_view to_string(organisation_level level) { return name_in(organisation_level_names, level); }

std::optional<organisation_kind> parse_organisation_kind(std::string_view text) { return value_in(organisation_kind_names, text); }

std::optional<organisation_level> parse_organisation_level(std::string_view text) { return value_in(organisation_level_names, text); }

}  // namespace perkara::domain
