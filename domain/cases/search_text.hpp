#pragma once
// Free-text search on case lists (`?q=`): the stored search column and the query are folded by this
// one function, for every case kind, so a search finds what was stored whatever the case.

#include <string>
#include <string_view>

namespace perkara::domain {

/// ASCII lower case (names and register numbers are matched case-insensitively; other bytes as sent).
[[nodiscard]] inline std::string fold_for_search(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

}  // namespace perkara::domain
