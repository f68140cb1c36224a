#pragma once
// JSON text without a JSON library (the domain links only std and fmt): string literals for event
// payloads, and for the server's log lines.

#include <string>
#include <string_view>

namespace perkara::domain {

/// `text` as a JSON string literal, quotes included: escapes ", \ and control characters (DEL too);
/// UTF-8 bytes pass through unchanged.
std::string json_quote(std::string_view text);

}  // namespace perkara::domain
