#pragma once
// Calendar dates as std::chrono::year_month_day, with ISO 8601 (YYYY-MM-DD) parsing and formatting.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace perkara::domain {

using civil_date = std::chrono::year_month_day;

/// The years a client may give in any date or instant: 1900-2199. Far wider than anything this system
/// has a use for (election information disputes since 2008, hearings and deadlines a few years ahead),
/// yet it refuses year 0000 and five-digit years, which no person means, which sort and format
/// unlike every other date, and which push the working-day arithmetic into centuries of empty
/// calendar (docs/deadlines.md, "Dates the system accepts").
inline constexpr int min_input_year = 1900;
inline constexpr int max_input_year = 2199;

/// What a client is told when a date or an instant field does not parse (it names the bounds above).
inline constexpr const char* invalid_date_message =
    "harus tanggal YYYY-MM-DD dengan tahun 1900-2199 / must be a date YYYY-MM-DD in the years 1900-2199";
inline constexpr const char* invalid_instant_message =
    "harus waktu RFC 3339 dengan zona, mis. 2024-02-07T10:15:00+07:00, tahun 1900-2199 / must be an RFC 3339 "
    "instant with offset, e.g. 2024-02-07T10:15:00+07:00, in the years 1900-2199";

/// Parses a strict `YYYY-MM-DD` with a year in [min_input_year, max_input_year]; returns nullopt for
/// anything else, including 2023-02-29. Every date a client sends (body fields, query parameters,
/// path segments) and every reference data file goes through this.
std::optional<civil_date> parse_iso_date(std::string_view text);

/// The same strict format with any four-digit year, only for dates this system wrote itself (database
/// columns, stored documents, cursors it issued): a deadline counted from a date near max_input_year
/// may fall a few years beyond it and must still read back. Never for client input.
std::optional<civil_date> read_stored_iso_date(std::string_view text);

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
