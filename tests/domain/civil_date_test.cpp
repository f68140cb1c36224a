#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

using namespace perkara::domain;
using namespace std::chrono;

namespace {

// The formats as fmt writes them: the reference the hand-written formatting must equal byte for byte.
std::string reference_iso_date(civil_date date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::string reference_rfc3339(instant utc, int offset_minutes) {
  const auto local = utc + minutes{offset_minutes};
  const auto day = floor<days>(local);
  const hh_mm_ss hms{local - day};
  const int abs_offset = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", reference_iso_date(civil_date{day}), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count(), offset_minutes < 0 ? '-' : '+', abs_offset / 60,
                     abs_offset % 60);
}

}  // namespace

TEST_SUITE("civil_date") {
  TEST_CASE("ISO dates parse strictly and round-trip") {
    CHECK(format_iso_date(*parse_iso_date("2024-02-14")) == "2024-02-14");
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2024-2-14").has_value());
    CHECK_FALSE(parse_iso_date("2024-02-14T00").has_value());
    CHECK_FALSE(parse_iso_date("abcd-ef-gh").has_value());
  }

  TEST_CASE("formatting equals the fmt reference on every day 1899-2101 and beyond four-digit years") {
    for (auto day = sys_days{year{1899} / January / 1}; day <= sys_days{year{2101} / December / 31}; day += days{1}) {
      const civil_date date{day};
      REQUIRE(format_iso_date(date) == reference_iso_date(date));
    }
    for (const int y : {-32767, -1000, -1, 0, 1, 9, 99, 999, 9999, 10000, 32767}) {
      for (const unsigned m : {1U, 9U, 12U, 13U, 100U}) {
        for (const unsigned d : {1U, 31U, 99U, 100U}) {
          const civil_date date{year{y}, month{m}, day{d}};
          CAPTURE(reference_iso_date(date));
          CHECK(format_iso_date(date) == reference_iso_date(date));
        }
      }
    }
    CHECK(format_iso_date(civil_date{year{-1}, January, day{1}}) == "-001-01-01");
    CHECK(format_iso_date(civil_date{year{10000}, January, day{1}}) == "10000-01-01");
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

  TEST_CASE("RFC 3339 formatting equals the fmt reference for every offset") {
    // A prime step in seconds walks every time of day; offsets at a quarter hour over -14:00..+14:00, odd
    // ones, and ones past 99 hours that take the fallback.
    std::vector<int> offsets{1, -1, 59, -61, 100 * 60, -100 * 60 - 7, 12345};
    for (int o = -14 * 60; o <= 14 * 60; o += 15) {
      offsets.push_back(o);
    }
    const auto first = sys_days{year{1969} / December / 31};
    const auto last = sys_days{year{2101} / January / 2};
    for (instant t{first}; t < last; t += seconds{7919 * 97}) {
      for (const int o : offsets) {
        CAPTURE(o);
        REQUIRE(format_rfc3339(t, o) == reference_rfc3339(t, o));
      }
    }
    CHECK(format_rfc3339(sys_days{year{2024} / February / 7} + hours{3}, -570) == "2024-02-06T17:30:00-09:30");
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
