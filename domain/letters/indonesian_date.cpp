#include "domain/letters/indonesian_date.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdlib>

namespace perkara::domain::letters {

std::string_view indonesian_month(unsigned month) {
  static constexpr std::array<std::string_view, 12> names = {"Januari", "Februari", "Maret",     "April",
                                                             "Mei",     "Juni",     "Juli",      "Agustus",
                                                             "September", "Oktober", "November", "Desember"};
  return month >= 1 && month <= 12 ? names[month - 1] : std::string_view{};
}

std::string format_indonesian_date(civil_date date) {
  return fmt::format("{} {} {}", static_cast<unsigned>(date.day()), indonesian_month(static_cast<unsigned>(date.month())),
                     static_cast<int>(date.year()));
}

std::string indonesian_zone(int offset_minutes) {
  switch (offset_minutes) {
    case 7 * 60: return "WIB";
    case 8 * 60: return "WITA";
    case 9 * 60: return "WIT";
    default: break;
  }
  const int m = std::abs(offset_minutes);
  return fmt::format("UTC{}{:02}:{:02}", offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
}

std::string format_indonesian_date_time(const offset_instant& at) {
  const int minute = local_minute_of_day(at.utc, at.offset_minutes);
  return fmt::format("{} pukul {:02}.{:02} {}", format_indonesian_date(local_date(at.utc, at.offset_minutes)),
                     minute / 60, minute % 60, indonesian_zone(at.offset_minutes));
}

}  // namespace perkara::domain::letters
