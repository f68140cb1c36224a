#pragma once
// A minimal JSON object writer for event payloads (the domain links no JSON library).

#include "domain/json_text.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::disputes {

class payload_writer {
 public:
  payload_writer& text(std::string_view key, std::string_view value);
  payload_writer& number(std::string_view key, std::int64_t value);
  payload_writer& boolean(std::string_view key, bool value);
  payload_writer& null(std::string_view key);
  payload_writer& texts(std::string_view key, const std::vector<std::string>& values);
  /// A value already in JSON (an array or object built by another writer).
  payload_writer& raw(std::string_view key, std::string_view json);
  [[nodiscard]] std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view k);
  std::string body_;
};

}  // namespace perkara::domain::disputes
