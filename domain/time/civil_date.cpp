#include "domain/time/civil_date.hpp"

#include <fmt/format.h>

namespace perkara::domain {
namespace {

std::optional<int> parse_digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

// Strict YYYY-MM-DD with a four-digit year in [min_year, max_year].
std::optional<civil_date> parse_date_within(std::string_view text, int min_year, int max_year) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto y = parse_digits(text.substr(0, 4));
  const auto m = parse_digits(text.substr(5, 2));
  const auto d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d || *y < min_year || *y > max_year) {
    return std::nullopt;
  }
  const civil_date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

}  // namespace

std::optional<civil_date> parse_iso_date(std::string_view text) {
  return parse_date_within(text, min_input_year, max_input_year);
}

std::optional<civil_date> read_stored_iso_date(std::string_view text) { return parse_date_within(text, 0, 9999); }

std::string format_iso_date(civil_date date) {
  const int y = static_cast<int>(date.year());
  const auto m = static_cast<unsigned>(date.month());
  const auto d = static_cast<unsigned>(date.day());
  if (y < 0 || y > 9999 || m > 99 || d > 99) {
    // Beyond four digits: as fmt writes it (sign, more digits).
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  }
  // The JSON of every case holds dozens of dates: written by hand (ten characters, no allocation).
  const auto digit = [](unsigned v) { return static_cast<char>('0' + v); };
  const auto year = static_cast<unsigned>(y);
  std::string out(10, '-');
  out[0] = digit(year / 1000);
  out[1] = digit(year / 100 % 10);
  out[2] = digit(year / 10 % 10);
  out[3] = digit(year % 10);
  out[5] = digit(m / 10);
  out[6] = digit(m % 10);
  out[8] = digit(d / 10);
  out[9] = digit(d % 10);
  return out;
}

}  // namespace perkara::domain
