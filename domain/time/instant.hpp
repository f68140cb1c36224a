#pragma once
// Instants as RFC 3339 with a fixed UTC offset. Indonesia has no DST (WIB +07:00, WITA +08:00,
// WIT +09:00), so an offset in minutes is all the time-zone knowledge we need.

#include "domain/time/civil_date.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace perkara::domain {

using instant = std::chrono::sys_seconds;

/// An instant together with the UTC offset it was written in (or is to be shown in).
struct offset_instant {
  instant utc{};
  int offset_minutes = 0;
};

/// Parses RFC 3339 `YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`; fractions are truncated. The date as
/// written must lie in the years parse_iso_date accepts; every instant a client sends goes through this.
std::optional<offset_instant> parse_rfc3339(std::string_view text);

/// The same format with any four-digit year, only for instants this system wrote itself (see
/// read_stored_iso_date). Never for client input.
std::optional<offset_instant> read_stored_rfc3339(std::string_view text);

/// Formats `utc` in the given offset, e.g. `2024-02-07T10:15:00+07:00` (`Z` never used).
std::string format_rfc3339(instant utc, int offset_minutes);

/// The local calendar date of an instant at a fixed offset.
civil_date local_date(instant utc, int offset_minutes);

/// Minutes since local midnight of an instant at a fixed offset.
int local_minute_of_day(instant utc, int offset_minutes);

/// The instant of local midnight of `date` at a fixed offset.
instant start_of_local_day(civil_date date, int offset_minutes);

}  // namespace perkara::domain
