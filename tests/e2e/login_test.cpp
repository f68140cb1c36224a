// Logging in under attack (issue 12): the throttle per (username, address) pair and per address, kept in
// the database; failed logins audited; cookie sessions without the token in the body; and the password
// check runs with no write transaction open.
#include "api/auth/crypto.hpp"
#include "e2e/support/live_server.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace perkara;
using namespace perkara::e2e;
using domain::role;
using std::chrono::seconds;

namespace {

boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }

std::string credentials(const std::string& username, const std::string& password) {
  return R"({"username":")" + username + R"(","password":")" + password + R"("})";
}

// The tests speak through the loopback address as if through a reverse proxy, so each request can
// come from the client address it names.
live_server_options behind_proxy() {
  live_server_options o;
  o.configure = [](server::app_config& c) { c.http.trusted_proxies = {"127.0.0.1"}; };
  return o;
}

http_reply log_in_from(live_server& s, const std::string& address, const std::string& username,
                       const std::string& password) {
  return s.post("/api/v1/sessions", credentials(username, password), {}, {{"X-Forwarded-For", address}});
}

// The failed-login audit entries, oldest first.
std::vector<domain::audit_entry> failed_logins(const live_server& s, const std::string& organisation) {
  auto db = s.database().open(1);
  auto tx = db->begin(ports::access::read);
  std::vector<domain::audit_entry> out;
  for (const auto& e : tx->audit().list("", organisation)) {
    if (e.action == "session.login_failed") {
      out.insert(out.begin(), e);
    }
  }
  return out;
}

constexpr const char* attacker = "203.0.113.7";
constexpr const char* owner_address = "198.51.100.20";

}  // namespace

TEST_SUITE("e2e login") {
  TEST_CASE("an attacker is slowed down while the owner still logs in from his own address") {
    live_server s{behind_proxy()};
    s.add_user("ppid", "rahasia-ppid-123", {role::ppid}, "kpu-pangkalpinang");
    for (int i = 0; i < 3; ++i) {
      CHECK(log_in_from(s, attacker, "ppid", "salah").status == 401);
    }
    // The pair is throttled now: even the right password waits, from that address.
    const auto blocked = log_in_from(s, attacker, "ppid", "rahasia-ppid-123");
    CHECK(blocked.status == 429);
    CHECK(blocked.header("Content-Type") == std::optional<std::string>{"application/problem+json"});
    CHECK(blocked.header("Retry-After") == std::optional<std::string>{"1"});
    CHECK(log_in_from(s, owner_address, "ppid", "rahasia-ppid-123").status == 201);
  }

  TEST_CASE("the back-off of a pair doubles with each failure and a success resets it") {
    live_server s{behind_proxy()};
    s.add_user("ppid", "rahasia-ppid-123", {role::ppid}, "kpu-pangkalpinang");
    for (int i = 0; i < 3; ++i) {
      CHECK(log_in_from(s, attacker, "ppid", "salah").status == 401);
    }
    for (const int wait : {1, 2, 4, 8}) {
      CAPTURE(wait);
      const auto blocked = log_in_from(s, attacker, "ppid", "salah");
      REQUIRE(blocked.status == 429);
      CHECK(blocked.header("Retry-After") == std::optional<std::string>{std::to_string(wait)});
      s.clock().advance(seconds{wait});
      CHECK(log_in_from(s, attacker, "ppid", "salah").status == 401);
    }
    CHECK(log_in_from(s, attacker, "ppid", "rahasia-ppid-123").status == 429);
    s.clock().advance(seconds{16});
    CHECK(log_in_from(s, attacker, "ppid", "rahasia-ppid-123").status == 201);
    // Reset: three free failures again.
    for (int i = 0; i < 3; ++i) {
      CHECK(log_in_from(s, attacker, "ppid", "salah").status == 401);
    }
    CHECK(log_in_from(s, attacker, "ppid", "salah").status == 429);
  }

  TEST_CASE("one address is capped across usernames, and the cap slides with time") {
    auto options = behind_proxy();
    options.configure = [](server::app_config& c) {
      c.http.trusted_proxies = {"127.0.0.1"};
      c.api.login_throttle.address_cap = 5;  // 30 by default; the rule is the same
    };
    live_server s{options};
    s.add_user("ppid", "rahasia-ppid-123", {role::ppid}, "kpu-pangkalpinang");
    for (int i = 0; i < 5; ++i) {
      CHECK(log_in_from(s, attacker, "tebakan-" + std::to_string(i), "salah").status == 401);
      s.clock().advance(seconds{60});
    }
    const auto capped = log_in_from(s, attacker, "ppid", "rahasia-ppid-123");
    CHECK(capped.status == 429);
    // The oldest failure leaves the 15-minute window 15 min after it happened: 10 minutes from now.
    CHECK(capped.header("Retry-After") == std::optional<std::string>{"600"});
    CHECK(log_in_from(s, owner_address, "ppid", "rahasia-ppid-123").status == 201);
    s.clock().advance(seconds{600});
    CHECK(log_in_from(s, attacker, "ppid", "rahasia-ppid-123").status == 201);
  }

  TEST_CASE("without a trusted proxy the socket's peer is the address, and X-Forwarded-For is ignored") {
    live_server s;
    s.add_user("ppid", "rahasia-ppid-123", {role::ppid}, "kpu-pangkalpinang");
    for (int i = 0; i < 3; ++i) {
      CHECK(log_in_from(s, "192.0.2." + std::to_string(i), "ppid", "salah").status == 401);
    }
    CHECK(log_in_from(s, "192.0.2.99", "ppid", "rahasia-ppid-123").status == 429);
    // Three failures audited, all from the socket's peer; the 429 wrote nothing.
    const auto audited = failed_logins(s, "kpu-pangkalpinang");
    REQUIRE(audited.size() == 3);
    CHECK(boost::json::parse(audited.back().details_json).at("client_address").as_string() == "127.0.0.1");
  }

  TEST_CASE("two servers on one database share the throttle") {
    live_server first{behind_proxy()};
    auto options = behind_proxy();
    options.database = first.shared_database();
    live_server second{options};
    first.add_user("ppid", "rahasia-ppid-123", {role::ppid}, "kpu-pangkalpinang");
    CHECK(log_in_from(first, attacker, "ppid", "salah").status == 401);
    CHECK(log_in_from(second, attacker, "ppid", "salah").status == 401);
    CHECK(log_in_from(first, attacker, "ppid", "salah").status == 401);
    CHECK(log_in_from(second, attacker, "ppid", "rahasia-ppid-123").status == 429);
    CHECK(log_in_from(second, owner_address, "ppid", "rahasia-ppid-123").status == 201);
  }

  TEST_CASE("failed logins are audited with their reason and no actor") {
    live_server s{behind_proxy()};
    const auto id = s.add_user("ppid", "rahasia-ppid-123", {role::ppid}, "kpu-pangkalpinang");
    const auto inactive_id = s.add_user("lama", "rahasia-lama-123", {role::ppid}, "kpu-pangkalpinang");
    {
      auto db = s.database().open(1);
      auto tx = db->begin(ports::access::write);
      auto user = tx->users().find(inactive_id);
      REQUIRE(user);
      user->active = false;
      tx->users().update(*user);
      tx->commit();
    }
    CHECK(log_in_from(s, attacker, "ppid", "salah").status == 401);
    CHECK(log_in_from(s, attacker, "lama", "rahasia-lama-123").status == 401);
    CHECK(log_in_from(s, attacker, "tidak-ada", "salah").status == 401);
    CHECK(log_in_from(s, attacker, "ppid", "salah").status == 401);
    CHECK(log_in_from(s, attacker, "ppid", "salah").status == 401);
    CHECK(log_in_from(s, attacker, "ppid", "salah").status == 429);

    struct expected {
      std::string username;
      std::string object_id;
      std::string reason;
    };
    const std::vector<expected> at_org = {{"ppid", id, "wrong_password"},   {"lama", inactive_id, "inactive"},
                                          {"ppid", id, "wrong_password"},   {"ppid", id, "wrong_password"}};
    // The refusal by the throttle (the 429) checked no password and wrote no entry.
    const auto entries = failed_logins(s, "kpu-pangkalpinang");
    REQUIRE(entries.size() == at_org.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
      CAPTURE(i);
      const auto& e = entries[i];
      CHECK(e.actor.empty());
      CHECK(e.organisation == "kpu-pangkalpinang");
      CHECK(e.object_type == "user");
      CHECK(e.object_id == at_org[i].object_id);
      const auto details = boost::json::parse(e.details_json).as_object();
      CHECK(details.at("username").as_string() == at_org[i].username);
      CHECK(details.at("client_address").as_string() == attacker);
      CHECK(details.at("reason").as_string() == at_org[i].reason);
      CHECK_FALSE(details.contains("password"));
    }
    // An unknown name has no organisation.
    const auto unknown = failed_logins(s, "");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].object_id.empty());
    CHECK(boost::json::parse(unknown[0].details_json).at("reason").as_string() == "unknown_user");
  }

  TEST_CASE("a cookie login sets the cookie and leaves the token out of the body, a token login sets no cookie") {
    live_server s;
    s.add_user("panitera", "rahasia-panitera", {role::registrar}, "ki-babel");
    const auto by_cookie =
        s.post("/api/v1/sessions", R"({"username":"panitera","password":"rahasia-panitera","cookie":true})");
    REQUIRE(by_cookie.status == 201);
    CHECK_FALSE(json_of(by_cookie).as_object().contains("token"));
    CHECK(json_of(by_cookie).at("user").at("username").as_string() == "panitera");
    const auto set_cookie = by_cookie.header("Set-Cookie");
    REQUIRE(set_cookie);
    CHECK(set_cookie->find("HttpOnly") != std::string::npos);
    const auto value = set_cookie->substr(0, set_cookie->find(';'));
    CHECK(s.get("/api/v1/me", {}, {{"Cookie", value}}).status == 200);

    const auto by_token = s.post("/api/v1/sessions", R"({"username":"panitera","password":"rahasia-panitera"})");
    REQUIRE(by_token.status == 201);
    CHECK(json_of(by_token).at("token").as_string().size() == 64);
    CHECK_FALSE(by_token.header("Set-Cookie"));

    const auto bad = s.post("/api/v1/sessions", R"({"username":"panitera","password":"rahasia-panitera","cookie":"ya"})");
    CHECK(bad.status == 422);
    CHECK(json_of(bad).at("errors").as_array().at(0).at("field").as_string() == "cookie");
  }
}

TEST_SUITE("e2e login concurrency") {
  // Holds a login inside the password check until the test lets it go.
  struct held_check {
    std::promise<void> entered;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
  };

  live_server_options holding(const std::shared_ptr<held_check>& held, std::size_t verifications) {
    live_server_options o;
    o.configure = [held, verifications](server::app_config& c) {
      c.api.max_concurrent_verifications = verifications;
      c.api.password_check = [held](std::string_view password, const std::string& hash) {
        if (password == "tunggu-dulu") {
          held->entered.set_value();
          // A bound only so that a failing test ends instead of hanging; the test releases it first.
          held->released.wait_for(std::chrono::minutes{2});
        }
        return api::verify_password(password, hash);
      };
    };
    return o;
  }

  TEST_CASE("a write commits while a login is inside its password check") {
    auto held = std::make_shared<held_check>();
    live_server s{holding(held, 4)};
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    s.add_user("lambat", "tunggu-dulu", {role::registrar}, "ki-babel");

    std::future<http_reply> login = std::async(std::launch::async, [&s] {
      return s.post("/api/v1/sessions", credentials("lambat", "tunggu-dulu"));
    });
    REQUIRE(held->entered.get_future().wait_for(std::chrono::minutes{2}) == std::future_status::ready);
    // With a write transaction held across the check, this write would wait for the writer and fail.
    const auto created = s.post(
        "/api/v1/users",
        R"({"username":"baru","display_name":"Baru","password":"rahasia-baru-1","roles":["registrar"]})", admin);
    CHECK(created.status == 201);
    held->release.set_value();
    CHECK(login.get().status == 201);
  }

  TEST_CASE("over the bound on password checks a login is refused at once with 503") {
    auto held = std::make_shared<held_check>();
    live_server s{holding(held, 1)};
    s.add_user("lambat", "tunggu-dulu", {role::registrar}, "ki-babel");
    s.add_user("cepat", "rahasia-cepat", {role::registrar}, "ki-babel");

    std::future<http_reply> login = std::async(std::launch::async, [&s] {
      return s.post("/api/v1/sessions", credentials("lambat", "tunggu-dulu"));
    });
    REQUIRE(held->entered.get_future().wait_for(std::chrono::minutes{2}) == std::future_status::ready);
    const auto refused = s.post("/api/v1/sessions", credentials("cepat", "rahasia-cepat"));
    CHECK(refused.status == 503);
    CHECK(refused.header("Retry-After") == std::optional<std::string>{"1"});
    held->release.set_value();
    CHECK(login.get().status == 201);
    CHECK(s.post("/api/v1/sessions", credentials("cepat", "rahasia-cepat")).status == 201);
  }
}
