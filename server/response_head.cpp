#include "server/response_head.hpp"

#include <ostream>  // before Beast's status.hpp, whose operator<< needs it complete

#include <boost/beast/http/status.hpp>

#include <algorithm>

namespace perkara::server {

bool same_field_name(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

std::string response_head(const api::response& res, unsigned version, bool keep_alive, std::string_view request_id,
                          std::optional<std::size_t> content_length) {
  namespace http = boost::beast::http;
  std::string out;
  out.reserve(384);
  out += version >= 11 ? "HTTP/1.1 " : "HTTP/1.0 ";
  out += std::to_string(res.status);
  out += ' ';
  out += http::obsolete_reason(http::int_to_status(static_cast<unsigned>(res.status)));
  out += "\r\n";
  for_each_response_field(res, request_id, [&out](std::string_view name, std::string_view value) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  });
  // HTTP/1.1 keeps a connection open unless told otherwise, HTTP/1.0 closes it unless told otherwise.
  if (version >= 11 && !keep_alive) {
    out += "Connection: close\r\n";
  } else if (version < 11 && keep_alive) {
    out += "Connection: keep-alive\r\n";
  }
  if (!bodiless_status(res.status)) {
    out += "Content-Length: ";
    out += std::to_string(content_length.value_or(res.body.size()));
    out += "\r\n";
  }
  out += "\r\n";
  return out;
}

}  // namespace perkara::server
