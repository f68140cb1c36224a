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

}  // namespace perkara::domain
