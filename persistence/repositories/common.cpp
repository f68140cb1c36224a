#include "persistence/repositories/repositories.hpp"

#include <fmt/format.h>

#include <random>
#include <stdexcept>

namespace perkara::persistence::detail {

domain::civil_date date_column(const std::string& text, const char* column) {
  const auto d = domain::read_stored_iso_date(text);
  if (!d) {
    throw std::runtime_error(fmt::format("corrupt date '{}' in column {}", text, column));
  }
  return *d;
}

long long epoch_seconds(domain::instant t) { return static_cast<long long>(t.time_since_epoch().count()); }

domain::instant from_epoch_seconds(long long s) { return domain::instant{std::chrono::seconds{s}}; }

std::string random_id() {
  thread_local std::random_device device;
  std::uniform_int_distribution<unsigned> nibble(0, 15);
  std::string id(32, '0');
  for (auto& c : id) {
    c = "0123456789abcdef"[nibble(device)];
  }
  return id;
}

std::string like_pattern(std::string_view text) {
  std::string out = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '!') {
      out += '!';
    }
    out += c;
  }
  out += '%';
  return out;
}

}  // namespace perkara::persistence::detail
