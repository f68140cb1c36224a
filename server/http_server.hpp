#pragma once
// The HTTP/1.1 transport: Beast + Asio with C++20 coroutines. It reads requests with explicit limits
// and timeouts, runs api::application::handle where the route says (api::execution: on the I/O thread
// only what never blocks, or a read bounded by a budget; everything else on worker pools), serves the
// web UI's static files, writes access logs and metrics, and shuts down gracefully. Beast stays in
// the .cpp (pimpl), so including this header is cheap.

#include "api/application.hpp"
#include "api/metrics/metrics.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perkara::persistence {
class disk_file_store;  // persistence/files/disk_file_store.hpp: where streamed uploads are staged
}  // namespace perkara::persistence

namespace perkara::server {

struct http_config {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 = any free port
  int io_threads = 1;          // each connection runs on its own strand, so >1 is safe
  // Run api::execution::bounded_read routes on the I/O thread under a ports::read_budget of this many
  // database steps (server/app.cpp turns it on where the database bounds reads: SQLite). A read that
  // would wait for a connection or runs past the budget is run again on the read pool.
  bool inline_reads = false;
  std::uint32_t read_budget_steps = 50'000;
  // Blocking pools that run api::application::handle and file reads. Reads (GET, HEAD) and writes get
  // pools of their own: a write may wait for its commit (SQLite group commit) while reads go on, and
  // a read pool no larger than the database pool keeps reads from waking idle threads for nothing.
  int read_workers = 4;   // GET and HEAD requests that may block
  int write_workers = 4;  // every other method
  std::size_t header_limit = std::size_t{8} * 1024;
  std::chrono::milliseconds read_timeout{15000};  // whole request (head+body); a 1-byte/s client is cut off
  std::chrono::milliseconds write_timeout{15000};
  std::chrono::milliseconds keep_alive_timeout{30000};
  std::size_t max_connections = 1024;  // beyond: a canned 503 and close
  // The same for the connections of one client address (IPv6: one /64), so that one client cannot
  // take them all; 0 = no per-address cap (behind a reverse proxy every client is the proxy).
  std::size_t max_connections_per_address = 128;
  // /metrics is for the operator (server/metrics_access.hpp, docs/operations.md "Metrics"): on this
  // listener only with `Authorization: Bearer <metrics_token>` (never when the token is empty), and
  // on the metrics listener, when metrics_port is set (0 = any free port), to whoever reaches it.
  std::string metrics_token;
  std::string metrics_host = "127.0.0.1";
  std::optional<unsigned short> metrics_port;
  std::chrono::milliseconds shutdown_grace{10000};
  std::string web_root;     // static files for non-API GET paths; empty = none
  bool access_log = true;   // one JSON line per request on stderr, buffered (server/access_log.hpp)
  std::chrono::milliseconds access_log_flush{200};  // buffered lines reach stderr at least this often
  // Peers (canonical addresses) whose last X-Forwarded-For hop is taken as the client's address
  // (server/client_address.hpp); --trusted-proxy.
  std::vector<std::string> trusted_proxies;
};

class http_server {
 public:
  /// Binds and listens at once (throws std::system_error when the address is taken or invalid,
  /// std::filesystem::filesystem_error when web_root does not exist). `app` and `metrics` must
  /// outlive the server.
  /// `uploads` receives the bodies of streamed routes (api::route_options::streamed_body); without it
  /// such routes are answered 503.
  http_server(http_config config, const api::application& app, api::metrics& metrics,
              persistence::disk_file_store* uploads = nullptr);
  ~http_server();
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  /// The bound port (useful with port 0).
  [[nodiscard]] unsigned short port() const;
  /// The bound port of the metrics listener, nullopt when there is none.
  [[nodiscard]] std::optional<unsigned short> metrics_port() const;
  /// Serves until stop() or, with handle_signals(true), SIGINT/SIGTERM; call once. Uses the calling
  /// thread plus io_threads - 1 more.
  void run();
  /// Thread-safe, graceful: stop accepting, close idle connections, let requests in flight finish
  /// and be written (up to shutdown_grace), then return from run().
  void stop();
  /// Install SIGINT/SIGTERM -> graceful stop when run() starts (main uses it; tests don't).
  void handle_signals(bool on);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace perkara::server
