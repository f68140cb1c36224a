#include "domain/requests/request_event.hpp"

#include <fmt/format.h>

namespace perkara::domain {

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        // Other control characters as \u00XX; bytes >= 0x80 (UTF-8) pass through unchanged.
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string json_string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out.push_back(',');
    }
    out += json_quote(items[i]);
  }
  out.push_back(']');
  return out;
}

std::string request_event::payload_json() const {
  std::string out = "{";
  for (std::size_t i = 0; i < payload.size(); ++i) {
    if (i > 0) {
      out.push_back(',');
    }
    out += json_quote(payload[i].key);
    out.push_back(':');
    out += payload[i].raw ? payload[i].value : json_quote(payload[i].value);
  }
  out.push_back('}');
  return out;
}

}  // namespace perkara::domain
