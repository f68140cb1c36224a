#include "domain/calendar/holiday.hpp"

namespace perkara::domain {

std::string_view to_string(holiday_kind kind) {
  switch (kind) {
    case holiday_kind::national: return "national";
    case holiday_kind::cuti_bersama: return "cuti_bersama";
    case holiday_kind::election: return "election";
    case holiday_kind::local: return "local";
  }
  return "national";
}

std::optional<holiday_kind> parse_holiday_kind(std::string_view text) {
  for (auto k : {holiday_kind::national, holiday_kind::cuti_bersama, holiday_kind::election, holiday_kind::local}) {
    if (to_string(k) == text) {
      return k;
    }
  }
  return std::nullopt;
}

std::string_view to_string(holiday_scope scope) {
  switch (scope) {
    case holiday_scope::national: return "national";
    case holiday_scope::province: return "province";
    case holiday_scope::regency: return "regency";
    case holiday_scope::organisation: return "organisation";
  }
  return "national";
}

std::optional<holiday_scope> parse_holiday_scope(std::string_view text) {
  for (auto s : {holiday_scope::national, holiday_scope::province, holiday_scope::regency, holiday_scope::organisation}) {
    if (to_string(s) == text) {
      return s;
    }
  }
  return std::nullopt;
}

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
