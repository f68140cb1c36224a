#pragma once
// An enum's names as data: one table per enum (value, name) gives its to_string and its parse, so each
// name is written once. A table must list every value of its enum: the
// domain tests read each name back (parse(to_string(v)) == v over the kind's all_* list).

#include <cstddef>
#include <optional>
#include <string_view>

namespace perkara::domain {

template <class E>
struct enum_name {
  E value;
  std::string_view name;
};

/// The name of `v` in `names` (the first row's for a value the table lacks).
template <class E, std::size_t N>
constexpr std::string_view name_in(const enum_name<E> (&names)[N], E v) {
  for (const auto& n : names) {
    if (n.value == v) {
      return n.name;
    }
  }
  return names[0].name;
}

/// The value named `text` in `names`.
template <class E, std::size_t N>
constexpr std::optional<E> value_in(const enum_name<E> (&names)[N], std::string_view text) {
  for (const auto& n : names) {
    if (n.name == text) {
      return n.value;
    }
  }
  return std::nullopt;
}

}  // namespace perkara::domain
