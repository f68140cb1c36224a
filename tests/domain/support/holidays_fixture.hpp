#pragma once
// Test support: the real holiday calendar for domain tests, read from the repository's own
// data/holidays-id.csv (sources: docs/legal-sources.md §10.1). Production loading belongs to
// persistence; this reader is deliberately small.

#include "domain/calendar/holiday.hpp"
#include "domain/calendar/working_calendar.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace perkara::test {

/// The path that was read (for messages).
std::string holidays_csv_path();

/// Every row of the CSV (national, cuti_bersama, election); loaded once, then cached. Throws
/// std::runtime_error when the file is missing or a row is malformed.
const std::vector<domain::holiday>& national_holidays();

/// A calendar from the real rows plus `extra` (e.g. local closures), cuti bersama per the flag.
domain::working_calendar real_calendar(bool cuti_bersama_is_holiday = true,
                                       const std::vector<domain::holiday>& extra = {});

/// Shorthand for a date in tests: d("2024-02-14"); aborts the test run on a malformed literal.
domain::civil_date d(std::string_view iso);

}  // namespace perkara::test
