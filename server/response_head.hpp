#pragma once
// The status line and header fields of a response as the server sends them (docs/operations.md lists
// them), kept apart from the session loop: the handler's own fields, its Content-Type, the security
// headers, X-Request-Id, then the connection and length fields the transport decides.

#include "api/http/message.hpp"
#include "server/transport_headers.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace perkara::server {

/// Case-insensitive ASCII comparison of header field names.
bool same_field_name(std::string_view a, std::string_view b);

/// Calls `field(name, value)` for each field of `res` in the order sent: the handler's own fields (not
/// those set below, nor Connection, Content-Length or Transfer-Encoding, which are the transport's),
/// Content-Type, the security headers (server/transport_headers.hpp; a handler's own CSP is kept), and
/// X-Request-Id.
template <class Field>
void for_each_response_field(const api::response& res, std::string_view request_id, Field&& field) {
  const auto security = security_headers(res.content_type);
  const bool own_csp = res.header("Content-Security-Policy").has_value();
  const auto set_below = [&](std::string_view name) {
    if (same_field_name(name, "Content-Type")) {
      return !res.content_type.empty();
    }
    if (same_field_name(name, "Content-Security-Policy")) {
      return false;  // the handler's own, stricter policy (a generated letter: api/letters/letter_html.hpp)
    }
    for (const auto& security_field : security) {
      if (same_field_name(name, security_field.first)) {
        return true;
      }
    }
    return same_field_name(name, "X-Request-Id") || same_field_name(name, "Connection") ||
           same_field_name(name, "Content-Length") || same_field_name(name, "Transfer-Encoding");
  };
  for (const auto& [name, value] : res.headers) {
    if (!set_below(name)) {
      field(std::string_view{name}, std::string_view{value});
    }
  }
  if (!res.content_type.empty()) {
    field(std::string_view{"Content-Type"}, std::string_view{res.content_type});
  }
  for (const auto& [name, value] : security) {
    if (!(own_csp && name == "Content-Security-Policy")) {
      field(name, value);
    }
  }
  field(std::string_view{"X-Request-Id"}, request_id);
}

/// Whether a response with this status carries no body and no Content-Length (1xx, 204 and 304:
/// RFC 9110 section 8.6).
inline bool bodiless_status(int status) { return status < 200 || status == 204 || status == 304; }

/// The whole head of `res` as sent, ending with the empty line: status line, the fields above,
/// Connection as `keep_alive` and `version` need it, and Content-Length (`content_length` when given,
/// else the body's size) unless the status is bodiless. Written into one string, without Beast's
/// generic field container (docs/performance.md "The HTTP path").
std::string response_head(const api::response& res, unsigned version, bool keep_alive, std::string_view request_id,
                          std::optional<std::size_t> content_length = std::nullopt);

}  // namespace perkara::server
