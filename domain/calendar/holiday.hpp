#pragma once
// Non-working days (holidays-id.csv): national holidays, cuti bersama, election (voting) days, and a
// KI's own local closures, which apply to that organisation only.

#include "domain/time/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perkara::domain {

enum class holiday_kind { national, cuti_bersama, election, local };

std::string_view to_string(holiday_kind kind);
std::optional<holiday_kind> parse_holiday_kind(std::string_view text);

struct holiday {
  civil_date date{};
  holiday_kind kind = holiday_kind::national;
  std::string name_id;  // Bahasa Indonesia
  std::string name_en;
  std::string source;                        // legal instrument, e.g. "SKB-2024", "Keppres-10-2024"
  std::optional<std::string> organisation;  // set only for kind == local
};

}  // namespace perkara::domain
