#include "domain/calendar/holiday.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain {

constexpr enum_name<holiday_kind> holiday_kind_names[] = {
    {holiday_kind::national, "national"}, {holiday_kind::cuti_bersama, "cuti_bersama"},
    {holiday_kind::election, "election"}, {holiday_kind::local, "local"}};
std::string_view to_string(holiday_kind kind) { return name_in(holiday_kind_names, kind); }

std::optional<holiday_kind> parse_holiday_kind(std::string_view text) { return value_in(holiday_kind_names, text); }

constexpr enum_name<holiday_scope> holiday_scope_names[] = {
    {holiday_scope::national, "national"}, {holiday_scope::province, "province"}, {holiday_scope::regency, "regency"},
    {holiday_scope::organisation, "organisation"}};
std::string_view to_string(holiday_scope scope) { return name_in(holiday_scope_names, scope); }

std::optional<holiday_scope> parse_holiday_scope(std::string_view text) { return value_in(holiday_scope_names, text); }

holiday_scope scope_of(const holiday& h) {
  if (h.organisation) {
    return holiday_scope::organisation;
  }
  if (h.region_code.empty()) {
    return holiday_scope::national;
  }
  return h.region_code.find('.') == std::string::npos ? holiday_scope::province : holiday_scope::regency;
}

namespace {

bool digits(std::string_view text) {
  return text.size() == 2 && text[0] >= '0' && text[0] <= '9' && text[1] >= '0' && text[1] <= '9';
}

// "NN" (province) or "NN.NN" (regency), the Kemendagri code forms organisations.csv uses.
bool valid_region_code(std::string_view code) {
  return digits(code.substr(0, 2)) && (code.size() == 2 || (code.size() == 5 && code[2] == '.' && digits(code.substr(3))));
}

}  // namespace

std::optional<std::string_view> scope_problem(const holiday& h) {
  if (h.organisation && !h.region_code.empty()) {
    return "either an organisation or a region, not both";
  }
  if (!h.region_code.empty() && !valid_region_code(h.region_code)) {
    return "a region code is NN (province) or NN.NN (regency)";
  }
  const auto scope = scope_of(h);
  switch (h.kind) {
    case holiday_kind::national:
    case holiday_kind::cuti_bersama:
      return scope == holiday_scope::national ? std::nullopt
                                              : std::optional<std::string_view>("national and cuti bersama days are national");
    case holiday_kind::election:
      return scope == holiday_scope::organisation
                 ? std::optional<std::string_view>("an election day is national or regional, not one organisation's")
                 : std::nullopt;
    case holiday_kind::local:
      return scope == holiday_scope::national
                 ? std::optional<std::string_view>("a local closure needs an organisation or a region")
                 : std::nullopt;
  }
  return std::nullopt;
}

bool applies_to(const holiday& h, std::string_view organisation_code, std::string_view region_code) {
  if (h.organisation) {
    return *h.organisation == organisation_code;
  }
  if (h.region_code.empty()) {
    return true;
  }
  // A province row covers the province and its regencies; a regency row only that regency.
  return region_code == h.region_code ||
         (region_code.size() > h.region_code.size() && region_code.substr(0, h.region_code.size()) == h.region_code &&
          region_code[h.region_code.size()] == '.');
}

}  // namespace perkara::domain
