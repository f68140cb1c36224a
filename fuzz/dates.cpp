// Fuzz target: ISO 8601 dates (YYYY-MM-DD) and RFC 3339 instants (domain/time). Any text must either be
// refused or give a value inside the accepted years that formats back to an equivalent text and parses
// again to the same value.
#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace perkara::domain;
  const std::string_view text{reinterpret_cast<const char*>(data), size};

  if (const auto date = parse_iso_date(text)) {
    check(date->ok());
    const int year = static_cast<int>(date->year());
    check(year >= min_input_year && year <= max_input_year);
    const auto again = parse_iso_date(format_iso_date(*date));
    check(again && *again == *date);
    (void)is_weekend(*date);
  }

  if (const auto at = parse_rfc3339(text)) {
    const auto formatted = format_rfc3339(at->utc, at->offset_minutes);
    const auto again = parse_rfc3339(formatted);
    check(again && again->utc == at->utc && again->offset_minutes == at->offset_minutes);
    const auto day = local_date(at->utc, at->offset_minutes);
    check(day.ok());
    const int minute = local_minute_of_day(at->utc, at->offset_minutes);
    check(minute >= 0 && minute < 24 * 60);
    check(start_of_local_day(day, at->offset_minutes) <= at->utc);
  }
  return 0;
}
