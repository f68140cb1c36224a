#pragma once
// The whole server for a test: a fresh migrated database (SQLite or MariaDB, per the environment), the
// real wiring (server::app) on port 0 on a background thread, and a clock the test sets.

#include "api/http/router.hpp"
#include "e2e/support/http_client.hpp"
#include "persistence/support/test_database.hpp"
#include "server/app.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace perkara::e2e {

class settable_clock final : public ports::clock {
 public:
  explicit settable_clock(domain::instant now) : seconds_(now.time_since_epoch().count()) {}
  [[nodiscard]] domain::instant now() const override { return domain::instant{std::chrono::seconds{seconds_.load()}}; }
  void set(domain::instant now) { seconds_.store(now.time_since_epoch().count()); }
  void advance(std::chrono::seconds by) { seconds_.fetch_add(by.count()); }

 private:
  std::atomic<std::int64_t> seconds_;
};

/// The Bearer token that reads /metrics on the application listener of a live_server.
inline constexpr const char* test_metrics_token = "e2e-metrics-token-0123456789";

/// 2024-02-07T10:15:00+07:00, a Wednesday in the 2024 Pemilu stages, unless a test says otherwise.
domain::instant default_test_now();

/// How a live_server differs from the default one.
struct live_server_options {
  domain::instant now = default_test_now();
  /// Changes the server's configuration before it starts (trusted proxies, login settings...).
  std::function<void(server::app_config&)> configure;
  /// Another server's database (live_server::shared_database()), for two servers on one database.
  std::shared_ptr<testing::test_database> database;
};

class live_server {
 public:
  explicit live_server(domain::instant now = default_test_now());
  explicit live_server(live_server_options options);
  ~live_server();
  live_server(const live_server&) = delete;
  live_server& operator=(const live_server&) = delete;

  [[nodiscard]] unsigned short port() const;
  settable_clock& clock() { return clock_; }
  [[nodiscard]] const testing::test_database& database() const { return *database_; }
  [[nodiscard]] std::shared_ptr<testing::test_database> shared_database() const { return database_; }
  /// The file store of case documents (a temporary directory, removed with the server).
  [[nodiscard]] const std::string& files_dir() const { return files_dir_; }
  /// The running application's route table, with each route's access policy.
  [[nodiscard]] const api::router& routes() const;

  /// Stops the server and starts a new one on the same database (data must survive).
  void restart();

  /// Inserts a user straight into the database; returns its id.
  std::string add_user(const std::string& username, const std::string& password, const std::vector<domain::role>& roles,
                       const std::string& organisation);
  /// POST /api/v1/sessions; returns the token (fails the caller's REQUIRE via an exception otherwise).
  std::string login(const std::string& username, const std::string& password);
  /// Creates a user with the given role and organisation and logs in; returns the token.
  std::string token_for(const std::string& username, domain::role role, const std::string& organisation);

  http_reply get(const std::string& target, const std::string& token = {}, header_list headers = {});
  http_reply post(const std::string& target, const std::string& json, const std::string& token = {},
                  header_list headers = {});
  http_reply patch(const std::string& target, const std::string& json, const std::string& token = {},
                   header_list headers = {});
  http_reply del(const std::string& target, const std::string& token = {}, header_list headers = {});
  http_reply send(const std::string& method, const std::string& target, const std::string& body,
                  const std::string& token, header_list headers);

 private:
  void start();
  void stop();

  std::shared_ptr<testing::test_database> database_;
  std::function<void(server::app_config&)> configure_;
  std::string files_dir_;
  settable_clock clock_;  // outlives every app instance, which only forwards to it
  std::unique_ptr<server::app> app_;
  std::thread thread_;
};

}  // namespace perkara::e2e
