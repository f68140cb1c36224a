#pragma once
// One CSV cell (RFC 4180) for the report downloads: quoted when it holds a comma, a quote or a line
// break, with quotes doubled.

#include <string>
#include <string_view>

namespace perkara::api {

inline std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

}  // namespace perkara::api
