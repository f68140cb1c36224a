// perkara serve --db URL --listen HOST:PORT [--threads N] [--web-root DIR] [--trusted-proxy ADDR ...]
#include "server/app.hpp"
#include "server/cli.hpp"
#include "server/client_address.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

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

void parse_listen(const std::string& listen, http_config& http) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw std::invalid_argument("--listen needs HOST:PORT, e.g. 127.0.0.1:8080");
  }
  http.host = listen.substr(0, colon);
  const int port = std::stoi(listen.substr(colon + 1));
  if (port < 0 || port > 65535) {
    throw std::invalid_argument("--listen port must be 0..65535");
  }
  http.port = static_cast<unsigned short>(port);
}

}  // namespace

int command_serve(const cli_options& options) {
  app_config config;
  config.database_url = options.database_url();
  const char* env_listen = std::getenv("PERKARA_LISTEN");
  parse_listen(options.get("listen", env_listen && *env_listen ? env_listen : "127.0.0.1:8080"), config.http);
  if (options.has("threads")) {
    config.http.io_threads = parse_positive(options.get("threads"), "threads");
  }
  if (options.has("db-pool")) {
    config.db_pool_size = static_cast<std::size_t>(parse_positive(options.get("db-pool"), "db-pool"));
  }
  config.http.web_root = options.get("web-root", PERKARA_WEB_ROOT);
  config.api.secure_cookies = options.has("secure-cookies");
  // Repeatable: each reverse proxy whose X-Forwarded-For is believed (docs/security.md).
  for (const auto& proxy : options.all("trusted-proxy")) {
    const auto address = canonical_address(proxy);
    if (!address) {
      throw std::invalid_argument("--trusted-proxy needs an IP address, e.g. 127.0.0.1 (got '" + proxy + "')");
    }
    config.http.trusted_proxies.push_back(*address);
  }

  app server{config};
  server.handle_signals(true);
  std::fprintf(stderr, "perkara: listening on http://%s:%u\n", config.http.host.c_str(), server.port());
  server.run();
  std::fprintf(stderr, "perkara: stopped\n");
  return 0;
}

}  // namespace perkara::server
