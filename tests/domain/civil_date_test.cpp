#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <doctest/doctest.h>

using namespace perkara::domain;
using namespace std::chrono;

TEST_SUITE("civil_date") {
  TEST_CASE("ISO dates parse strictly and round-trip") {
    CHECK(format_iso_date(*parse_iso_date("2024-02-14")) == "2024-02-14");
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2024-2-14").has_value());
    CHECK_FALSE(parse_iso_date("2024-02-14T00").has_value());
    CHECK_FALSE(parse_iso_date("abcd-ef-gh").has_value());
  }

  TEST_CASE("weekends") {
    CHECK(is_weekend(*parse_iso_date("2024-02-10")));   // Saturday
    CHECK(is_weekend(*parse_iso_date("2024-02-11")));   // Sunday
    CHECK_FALSE(is_weekend(*parse_iso_date("2024-02-12")));
  }
}

TEST_SUITE("instant") {
  TEST_CASE("RFC 3339 with offsets") {
    const auto t = parse_rfc3339("2024-02-07T10:15:00+07:00");
    REQUIRE(t);
    CHECK(t->offset_minutes == 420);
    CHECK(format_rfc3339(t->utc, 0) == "2024-02-07T03:15:00+00:00");
    CHECK(format_rfc3339(t->utc, 480) == "2024-02-07T11:15:00+08:00");
    CHECK(local_date(t->utc, 420) == *parse_iso_date("2024-02-07"));
    CHECK(local_minute_of_day(t->utc, 420) == 10 * 60 + 15);
    CHECK(parse_rfc3339("2024-02-07T03:15:00.123Z")->utc == t->utc);
  }

  TEST_CASE("a late evening UTC instant is the next local day in WIT") {
    const auto t = parse_rfc3339("2024-02-07T20:00:00Z");
    REQUIRE(t);
    CHECK(local_date(t->utc, 540) == *parse_iso_date("2024-02-08"));
  }

  TEST_CASE("malformed instants are refused") {
    CHECK_FALSE(parse_rfc3339("2024-02-07").has_value());
    CHECK_FALSE(parse_rfc3339("2024-02-07T25:00:00Z").has_value());
    CHECK_FALSE(parse_rfc3339("2024-02-07T10:15:00").has_value());
    CHECK_FALSE(parse_rfc3339("2024-02-07T10:15:00+7").has_value());
  }
}
