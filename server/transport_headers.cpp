#include "server/transport_headers.hpp"

#include <array>
#include <random>

namespace perkara::server {

std::string make_request_id() {
  thread_local std::mt19937_64 generator{[] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64{seed};
  }()};
  static constexpr std::string_view digits = "0123456789abcdef";
  auto value = generator();
  std::string id(16, '0');
  for (auto& c : id) {
    c = digits[value & 0xfU];
    value >>= 4U;
  }
  return id;
}

std::span<const std::pair<std::string_view, std::string_view>> security_headers(std::string_view content_type) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> all{{
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Content-Security-Policy", content_security_policy},  // last: HTML only
  }};
  const bool html = content_type.substr(0, 9) == "text/html";
  return std::span{all}.first(html ? all.size() : all.size() - 1);
}

std::string_view method_label(std::string_view method) {
  static constexpr std::array<std::string_view, 7> known{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  for (const auto m : known) {
    if (m == method) {
      return m;
    }
  }
  return "OTHER";
}

}  // namespace perkara::server
