// Whole numbers from text (domain/whole_number.hpp): the whole text is the number and it fits the type.
#include "domain/whole_number.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string_view>

using perkara::domain::parse_whole_number;

TEST_SUITE("whole_number") {
  TEST_CASE("the whole text, fitting the type, or nothing") {
    struct row {
      std::string_view text;
      std::optional<long long> as_long;
      std::optional<unsigned> as_unsigned;
    };
    const row rows[] = {
        {"0", 0, 0u},
        {"2024", 2024, 2024u},
        {"-3", -3, std::nullopt},  // unsigned takes no sign
        {"", std::nullopt, std::nullopt},
        {" 7", std::nullopt, std::nullopt},
        {"7 ", std::nullopt, std::nullopt},
        {"+7", std::nullopt, std::nullopt},
        {"12a", std::nullopt, std::nullopt},
        {"4294967296", 4294967296LL, std::nullopt},  // one past unsigned's range
        {"9223372036854775808", std::nullopt, std::nullopt},
    };
    for (const auto& r : rows) {
      CAPTURE(r.text);
      CHECK(parse_whole_number<long long>(r.text) == r.as_long);
      CHECK(parse_whole_number<unsigned>(r.text) == r.as_unsigned);
    }
    CHECK(parse_whole_number<std::int8_t>("127") == std::int8_t{127});
    CHECK_FALSE(parse_whole_number<std::int8_t>("128"));
  }
}
