#include "domain/requests/request_event.hpp"

#include <fmt/format.h>

namespace perkara::domain {

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
