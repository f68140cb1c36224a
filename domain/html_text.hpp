#pragma once
// HTML text without an HTML library: what the generated letters and the notice emails put in a page.

#include <string>
#include <string_view>

namespace perkara::domain {

/// `text` with & < > " ' escaped for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace perkara::domain
