#include "persistence/database_url.hpp"

#include "persistence/errors.hpp"

#include <fmt/format.h>

namespace perkara::persistence {
namespace {

[[noreturn]] void fail(std::string_view why) { throw config_error(fmt::format("invalid database URL: {}", why)); }

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string percent_decode(std::string_view text, std::string_view what) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    const int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (hi < 0 || lo < 0) {
      fail(fmt::format("bad percent-encoding in the {}", what));
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

bool unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

std::string percent_encode(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (unreserved(c)) {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return out;
}

bool valid_database_name(std::string_view name) {
  if (name.empty() || name.size() > 64) {
    return false;
  }
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

int parse_port(std::string_view text) {
  if (text.empty() || text.size() > 5) {
    fail("port must be a number from 1 to 65535");
  }
  int port = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      fail("port must be a number from 1 to 65535");
    }
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) {
    fail("port must be a number from 1 to 65535");
  }
  return port;
}

database_url parse_sqlite(std::string_view path) {
  if (path.empty()) {
    fail("sqlite: needs a file path, e.g. sqlite:/var/lib/perkara/perkara.db");
  }
  // A pooled `:memory:` would give every connection its own empty database.
  if (path == ":memory:" || path.starts_with("file:")) {
    fail("sqlite: needs a plain file path (in-memory and file: URIs are not supported)");
  }
  // SOCI reads `key=value` pairs from its connect string, so a path with '=' cannot be passed safely.
  if (path.find('=') != std::string_view::npos) {
    fail("sqlite: file path must not contain '='");
  }
  database_url url;
  url.kind = backend::sqlite;
  url.path = std::string(path);
  return url;
}

database_url parse_mysql(std::string_view rest) {
  database_url url;
  url.kind = backend::mysql;

  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) {
    fail("mysql:// URL needs /DATABASE after the host");
  }
  const std::string_view authority = rest.substr(0, slash);
  std::string_view path = rest.substr(slash + 1);
  std::string_view query;
  if (const auto q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }

  const auto at = authority.rfind('@');
  if (at == std::string_view::npos) {
    fail("mysql:// URL needs USER:PASSWORD@ before the host");
  }
  const std::string_view userinfo = authority.substr(0, at);
  std::string_view hostport = authority.substr(at + 1);
  const auto colon = userinfo.find(':');
  url.user = percent_decode(userinfo.substr(0, colon), "user name");
  if (colon != std::string_view::npos) {
    url.password = percent_decode(userinfo.substr(colon + 1), "password");
  }
  if (url.user.empty()) {
    fail("mysql:// URL has an empty user name");
  }

  // Host, optionally a bracketed IPv6 literal, then an optional :PORT.
  std::string_view port_text;
  if (hostport.starts_with('[')) {
    const auto close = hostport.find(']');
    if (close == std::string_view::npos) {
      fail("unclosed [ in the host");
    }
    url.host = std::string(hostport.substr(1, close - 1));
    const std::string_view after = hostport.substr(close + 1);
    if (!after.empty()) {
      if (!after.starts_with(':')) {
        fail("unexpected text after the host");
      }
      port_text = after.substr(1);
      if (port_text.empty()) {
        fail("port must be a number from 1 to 65535");
      }
    }
  } else {
    const auto pc = hostport.find(':');
    url.host = std::string(hostport.substr(0, pc));
    if (pc != std::string_view::npos) {
      port_text = hostport.substr(pc + 1);
      if (port_text.empty()) {
        fail("port must be a number from 1 to 65535");
      }
    }
  }
  if (!port_text.empty()) {
    url.port = parse_port(port_text);
  }

  if (!valid_database_name(path)) {
    fail("database name must be 1-64 characters of letters, digits and _");
  }
  url.database = std::string(path);

  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (param.starts_with("socket=")) {
      url.socket = percent_decode(param.substr(7), "socket path");
      if (url.socket->empty()) {
        fail("socket= needs a path");
      }
    } else {
      fail(fmt::format("unknown parameter '{}' (only socket= is supported)", param.substr(0, param.find('='))));
    }
  }
  if (url.host.empty()) {
    if (!url.socket) {
      fail("mysql:// URL has an empty host");
    }
    url.host = "localhost";
  }
  return url;
}

}  // namespace

database_url parse_database_url(std::string_view text) {
  if (text.starts_with("sqlite:")) {
    return parse_sqlite(text.substr(7));
  }
  if (text.starts_with("mysql://")) {
    return parse_mysql(text.substr(8));
  }
  if (text.starts_with("mariadb://")) {
    return parse_mysql(text.substr(10));
  }
  fail("must start with sqlite: or mysql://");
}

std::string format_database_url(const database_url& url) {
  if (url.kind == backend::sqlite) {
    return "sqlite:" + url.path;
  }
  const bool ipv6 = url.host.find(':') != std::string::npos;
  std::string out = fmt::format("mysql://{}:{}@{}{}{}:{}/{}", percent_encode(url.user), percent_encode(url.password),
                                ipv6 ? "[" : "", url.host, ipv6 ? "]" : "", url.port, url.database);
  if (url.socket) {
    out += "?socket=" + percent_encode(*url.socket);
  }
  return out;
}

std::string redacted(const database_url& url) {
  if (url.kind == backend::sqlite) {
    return format_database_url(url);
  }
  database_url copy = url;
  copy.password = "***";
  std::string out = format_database_url(copy);
  // percent_encode turned *** into %2A%2A%2A; show it plainly.
  if (const auto pos = out.find("%2A%2A%2A"); pos != std::string::npos) {
    out.replace(pos, 9, "***");
  }
  return out;
}

}  // namespace perkara::persistence
