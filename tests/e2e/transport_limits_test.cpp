// Transport limits against a real http_server (docs/security.md, "Transport limits"): transfer codings
// the server cannot frame are refused before any body is read, connections per client address are
// capped, and /metrics is served to the operator only. The policies are also tested on their own.
#include "server/http_server.hpp"

#include "e2e/support/http_client.hpp"
#include "e2e/support/live_server.hpp"
#include "e2e/support/process.hpp"
#include "e2e/support/running_server.hpp"
#include "e2e/transport_fakes.hpp"
#include "server/metrics_access.hpp"
#include "server/peer_address.hpp"
#include "server/request_framing.hpp"
#include "support/eventually.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <signal.h>
#include <unistd.h>

using namespace perkara;
using namespace std::chrono_literals;

namespace {

// A connection the server refused at accept: the canned 503, or closed before it could be read.
bool refused_at_accept(unsigned short port, const std::string& host = "127.0.0.1") {
  try {
    e2e::http_client c{port, testing::patience, host};
    return c.request("GET", "/over").status == 503;
  } catch (const std::exception&) {
    return true;
  }
}

}  // namespace

TEST_SUITE("transport limits") {
  TEST_CASE("request framing: only a final, single chunked coding is read (RFC 9112 section 6)") {
    struct row {
      std::optional<std::string_view> transfer_encoding;
      bool content_length;
      unsigned version;
      int status;  // 0 = read
    };
    const row rows[] = {
        {std::nullopt, false, 11, 0},
        {std::nullopt, true, 11, 0},
        {"chunked", false, 11, 0},
        {"Chunked", false, 11, 0},
        {" chunked ", false, 11, 0},
        {", chunked,", false, 11, 0},  // empty list elements do not count
        {"gzip", false, 11, 400},
        {"identity", false, 11, 400},
        {"deflate", false, 11, 400},
        {"", false, 11, 400},
        {" , ", false, 11, 400},
        {"chunked, gzip", false, 11, 400},
        {"chunked;x=1", false, 11, 400},
        {"chunked, chunked", false, 11, 400},
        {"gzip, chunked", false, 11, 501},
        {"chunked", true, 11, 400},
        {"gzip", true, 11, 400},
        {"chunked", false, 10, 400},
    };
    for (const auto& r : rows) {
      CAPTURE(r.transfer_encoding.value_or("(none)"));
      CAPTURE(r.content_length);
      CAPTURE(r.version);
      const auto refusal = server::check_request_framing(r.transfer_encoding, r.content_length, r.version);
      CHECK((refusal ? refusal->status : 0) == r.status);
      if (refusal) {
        CHECK(refusal->detail.find(" / ") != std::string::npos);  // Indonesian / English
      }
    }
  }

  TEST_CASE("a transfer coding the server cannot frame is refused and its body never read as a request") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    // Each would, read as "no body", hand the smuggled GET to the application as a second request.
    const std::string smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    struct row {
      std::string head;
      int status;
    };
    const row rows[] = {
        {"Transfer-Encoding: gzip\r\n", 400},
        {"Transfer-Encoding: identity\r\n", 400},
        {"Transfer-Encoding: chunked, gzip\r\n", 400},
        {"Transfer-Encoding: gzip\r\nContent-Length: " + std::to_string(smuggled.size()) + "\r\n", 400},
        {"Content-Length: " + std::to_string(smuggled.size()) + "\r\nTransfer-Encoding: gzip\r\n", 400},
        {"Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n", 400},
        {"Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", 501},
        {"Transfer-Encoding: gzip, chunked\r\n", 501},
    };
    for (const auto& r : rows) {
      CAPTURE(r.head);
      e2e::http_client client{server.port()};
      client.send_raw("POST /x HTTP/1.1\r\nHost: x\r\n" + r.head + "\r\n" + smuggled);
      const auto reply = client.read_reply();
      CHECK(reply.status == r.status);
      CHECK(reply.header("Content-Type") == "application/problem+json");
      CHECK_FALSE(reply.keep_alive);
      CHECK(client.closed_by_peer(testing::patience));
    }
    {
      e2e::http_client client{server.port()};
      client.send_raw("POST /x HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled);
      CHECK(client.read_reply().status == 400);
      CHECK(client.closed_by_peer(testing::patience));
    }
    CHECK(app.calls.load() == 0);

    // The one coding it reads, in any letter case, still works, and so does the connection after it.
    e2e::http_client client{server.port()};
    client.send_raw("POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    const auto ok = client.read_reply();
    CHECK(ok.status == 200);
    CHECK(ok.body.find("\"body_size\":5") != std::string::npos);
    CHECK(client.request("GET", "/after").status == 200);
    CHECK(app.calls.load() == 2);
  }

  TEST_CASE("connections are counted per client address: IPv4 as it is, IPv6 by its /64") {
    namespace ip = boost::asio::ip;
    struct row {
      const char* peer;
      const char* key;
    };
    for (const auto& r : {row{"203.0.113.7", "203.0.113.7"}, row{"::ffff:203.0.113.7", "203.0.113.7"},
                          row{"2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::"},
                          row{"2001:db8:1:2::1", "2001:db8:1:2::"}, row{"2001:db8:1:3::1", "2001:db8:1:3::"},
                          row{"::1", "::"}}) {
      CAPTURE(r.peer);
      CHECK(server::connection_count_key(ip::make_address(r.peer)).to_string() == r.key);
    }
  }

  TEST_CASE("over max_connections_per_address a client is refused, other addresses are not, and closing frees a slot") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.host = "::";  // dual stack: 127.0.0.1 arrives as ::ffff:127.0.0.1, ::1 as itself
    config.max_connections_per_address = 2;
    e2e::running_server server{config, app, metrics};
    std::optional<e2e::http_client> a{std::in_place, server.port()};
    e2e::http_client b{server.port()};
    CHECK(a->request("GET", "/a").status == 200);
    CHECK(b.request("GET", "/b").status == 200);
    CHECK(refused_at_accept(server.port()));
    CHECK(app.calls.load() == 2);

    // Another address has its own count (and the global cap is far away).
    e2e::http_client other{server.port(), testing::patience, "::1"};
    CHECK(other.request("GET", "/other").status == 200);

    // Closing one connection of the capped address lets the next one in.
    a.reset();
    REQUIRE(testing::eventually([&] { return metrics.open_connections() == 2; }));
    e2e::http_client c{server.port()};
    CHECK(c.request("GET", "/c").status == 200);
    CHECK(app.calls.load() == 4);
  }

  TEST_CASE("max_connections_per_address 0 means no per-address cap, the global cap still holds") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.max_connections_per_address = 0;
    config.max_connections = 3;
    e2e::running_server server{config, app, metrics};
    e2e::http_client a{server.port()};
    e2e::http_client b{server.port()};
    e2e::http_client c{server.port()};
    for (auto* client : {&a, &b, &c}) {
      CHECK(client->request("GET", "/x").status == 200);
    }
    CHECK(refused_at_accept(server.port()));
  }

  TEST_CASE("metrics access: the decision table") {
    using server::metrics_access;
    struct row {
      const char* path;
      bool metrics_listener;
      const char* token;
      std::optional<std::string_view> authorization;
      metrics_access expected;
    };
    const char* token = "operator-token-0123456789";
    const row rows[] = {
        {"/api/v1/x", false, "", std::nullopt, metrics_access::serve},
        {"/metrics", false, "", std::nullopt, metrics_access::not_found},
        {"/metrics", false, "", "Bearer ", metrics_access::not_found},
        {"/metrics", false, token, std::nullopt, metrics_access::unauthorized},
        {"/metrics", false, token, "Bearer wrong-token-0123456789", metrics_access::unauthorized},
        {"/metrics", false, token, "Bearer operator-token-012345678", metrics_access::unauthorized},   // prefix
        {"/metrics", false, token, "Bearer operator-token-01234567890", metrics_access::unauthorized},  // longer
        {"/metrics", false, token, "Basic operator-token-0123456789", metrics_access::unauthorized},
        {"/metrics", false, token, "Bearer operator-token-0123456789", metrics_access::serve},
        {"/metrics", false, token, "bearer operator-token-0123456789", metrics_access::serve},
        {"/metrics", true, "", std::nullopt, metrics_access::serve},
        {"/metrics", true, token, std::nullopt, metrics_access::serve},
        {"/api/v1/x", true, "", std::nullopt, metrics_access::not_found},
        {"/healthz", true, token, "Bearer operator-token-0123456789", metrics_access::not_found},
    };
    for (const auto& r : rows) {
      CAPTURE(r.path);
      CAPTURE(r.metrics_listener);
      CAPTURE(r.token);
      CAPTURE(r.authorization.value_or("(none)"));
      CHECK(server::decide_metrics_access(r.path, r.metrics_listener, r.token, r.authorization) == r.expected);
    }
  }

  TEST_CASE("/metrics on the application listener: 404 without a token configured, 401 without the right one") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    SUBCASE("no token configured") {
      e2e::running_server server{config, app, metrics};
      for (const auto* method : {"GET", "HEAD"}) {
        CAPTURE(method);
        e2e::http_client client{server.port()};
        client.send_request(method, "/metrics");
        const auto reply = client.read_reply(std::string_view{method} == "HEAD");
        CHECK(reply.status == 404);
      }
      CHECK(e2e::fetch(server.port(), "GET", "/metrics", "", {{"Authorization", "Bearer anything-at-all-123"}}).status ==
            404);
      CHECK(app.calls.load() == 0);
      CHECK(e2e::fetch(server.port(), "GET", "/echo").status == 200);  // everything else as before
    }
    SUBCASE("a token configured") {
      config.metrics_token = "operator-token-0123456789";
      e2e::running_server server{config, app, metrics};
      const auto missing = e2e::fetch(server.port(), "GET", "/metrics");
      CHECK(missing.status == 401);
      CHECK(missing.header("WWW-Authenticate") == "Bearer");
      CHECK(e2e::fetch(server.port(), "GET", "/metrics", "", {{"Authorization", "Bearer wrong"}}).status == 401);
      CHECK(app.calls.load() == 0);
      const auto ok =
          e2e::fetch(server.port(), "GET", "/metrics", "", {{"Authorization", "Bearer operator-token-0123456789"}});
      CHECK(ok.status == 200);
      CHECK(app.calls.load() == 1);
    }
  }

  TEST_CASE("the metrics listener serves /metrics to whoever reaches it and nothing else") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.metrics_port = 0;
    e2e::running_server server{config, app, metrics};
    const auto metrics_port = server.server().metrics_port();
    REQUIRE(metrics_port.has_value());
    CHECK(*metrics_port != server.port());
    for (const auto* path : {"/api/v1/organisations", "/healthz", "/", "/metrics/"}) {
      CAPTURE(path);
      CHECK(e2e::fetch(*metrics_port, "GET", path).status == 404);
    }
    CHECK(app.calls.load() == 0);
    CHECK(e2e::fetch(*metrics_port, "GET", "/metrics").status == 200);
    CHECK(app.calls.load() == 1);
    // The application listener still refuses it (no token configured).
    CHECK(e2e::fetch(server.port(), "GET", "/metrics").status == 404);
    CHECK(app.calls.load() == 1);
  }

  TEST_CASE("the whole server: /metrics spellings that reach the metrics route need the token too") {
    e2e::live_server s;
    // Percent-encoding decodes to /metrics, so it is the same route and the same rule.
    CHECK(s.get("/%6Detrics").status == 401);
    CHECK(s.get("/metrics?format=text").status == 401);
    CHECK(s.get("/metrics/").status == 404);  // no such route
    const auto ok = s.get("/%6Detrics", e2e::test_metrics_token);
    CHECK(ok.status == 200);
    CHECK(ok.body.find("perkara_http_open_connections") != std::string::npos);
  }

  TEST_CASE("perkara serve: the transport flags are checked, and --metrics-token-file guards /metrics") {
    const testing::test_database db{false};
    REQUIRE(e2e::run_perkara({"migrate", "--db", db.url()}).exit_code == 0);
    const auto dir = std::filesystem::temp_directory_path();
    const auto token_file = dir / ("perkara-metrics-token-" + std::to_string(::getpid()));
    const auto short_file = dir / ("perkara-metrics-short-" + std::to_string(::getpid()));
    std::ofstream{token_file} << "  cli-metrics-token-0123456789\n";
    std::ofstream{short_file} << "too-short\n";
    for (const auto& bad : std::vector<std::vector<std::string>>{
             {"--max-connections-per-address", "-1"},
             {"--max-connections-per-address", "many"},
             {"--metrics-listen", "9464"},
             {"--metrics-listen", "127.0.0.1:70000"},
             {"--metrics-token-file", (dir / "perkara-no-such-token-file").string()},
             {"--metrics-token-file", short_file.string()},
         }) {
      CAPTURE(bad[0]);
      CAPTURE(bad[1]);
      std::vector<std::string> args{"serve", "--db", db.url(), "--listen", "127.0.0.1:0", bad[0], bad[1]};
      CHECK(e2e::run_perkara(args).exit_code == 1);
    }
    {
      e2e::background_server server{{"serve", "--db", db.url(), "--listen", "127.0.0.1:0", "--metrics-token-file",
                                     token_file.string(), "--max-connections-per-address", "4"}};
      CHECK(e2e::fetch(server.port(), "GET", "/metrics").status == 401);
      const auto ok =
          e2e::fetch(server.port(), "GET", "/metrics", "", {{"Authorization", "Bearer cli-metrics-token-0123456789"}});
      CHECK(ok.status == 200);
      CHECK(ok.body.find("perkara_http_open_connections") != std::string::npos);
      CHECK(server.signal_and_wait(SIGTERM) == 0);
    }
    std::filesystem::remove(token_file);
    std::filesystem::remove(short_file);
  }
}
