#include "domain/cases/event_payload.hpp"

#include <fmt/format.h>

namespace perkara::domain {

void payload_writer::key(std::string_view k) {
  if (!body_.empty()) body_ += ',';
  body_ += json_quote(k);
  body_ += ':';
}

payload_writer& payload_writer::text(std::string_view k, std::string_view value) {
  key(k);
  body_ += json_quote(value);
  return *this;
}

payload_writer& payload_writer::number(std::string_view k, std::int64_t value) {
  key(k);
  body_ += fmt::format("{}", value);
  return *this;
}

payload_writer& payload_writer::boolean(std::string_view k, bool value) {
  key(k);
  body_ += value ? "true" : "false";
  return *this;
}

payload_writer& payload_writer::null(std::string_view k) {
  key(k);
  body_ += "null";
  return *this;
}

payload_writer& payload_writer::texts(std::string_view k, const std::vector<std::string>& values) {
  key(k);
  body_ += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) body_ += ',';
    body_ += json_quote(values[i]);
  }
  body_ += ']';
  return *this;
}

payload_writer& payload_writer::optional_text(std::string_view k, const std::optional<std::string>& value) {
  return value ? text(k, *value) : null(k);
}

payload_writer& payload_writer::raw(std::string_view k, std::string_view json) {
  key(k);
  body_ += json;
  return *this;
}

}  // namespace perkara::domain
