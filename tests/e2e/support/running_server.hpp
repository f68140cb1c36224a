#pragma once
// Runs a perkara::server::http_server on a background thread for a test: port 0, access log off,
// stop() and join on destruction, and a bounded wait for run() to return.

#include "server/http_server.hpp"

#include <atomic>
#include <chrono>
#include <thread>

namespace perkara::e2e {

/// A config for tests: any free port, quiet, short but generous limits.
inline server::http_config test_http_config() {
  server::http_config config;
  config.port = 0;
  config.access_log = false;
  config.read_workers = 2;
  config.write_workers = 2;
  config.read_timeout = std::chrono::seconds{10};
  config.write_timeout = std::chrono::seconds{10};
  config.keep_alive_timeout = std::chrono::seconds{10};
  config.shutdown_grace = std::chrono::seconds{10};
  return config;
}

class running_server {
 public:
  running_server(server::http_config config, const api::application& app, api::metrics& metrics)
      : server_(std::move(config), app, metrics), thread_([this] {
          server_.run();
          returned_.store(true);
        }) {}
  ~running_server() { stop(); }
  running_server(const running_server&) = delete;
  running_server& operator=(const running_server&) = delete;

  [[nodiscard]] unsigned short port() const { return server_.port(); }
  server::http_server& server() { return server_; }

  /// Asks for a graceful stop and waits up to `limit` for run() to return; true when it did.
  /// The thread is joined either way (a hung run() then hangs the test until CTest's timeout).
  bool stop(std::chrono::milliseconds limit = std::chrono::seconds{30}) {
    if (!thread_.joinable()) {
      return returned_.load();
    }
    server_.stop();
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!returned_.load() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds{5});
    }
    const bool in_time = returned_.load();
    thread_.join();
    return in_time;
  }

  [[nodiscard]] bool returned() const { return returned_.load(); }

 private:
  server::http_server server_;
  std::atomic<bool> returned_{false};
  std::thread thread_;
};

}  // namespace perkara::e2e
