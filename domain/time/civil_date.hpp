#pragma once
// Calendar dates as std::chrono::year_month_day, with ISO 8601 (YYYY-MM-DD) parsing and formatting.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace perkara::domain {

using civil_date = std::chrono::year_month_day;

/// Parses a strict `YYYY-MM-DD`; returns nullopt for anything else, including 2023-02-29.
std::optional<civil_date> parse_iso_date(std::string_view text);

/// Formats as `YYYY-MM-DD`.
std::string format_iso_date(civil_date date);

inline std::chrono::sys_days to_days(civil_date date) { return std::chrono::sys_days{date}; }
inline civil_date from_days(std::chrono::sys_days days) { return civil_date{days}; }
inline civil_date add_days(civil_date date, int days) { return from_days(to_days(date) + std::chrono::days{days}); }

inline bool is_weekend(civil_date date) {
  const std::chrono::weekday wd{to_days(date)};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

}  // namespace perkara::domain
