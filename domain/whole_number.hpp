#pragma once
// Whole numbers read from text, the one way every layer does it: the whole text is the number (no sign
// other than '-', no spaces, no trailing characters), and it fits the type; nullopt otherwise.

#include <charconv>
#include <optional>
#include <string_view>
#include <system_error>

namespace perkara::domain {

template <class Integer>
[[nodiscard]] std::optional<Integer> parse_whole_number(std::string_view text) {
  Integer value{};
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc{} || ptr != end) {
    return std::nullopt;
  }
  return value;
}

}  // namespace perkara::domain
