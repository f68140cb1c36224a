#pragma once
// Wiring: the database, the clock, the REST application and the HTTP transport, owned together.
// `perkara serve` and the end-to-end tests both build the server through this one class.

#include "api/services.hpp"
#include "server/http_server.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace perkara::api {
class router;
}

namespace perkara::server {

/// The notice dispatcher (docs/operations.md "Notices"); off unless `enabled` (perkara serve turns it on).
struct notice_settings {
  bool enabled = false;
  std::string smtp_url;   // empty: no email from this server (another may send it)
  std::string mail_from;
  std::string base_url;   // for links in messages; default http://HOST:PORT of the listener
  std::chrono::milliseconds idle_wait{5000};
  std::chrono::seconds sweep_interval{60};  // the deadline sweep; 0: none in this server
};

struct app_config {
  std::string database_url;
  std::size_t db_pool_size = 4;
  /// How long a request waits for a database connection (or the SQLite writer) before a 503.
  std::chrono::milliseconds db_lease_timeout{10'000};
  http_config http;
  api::settings api;
  /// The file store of case documents (`--files DIR`); empty: persistence::files_location's default.
  std::string files_dir;
  notice_settings notices;
};

class app {
 public:
  /// Opens the database (throws persistence::error when it is unreachable, unmigrated or newer) and
  /// binds the listener.
  explicit app(app_config config, std::unique_ptr<ports::clock> clock = nullptr);
  ~app();
  app(const app&) = delete;
  app& operator=(const app&) = delete;

  [[nodiscard]] unsigned short port() const;
  /// The metrics listener's port, nullopt when there is none.
  [[nodiscard]] std::optional<unsigned short> metrics_port() const;
  /// The REST application's route table with each route's access policy (the access matrix test).
  [[nodiscard]] const api::router& routes() const;
  void run();
  void stop();
  void handle_signals(bool on);

 private:
  struct parts;
  std::unique_ptr<parts> parts_;
};

}  // namespace perkara::server
