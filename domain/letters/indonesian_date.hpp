#pragma once
// Dates and times as Indonesian letters write them: "5 Desember 2026", "5 Desember 2026 pukul 10.00 WIB".

#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <string>
#include <string_view>

namespace perkara::domain::letters {

/// "Januari" .. "Desember" for 1..12; empty otherwise.
std::string_view indonesian_month(unsigned month);

/// "5 Desember 2026" (day without leading zero).
std::string format_indonesian_date(civil_date date);

/// "WIB" (+07:00), "WITA" (+08:00), "WIT" (+09:00); otherwise "UTC+hh:mm".
std::string indonesian_zone(int offset_minutes);

/// The local date and time at the instant's own offset: "5 Desember 2026 pukul 10.00 WIB".
std::string format_indonesian_date_time(const offset_instant& at);

}  // namespace perkara::domain::letters
