// The years every client date and instant must lie in (1900-2199), and the stored-data readers that
// accept any four-digit year (docs/deadlines.md, "Dates the system accepts").
#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace perkara::domain;

TEST_SUITE("date bounds") {
  TEST_CASE("client dates: the year bounds and their edges") {
    struct row {
      const char* text;
      bool accepted;
    };
    const row rows[] = {
        {"0000-01-01", false}, {"0001-01-01", false}, {"1899-12-31", false}, {"1900-01-01", true},
        {"1900-02-28", true},  {"1900-02-29", false},  // 1900 is not a leap year
        {"2000-02-29", true},  {"2024-02-29", true},   {"2199-12-31", true},  {"2200-01-01", false},
        {"9999-12-31", false}, {"10000-01-01", false}, {"-001-01-01", false}, {"+2024-01-01", false},
        {"2024-00-10", false}, {"2024-13-01", false},  {"2024-01-00", false}, {"2024-01-32", false},
        {"2024-1-01", false},  {"2024/01/01", false},  {" 2024-01-01", false}, {"", false},
    };
    for (const auto& r : rows) {
      CAPTURE(r.text);
      CHECK(parse_iso_date(r.text).has_value() == r.accepted);
    }
    CHECK(*parse_iso_date("1900-01-01") == civil_date{std::chrono::year{min_input_year}, std::chrono::January,
                                                      std::chrono::day{1}});
    CHECK(*parse_iso_date("2199-12-31") == civil_date{std::chrono::year{max_input_year}, std::chrono::December,
                                                      std::chrono::day{31}});
  }

  TEST_CASE("client instants: the date as written must lie in the bounds, whatever the offset") {
    struct row {
      const char* text;
      bool accepted;
    };
    const row rows[] = {
        {"0000-01-01T00:00:00Z", false},
        {"1899-12-31T23:59:59Z", false},
        {"1899-12-31T23:59:59-07:00", false},  // 1900-01-01 in UTC, but written as 1899
        {"1900-01-01T00:00:00Z", true},
        {"1900-01-01T00:00:00+09:00", true},  // 1899-12-31 in UTC, written as 1900
        {"2199-12-31T23:59:59Z", true},
        {"2199-12-31T23:59:59.999-09:00", true},
        {"2200-01-01T00:00:00Z", false},
        {"10000-01-01T00:00:00Z", false},
        {"2024-02-07T10:15:00+07:00", true},
    };
    for (const auto& r : rows) {
      CAPTURE(r.text);
      CHECK(parse_rfc3339(r.text).has_value() == r.accepted);
    }
  }

  TEST_CASE("stored dates and instants read back in any four-digit year, in the same strict format") {
    // A deadline counted from late 2199 falls in 2200 or later and must still read back.
    CHECK(format_iso_date(*read_stored_iso_date("2203-04-05")) == "2203-04-05");
    CHECK(read_stored_iso_date("0000-01-01").has_value());
    CHECK(read_stored_iso_date("9999-12-31").has_value());
    CHECK_FALSE(read_stored_iso_date("10000-01-01").has_value());
    CHECK_FALSE(read_stored_iso_date("2203-02-29").has_value());
    CHECK_FALSE(read_stored_iso_date("2203-4-05").has_value());
    const auto t = read_stored_rfc3339("2203-04-05T10:00:00+07:00");
    REQUIRE(t.has_value());
    CHECK(format_rfc3339(t->utc, t->offset_minutes) == "2203-04-05T10:00:00+07:00");
    CHECK_FALSE(read_stored_rfc3339("2203-04-05T24:00:00+07:00").has_value());
    CHECK_FALSE(parse_rfc3339("2203-04-05T10:00:00+07:00").has_value());
  }

  TEST_CASE("the messages for a bad date or instant name the years") {
    CHECK(std::string{invalid_date_message}.find("1900-2199") != std::string::npos);
    CHECK(std::string{invalid_instant_message}.find("1900-2199") != std::string::npos);
  }
}
