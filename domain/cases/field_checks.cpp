#include "domain/cases/field_checks.hpp"

#include "domain/cases/act_date.hpp"
#include "domain/time/civil_date.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perkara::domain {

namespace {
bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
}  // namespace

bool blank(std::string_view text) { return std::all_of(text.begin(), text.end(), space); }

std::size_t utf8_length(std::string_view text) {
  // Count every byte that is not a UTF-8 continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

bool plausible_email(std::string_view text) {
  if (text.empty() || std::any_of(text.begin(), text.end(), space)) {
    return false;
  }
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

void check_text(validation& v, std::string_view field, std::string_view text, bool required, std::size_t max) {
  if (required && blank(text)) {
    v.fail(std::string(field), required_message);
  } else if (utf8_length(text) > max) {
    v.fail(std::string(field), fmt::format("paling banyak {0} karakter / at most {0} characters", max));
  }
}

void require_text(validation& v, std::string_view field, std::string_view text) {
  if (blank(text)) {
    v.fail(std::string(field), required_message);
  }
}

void check_not_future(validation& v, std::string_view field, instant act, instant now) {
  if (in_future(act, now)) {
    v.fail(std::string(field), future_message);
  }
}

void check_not_before(validation& v, std::string_view field, instant act, instant earliest,
                      std::string_view earliest_what) {
  if (act < earliest) {
    v.fail(std::string(field), fmt::format("tidak boleh sebelum {0} / must not be before {0}", earliest_what));
  }
}

std::optional<offset_instant> read_act_time(validation& v, std::string_view field, std::string_view text,
                                            instant earliest, std::string_view earliest_what, instant now) {
  if (text.empty()) {
    v.fail(std::string(field), required_message);
    return std::nullopt;
  }
  const auto t = parse_rfc3339(text);
  if (!t) {
    v.fail(std::string(field), invalid_instant_message);
    return std::nullopt;
  }
  if (in_future(t->utc, now)) {
    v.fail(std::string(field), future_message);
  } else {
    check_not_before(v, field, t->utc, earliest, earliest_what);
  }
  return t;
}

}  // namespace perkara::domain
