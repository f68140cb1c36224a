#pragma once
// Runs a perkara::server::http_server on a background thread for a test: port 0, access log off,
// stop() and join on destruction, and a bounded wait for run() to return.

#include "server/http_server.hpp"
#include "support/eventually.hpp"

#include <atomic>
#include <chrono>
#include <thread>

namespace perkara::e2e {

/// A config for tests: any free port, quiet, and limits that no test on a busy machine reaches unless
/// it sets a shorter one to test that limit.
inline server::http_config test_http_config() {
  server::http_config config;
  config.port = 0;
  config.access_log = false;
  config.read_workers = 2;
  config.write_workers = 2;
  config.read_timeout = testing::patience;
  config.write_timeout = testing::patience;
  config.keep_alive_timeout = testing::patience;
  config.shutdown_grace = testing::patience;
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
  bool stop(std::chrono::milliseconds limit = testing::patience) {
    if (!thread_.joinable()) {
      return returned_.load();
    }
    server_.stop();
    const bool in_time = testing::eventually([this] { return returned_.load(); }, limit);
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
