#include "api/cases/case_support.hpp"

#include "api/http/problem.hpp"

#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::api;

namespace {

request with_header(std::string name, std::string value) {
  return *make_request("POST", "/x", {{std::move(name), std::move(value)}}, "", "rid");
}

int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const problem& p) {
    return p.status();
  }
  return 0;
}

}  // namespace

TEST_SUITE("case support") {
  TEST_CASE("If-Match carries the version the command was based on") {
    CHECK(if_match_version(with_header("If-Match", "\"3\"")) == 3);
    CHECK(if_match_version(with_header("If-Match", "12")) == 12);
    CHECK_FALSE(if_match_version(*make_request("POST", "/x", {}, "", "rid")).has_value());
    CHECK(status_of([] { (void)if_match_version(with_header("If-Match", "W/\"3\"")); }) == 400);
    CHECK(status_of([] { (void)if_match_version(with_header("If-Match", "\"three\"")); }) == 400);
    CHECK(status_of([] { check_if_match(3, 4); }) == 412);
    CHECK(status_of([] { check_if_match(4, 4); }) == 0);
    CHECK(status_of([] { check_if_match(std::nullopt, 4); }) == 0);
  }

  TEST_CASE("cursors round-trip and refuse tampering") {
    const std::vector<std::string> parts{"2024-02-15", "abc123", "ünïcode/&?"};
    const auto cursor = encode_cursor(parts);
    CHECK(cursor.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(decode_cursor(cursor, 3) == parts);
    CHECK(status_of([&] { (void)decode_cursor(cursor, 2); }) == 400);
    CHECK(status_of([&] { (void)decode_cursor(cursor.substr(1), 3); }) == 400);
    CHECK(status_of([] { (void)decode_cursor("zz", 1); }) == 400);
  }

  TEST_CASE("page limits default to 50 and stay within 1..500") {
    CHECK(page_limit(*make_request("GET", "/x", {}, "", "")) == 50);
    CHECK(page_limit(*make_request("GET", "/x?limit=500", {}, "", "")) == 500);
    CHECK(status_of([] { (void)page_limit(*make_request("GET", "/x?limit=501", {}, "", "")); }) == 422);
    CHECK(status_of([] { (void)page_limit(*make_request("GET", "/x?limit=0", {}, "", "")); }) == 422);
  }

  TEST_CASE("today is the organisation's local date") {
    domain::organisation wit;
    wit.utc_offset_minutes = 9 * 60;
    const auto late_utc = domain::parse_rfc3339("2024-02-07T20:00:00Z")->utc;
    CHECK(local_today(wit, late_utc) == *domain::parse_iso_date("2024-02-08"));
  }
}
