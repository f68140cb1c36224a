#pragma once
// The one writer of event payloads for every case kind (docs/case-engine.md "One vocabulary"): a
// minimal JSON object writer, keys in the order written (the domain links no JSON library). Payloads
// never carry personal data.

#include "domain/json_text.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

class payload_writer {
 public:
  payload_writer& text(std::string_view key, std::string_view value);
  payload_writer& number(std::string_view key, std::int64_t value);
  payload_writer& boolean(std::string_view key, bool value);
  payload_writer& null(std::string_view key);
  payload_writer& texts(std::string_view key, const std::vector<std::string>& values);
  /// `value` as text, or null when absent.
  payload_writer& optional_text(std::string_view key, const std::optional<std::string>& value);
  /// A value already in JSON (an array or object built by another writer).
  payload_writer& raw(std::string_view key, std::string_view json);
  [[nodiscard]] std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view k);
  std::string body_;
};

}  // namespace perkara::domain
