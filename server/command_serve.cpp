// perkara serve --db URL --listen HOST:PORT [--threads N] [--web-root DIR] [--trusted-proxy ADDR ...] and the
// transport limits (docs/operations.md)
#include "server/app.hpp"
#include "server/cli.hpp"
#include "server/client_address.hpp"
#include "server/notice_flags.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace perkara::server {
namespace {

int parse_positive(const std::string& text, const char* what) {
  int n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || ptr != text.data() + text.size() || n <= 0) {
    throw std::invalid_argument(std::string{"--"} + what + " needs a positive whole number");
  }
  return n;
}

int parse_count(const std::string& text, const char* what) {
  int n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || ptr != text.data() + text.size() || n < 0) {
    throw std::invalid_argument(std::string{"--"} + what + " needs a whole number, 0 or more");
  }
  return n;
}

// HOST:PORT for --listen and --metrics-listen.
std::pair<std::string, unsigned short> parse_host_port(const std::string& listen, const char* what) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw std::invalid_argument(std::string{"--"} + what + " needs HOST:PORT, e.g. 127.0.0.1:8080");
  }
  const int port = parse_count(listen.substr(colon + 1), what);
  if (port > 65535) {
    throw std::invalid_argument(std::string{"--"} + what + " port must be 0..65535");
  }
  return {listen.substr(0, colon), static_cast<unsigned short>(port)};
}

// The metrics token from a file (a secret stays off the command line, where `ps` shows it); one
// line, surrounding whitespace ignored.
std::string read_token_file(const std::string& path) {
  std::ifstream in{path};
  if (!in) {
    throw std::invalid_argument("--metrics-token-file: cannot read " + path);
  }
  std::stringstream text;
  text << in.rdbuf();
  auto token = text.str();
  const auto first = token.find_first_not_of(" \t\r\n");
  token = first == std::string::npos ? std::string{} : token.substr(first, token.find_last_not_of(" \t\r\n") - first + 1);
  if (token.size() < 16) {
    throw std::invalid_argument("--metrics-token-file: the token must have at least 16 characters");
  }
  return token;
}

}  // namespace

int command_serve(const cli_options& options) {
  app_config config;
  config.database_url = options.database_url();
  const char* env_listen = std::getenv("PERKARA_LISTEN");
  std::tie(config.http.host, config.http.port) =
      parse_host_port(options.get("listen", env_listen && *env_listen ? env_listen : "127.0.0.1:8080"), "listen");
  if (options.has("threads")) {
    config.http.io_threads = parse_positive(options.get("threads"), "threads");
  }
  if (options.has("db-pool")) {
    config.db_pool_size = static_cast<std::size_t>(parse_positive(options.get("db-pool"), "db-pool"));
  }
  config.http.web_root = options.get("web-root", PERKARA_WEB_ROOT);
  if (options.has("max-connections-per-address")) {
    config.http.max_connections_per_address =
        static_cast<std::size_t>(parse_count(options.get("max-connections-per-address"), "max-connections-per-address"));
  }
  if (options.has("metrics-listen")) {
    const auto [host, port] = parse_host_port(options.get("metrics-listen"), "metrics-listen");
    config.http.metrics_host = host;
    config.http.metrics_port = port;
  }
  if (options.has("metrics-token-file")) {
    config.http.metrics_token = read_token_file(options.get("metrics-token-file"));
  }
  config.api.secure_cookies = options.has("secure-cookies");
  // Repeatable: each reverse proxy whose X-Forwarded-For is believed (docs/security.md).
  for (const auto& proxy : options.all("trusted-proxy")) {
    const auto address = canonical_address(proxy);
    if (!address) {
      throw std::invalid_argument("--trusted-proxy needs an IP address, e.g. 127.0.0.1 (got '" + proxy + "')");
    }
    config.http.trusted_proxies.push_back(*address);
  }

  apply_notice_flags(options, config);
  app server{config};
  server.handle_signals(true);
  std::fprintf(stderr, "perkara: listening on http://%s:%u\n", config.http.host.c_str(), server.port());
  if (const auto metrics_port = server.metrics_port()) {
    std::fprintf(stderr, "perkara: metrics on http://%s:%u/metrics\n", config.http.metrics_host.c_str(), *metrics_port);
  }
  server.run();
  std::fprintf(stderr, "perkara: stopped\n");
  return 0;
}

}  // namespace perkara::server
