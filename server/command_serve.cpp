// perkara serve: the HTTP server, its database pool and the transport limits (docs/operations.md).
#include "server/app.hpp"
#include "server/cli.hpp"
#include "server/client_address.hpp"
#include "server/notice_flags.hpp"
#include "domain/whole_number.hpp"
#include "persistence/database_url.hpp"
#include "persistence/soci_database.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace perkara::server {
namespace {

// HOST:PORT for --listen and --metrics-listen; nullopt unless the port is a whole number 0..65535.
std::optional<std::pair<std::string, unsigned short>> parse_host_port(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return std::nullopt;
  }
  const auto port_text = std::string_view{text}.substr(colon + 1);
  const auto port = domain::parse_whole_number<unsigned>(port_text);
  if (!port || *port > 65535) {
    return std::nullopt;
  }
  return std::pair{text.substr(0, colon), static_cast<unsigned short>(*port)};
}

const CLI::Validator host_port{[](const std::string& text) -> std::string {
                                 return parse_host_port(text) ? std::string{}
                                                              : "needs HOST:PORT with a port 0..65535, e.g. "
                                                                "127.0.0.1:8080 (got '" +
                                                                    text + "')";
                               },
                               "HOST:PORT"};

const CLI::Validator ip_address{
    [](const std::string& text) -> std::string {
      return canonical_address(text) ? std::string{} : "needs an IP address, e.g. 127.0.0.1 (got '" + text + "')";
    },
    "ADDRESS"};

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
  token =
      first == std::string::npos ? std::string{} : token.substr(first, token.find_last_not_of(" \t\r\n") - first + 1);
  if (token.size() < 16) {
    throw std::invalid_argument("--metrics-token-file: the token must have at least 16 characters");
  }
  return token;
}

// The flags bind straight into the configuration, so its defaults are the ones --help shows.
struct serve_options {
  app_config config;
  std::string listen = "127.0.0.1:8080";
  std::string metrics_listen;
  std::string metrics_token_file;
  std::vector<std::string> trusted_proxies;
  notice_flags notices;
};

void serve(serve_options options) {
  auto& config = options.config;
  std::tie(config.http.host, config.http.port) = *parse_host_port(options.listen);
  if (!options.metrics_listen.empty()) {
    std::tie(config.http.metrics_host, config.http.metrics_port) = *parse_host_port(options.metrics_listen);
  }
  if (!options.metrics_token_file.empty()) {
    config.http.metrics_token = read_token_file(options.metrics_token_file);
  }
  for (const auto& proxy : options.trusted_proxies) {
    config.http.trusted_proxies.push_back(*canonical_address(proxy));  // checked by the ip_address validator
  }

  apply_notice_flags(options.notices, config);
  app server{config};
  server.handle_signals(true);
  // During a rolling upgrade an older server runs against a newer, additive schema (docs/deploy.md).
  if (const auto schema = persistence::check_schema(persistence::parse_database_url(config.database_url));
      schema.newer()) {
    std::fprintf(stderr, "perkara: %s\n", schema.describe().c_str());
  }
  std::fprintf(stderr, "perkara: listening on http://%s:%u\n", config.http.host.c_str(), server.port());
  if (const auto metrics_port = server.metrics_port()) {
    std::fprintf(stderr, "perkara: metrics on http://%s:%u/metrics\n", config.http.metrics_host.c_str(), *metrics_port);
  }
  server.run();
  std::fprintf(stderr, "perkara: stopped\n");
}

}  // namespace

void register_serve(CLI::App& perkara) {
  auto* command = perkara.add_subcommand("serve", "Serve the web application and the API over HTTP");
  auto options = std::make_shared<serve_options>();
  auto& config = options->config;
  config.http.web_root = PERKARA_WEB_ROOT;
  // One I/O thread per core: short reads and the routes that need no database run on them
  // (docs/performance.md "The HTTP path").
  config.http.io_threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  add_database_option(*command, config.database_url);
  command->add_option("--listen", options->listen, "Address and port to listen on (port 0: any free port)")
      ->envname("PERKARA_LISTEN")
      ->check(host_port)
      ->capture_default_str();
  command->add_option("--threads", config.http.io_threads, "Threads running the network I/O")
      ->envname("PERKARA_THREADS")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  command->add_option("--db-pool", config.db_pool_size, "Database connections in the pool")
      ->envname("PERKARA_DB_POOL")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  command->add_option("--web-root", config.http.web_root, "Directory of the web application's static files")
      ->envname("PERKARA_WEB_ROOT")
      ->capture_default_str();
  command
      ->add_option("--max-connections-per-address", config.http.max_connections_per_address,
                   "Open connections allowed per client address (0 = no cap; behind a reverse proxy)")
      ->envname("PERKARA_MAX_CONNECTIONS_PER_ADDRESS")
      ->check(whole_number_at_least(0))
      ->capture_default_str();
  command->add_option("--metrics-listen", options->metrics_listen, "Serve /metrics on this address and port too")
      ->envname("PERKARA_METRICS_LISTEN")
      ->check(host_port);
  command
      ->add_option("--metrics-token-file", options->metrics_token_file,
                   "File holding the bearer token that /metrics requires (at least 16 characters)")
      ->envname("PERKARA_METRICS_TOKEN_FILE");
  command->add_flag("--secure-cookies", config.api.secure_cookies, "Mark session cookies Secure (serving over HTTPS)")
      ->envname("PERKARA_SECURE_COOKIES");
  // Repeatable: each reverse proxy whose X-Forwarded-For is believed (docs/security.md).
  command
      ->add_option("--trusted-proxy", options->trusted_proxies,
                   "Take the client address from X-Forwarded-For of this peer (repeatable; the variable takes a "
                   "comma-separated list)")
      ->envname("PERKARA_TRUSTED_PROXIES")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(ip_address);
  // Case documents (docs/documents.md): where the file store lives and the upload limits.
  command
      ->add_option("--files", config.files_dir,
                   "Directory of the document file store (default: beside the SQLite file; ./perkara-files for MariaDB)")
      ->envname("PERKARA_FILES");
  command->add_option("--max-document-bytes", config.api.document_limits.per_file, "Largest document accepted, in bytes")
      ->envname("PERKARA_MAX_DOCUMENT_BYTES")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  command
      ->add_option("--max-case-document-bytes", config.api.document_limits.per_case,
                   "Most bytes of documents one case may hold, retracted ones included")
      ->envname("PERKARA_MAX_CASE_DOCUMENT_BYTES")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  add_notice_flags(*command, config, options->notices);
  command->callback([options] { serve(*options); });
}

}  // namespace perkara::server
