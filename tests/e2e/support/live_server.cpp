#include "e2e/support/live_server.hpp"

#include "api/auth/crypto.hpp"
#include "e2e/support/contract_log.hpp"
#include "support/eventually.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/json/parse.hpp>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace perkara::e2e {
namespace {

std::string make_files_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "perkara-e2e-files-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("cannot create a temporary files directory");
  }
  return pattern;
}

// Forwards to a clock owned by the fixture, so the fixture keeps the clock across restarts.
class forwarding_clock final : public ports::clock {
 public:
  explicit forwarding_clock(const ports::clock& target) : target_(target) {}
  [[nodiscard]] domain::instant now() const override { return target_.now(); }

 private:
  const ports::clock& target_;
};

// The fixture's users get argon2id at libsodium's minimum cost. The server verifies a password at the
// cost its stored hash names, and the interactive cost (about 0.2 s of CPU per hash and again per login)
// was a large share of the suite's time; users created through the API keep the production cost.
std::string cheap_password_hash(const std::string& password) {
  api::init_crypto();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_MIN,
                        crypto_pwhash_MEMLIMIT_MIN) != 0) {
    throw std::runtime_error("cannot hash a test password");
  }
  return out.data();
}

}  // namespace

domain::instant default_test_now() { return domain::parse_rfc3339("2024-02-07T10:15:00+07:00")->utc; }

namespace {

live_server_options at(domain::instant now) {
  live_server_options o;
  o.now = now;
  return o;
}

}  // namespace

live_server::live_server(domain::instant now) : live_server(at(now)) {}

live_server::live_server(live_server_options options)
    : database_(options.database ? std::move(options.database) : std::make_shared<testing::test_database>(true)),
      configure_(std::move(options.configure)),
      files_dir_(make_files_dir()),
      clock_(options.now) {
  start();
}

live_server::~live_server() {
  stop();
  std::error_code ignored;
  std::filesystem::remove_all(files_dir_, ignored);
}

void live_server::start() {
  server::app_config config;
  config.database_url = database_->url();
  config.db_pool_size = 4;
  config.http.port = 0;
  config.http.access_log = false;
  // Limits no test reaches on a busy machine (tests/README.md, "Timing").
  config.http.metrics_token = test_metrics_token;
  config.db_lease_timeout = testing::patience;
  config.http.read_timeout = testing::patience;
  config.http.write_timeout = testing::patience;
  config.http.keep_alive_timeout = testing::patience;
  config.http.shutdown_grace = testing::patience;
  config.files_dir = files_dir_;
  if (configure_) {
    configure_(config);
  }
  app_ = std::make_unique<server::app>(config, std::make_unique<forwarding_clock>(clock_));
  thread_ = std::thread([this] { app_->run(); });
}

void live_server::stop() {
  if (app_) {
    app_->stop();
    if (thread_.joinable()) {
      thread_.join();
    }
    app_.reset();
  }
}

void live_server::restart() {
  stop();
  start();
}

unsigned short live_server::port() const { return app_->port(); }
const api::router& live_server::routes() const { return app_->routes(); }

std::string live_server::add_user(const std::string& username, const std::string& password,
                                  const std::vector<domain::role>& roles, const std::string& organisation) {
  auto db = database_->open(1);
  auto tx = db->begin(ports::access::write);
  const domain::user user{api::random_hex(12), username, username, organisation, roles, true, clock_.now()};
  tx->users().insert(user, cheap_password_hash(password));
  tx->commit();
  return user.id;
}

std::string live_server::login(const std::string& username, const std::string& password) {
  const auto reply = post("/api/v1/sessions",
                          R"({"username":")" + username + R"(","password":")" + password + R"("})");
  if (reply.status != 201) {
    throw std::runtime_error("login failed with " + std::to_string(reply.status) + ": " + reply.body);
  }
  return std::string{boost::json::parse(reply.body).at("token").as_string()};
}

std::string live_server::token_for(const std::string& username, domain::role role, const std::string& organisation) {
  const std::string password = "password-" + username;
  add_user(username, password, {role}, organisation);
  return login(username, password);
}

http_reply live_server::send(const std::string& method, const std::string& target, const std::string& body,
                             const std::string& token, header_list headers) {
  if (!token.empty()) {
    headers.emplace_back("Authorization", "Bearer " + token);
  }
  const bool typed = std::any_of(headers.begin(), headers.end(),
                                 [](const auto& h) { return boost::beast::iequals(h.first, "content-type"); });
  if (!body.empty() && !typed) {
    headers.emplace_back("Content-Type", "application/json");
  }
  auto reply = fetch(port(), method, target, body, headers);
  record_exchange(routes(), method, target, reply);
  return reply;
}

http_reply live_server::get(const std::string& target, const std::string& token, header_list headers) {
  return send("GET", target, {}, token, std::move(headers));
}
http_reply live_server::post(const std::string& target, const std::string& json, const std::string& token,
                             header_list headers) {
  return send("POST", target, json, token, std::move(headers));
}
http_reply live_server::patch(const std::string& target, const std::string& json, const std::string& token,
                              header_list headers) {
  return send("PATCH", target, json, token, std::move(headers));
}
http_reply live_server::del(const std::string& target, const std::string& token, header_list headers) {
  return send("DELETE", target, {}, token, std::move(headers));
}

}  // namespace perkara::e2e
