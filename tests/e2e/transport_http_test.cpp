// End-to-end tests of the HTTP transport: a real http_server on a free port, fake applications, and
// the synchronous test client. Waits end on events (a request held at a gate, a closed connection, a
// counter reaching its value), never after a fixed time (tests/README.md, "Timing").
#include "server/http_server.hpp"

#include "e2e/support/http_client.hpp"
#include "e2e/support/running_server.hpp"
#include "e2e/transport_fakes.hpp"
#include "support/eventually.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <csignal>
#include <future>
#include <string>
#include <thread>
#include <vector>

using namespace perkara;
using namespace std::chrono_literals;
using testing::eventually;
using testing::patience;

namespace {

bool is_request_id(const std::optional<std::string>& id) {
  return id && id->size() == 16 &&
         std::all_of(id->begin(), id->end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

void check_security_headers(const e2e::http_reply& reply) {
  CHECK(reply.header("X-Content-Type-Options") == "nosniff");
  CHECK(reply.header("Referrer-Policy") == "no-referrer");
  CHECK(reply.header("X-Frame-Options") == "DENY");
  CHECK(is_request_id(reply.header("X-Request-Id")));
}

}  // namespace

TEST_SUITE("transport") {
  TEST_CASE("a request gets its response, and a kept-alive connection serves a second one") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    e2e::http_client client{server.port()};

    const auto first = client.request("GET", "/users/123?name=secret", "", {{"Accept", "application/json"}});
    CHECK(first.status == 200);
    CHECK(first.keep_alive);
    CHECK(first.header("Content-Type") == "application/json");
    CHECK(first.header("Content-Length") == std::to_string(first.body.size()));
    CHECK(first.body.find("\"path\":\"/users/123\"") != std::string::npos);
    CHECK(first.body.find("\"query\":1") != std::string::npos);
    check_security_headers(first);
    CHECK_FALSE(first.header("Content-Security-Policy"));  // JSON, not HTML
    // The id the application saw is the one returned to the client.
    CHECK(first.body.find("\"request_id\":\"" + first.header("X-Request-Id").value_or("?") + "\"") !=
          std::string::npos);

    const auto second = client.request("POST", "/created", "{\"a\":1}", {{"Content-Type", "application/json"}});
    CHECK(second.status == 201);
    CHECK(second.body.find("\"body_size\":7") != std::string::npos);
    CHECK(second.header("X-Request-Id") != first.header("X-Request-Id"));
    CHECK(app.calls.load() == 2);

    // Metrics saw both requests under their route patterns, never the raw path. They are recorded
    // once the response is written, so the client may be a moment ahead.
    CHECK(eventually([&] { return metrics.render(0, 0).find("route=\"/echo\",status=\"201\"") != std::string::npos; }));
    const auto text = metrics.render(0, 0);
    CHECK(text.find(R"(perkara_http_requests_total{method="GET",route="/users/{id}",status="200"} 1)") !=
          std::string::npos);
    CHECK(text.find(R"(perkara_http_requests_total{method="POST",route="/echo",status="201"} 1)") !=
          std::string::npos);
    CHECK(text.find("/users/123") == std::string::npos);
    CHECK(metrics.open_connections() == 1);
  }

  TEST_CASE("pipelined requests are answered in order") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    e2e::http_client client{server.port()};
    client.send_raw("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto a = client.read_reply();
    const auto b = client.read_reply();
    CHECK(a.body.find("\"path\":\"/a\"") != std::string::npos);
    CHECK(b.body.find("\"path\":\"/b\"") != std::string::npos);
  }

  TEST_CASE("HEAD gets the headers of GET and no body, 204 gets no Content-Length") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    e2e::http_client client{server.port()};
    const auto get = client.request("GET", "/x");
    const auto head = client.request("HEAD", "/x");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    REQUIRE(head.header("Content-Length"));
    CHECK(std::stoul(*head.header("Content-Length")) > 0);
    CHECK(get.body.size() == std::stoul(*head.header("Content-Length")) - 1);  // "GET" vs "HEAD" in the echo
    const auto empty = client.request("DELETE", "/empty");
    CHECK(empty.status == 204);
    CHECK_FALSE(empty.header("Content-Length"));
    // The connection is still in sync after HEAD and 204.
    CHECK(client.request("GET", "/y").status == 200);
  }

  TEST_CASE("HTML responses carry the Content-Security-Policy") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    const auto reply = e2e::fetch(server.port(), "GET", "/html");
    CHECK(reply.status == 200);
    check_security_headers(reply);
    CHECK(reply.header("Content-Security-Policy") ==
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
          "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  }

  TEST_CASE("router outcomes pass through: 404, 405 with Allow, 415, 400 malformed JSON, 413") {
    e2e::router_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    struct row {
      std::string method, target, body;
      e2e::header_list headers;
      int status;
    };
    const std::vector<row> rows{
        {"GET", "/api/v1/things/7", "", {}, 200},
        {"GET", "/api/v1/nothing", "", {}, 404},
        {"DELETE", "/api/v1/things/7", "", {}, 405},
        {"POST", "/api/v1/things", "{\"a\":1}", {{"Content-Type", "text/plain"}}, 415},
        {"POST", "/api/v1/things", "{\"a\":", {{"Content-Type", "application/json"}}, 400},
        {"POST", "/api/v1/things", "{\"a\":1}", {{"Content-Type", "application/json"}}, 201},
        {"POST", "/api/v1/things", "{\"a\":\"" + std::string(100, 'x') + "\"}", {{"Content-Type", "application/json"}},
         413},
    };
    for (const auto& r : rows) {
      CAPTURE(r.method);
      CAPTURE(r.target);
      const auto reply = e2e::fetch(server.port(), r.method, r.target, r.body, r.headers);
      CHECK(reply.status == r.status);
      check_security_headers(reply);
      if (r.status >= 400) {
        CHECK(reply.header("Content-Type") == "application/problem+json");
        CHECK(reply.body.find("\"status\":" + std::to_string(r.status)) != std::string::npos);
      }
      if (r.status == 405) {
        CHECK(reply.header("Allow") == "GET, PUT");
      }
      if (r.status == 413) {
        CHECK_FALSE(reply.keep_alive);
      }
    }
  }

  TEST_CASE("an invalid request target is a 400 problem") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    for (const std::string target : {"/%zz", "/a%", "http://example.com/x", "*"}) {
      CAPTURE(target);
      e2e::http_client client{server.port()};
      const auto reply = client.request("GET", target);
      CHECK(reply.status == 400);
      CHECK(reply.header("Content-Type") == "application/problem+json");
      CHECK(is_request_id(reply.header("X-Request-Id")));
      CHECK_FALSE(reply.keep_alive);
    }
    CHECK(app.calls.load() == 0);
  }

  TEST_CASE("malformed HTTP is a 400 problem and the connection is closed") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    const std::vector<std::string> inputs{
        "HELLO\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "GET / HTTP/1.1\r\nBad Header\r\n\r\n",
    };
    for (const auto& input : inputs) {
      CAPTURE(input);
      e2e::http_client client{server.port()};
      client.send_raw(input);
      const auto reply = client.read_reply();
      CHECK(reply.status == 400);
      CHECK(reply.header("Content-Type") == "application/problem+json");
      CHECK(client.closed_by_peer(patience));
    }
    CHECK(app.calls.load() == 0);
    CHECK(eventually([&] { return metrics.render(0, 0).find(R"(route="unmatched",status="400")") != std::string::npos; }));
  }

  TEST_CASE("a body over the route limit is a 413 problem, by Content-Length or chunked") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    SUBCASE("Content-Length over the limit, body never read") {
      e2e::http_client client{server.port()};
      client.send_raw("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n" + std::string(17, 'a'));
      const auto reply = client.read_reply();
      CHECK(reply.status == 413);
      CHECK(reply.header("Content-Type") == "application/problem+json");
      CHECK_FALSE(reply.keep_alive);
    }
    SUBCASE("a large body on a 1 MiB route is refused without a reset") {
      e2e::http_client client{server.port()};
      client.send_raw("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n" + std::string(100000, 'a'));
      const auto reply = client.read_reply();
      CHECK(reply.status == 413);
    }
    SUBCASE("chunked over the limit") {
      e2e::http_client client{server.port()};
      client.send_raw("POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n" +
                      std::string(16, 'a') + "\r\n1\r\nb\r\n0\r\n\r\n");
      const auto reply = client.read_reply();
      CHECK(reply.status == 413);
    }
    SUBCASE("exactly at the limit is fine") {
      e2e::http_client client{server.port()};
      CHECK(client.request("POST", "/small", std::string(16, 'a')).status == 200);
    }
    CHECK(app.calls.load() <= 1);
  }

  TEST_CASE("headers over 8 KiB are refused with 431") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    e2e::http_client client{server.port()};
    client.send_raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n");
    const auto reply = client.read_reply();
    CHECK(reply.status == 431);
    CHECK(reply.header("Content-Type") == "application/problem+json");
    CHECK(reply.body.find("\"status\":431") != std::string::npos);
    CHECK(reply.body.find("Internal") == std::string::npos);
    CHECK(app.calls.load() == 0);
    // Just under the limit passes.
    CHECK(e2e::fetch(server.port(), "GET", "/", "", {{"X-Big", std::string(7000, 'a')}}).status == 200);
  }

  TEST_CASE("Expect: 100-continue gets an interim 100 before the body is sent") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    e2e::http_client client{server.port()};
    client.send_raw("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    CHECK(client.read_reply().status == 100);
    client.send_raw("hello");
    const auto reply = client.read_reply();
    CHECK(reply.status == 200);
    CHECK(reply.body.find("\"body_size\":5") != std::string::npos);
  }

  TEST_CASE("a handler that throws gives a 500 without internals, and the server keeps serving") {
    e2e::echo_app app;
    api::metrics metrics;
    e2e::running_server server{e2e::test_http_config(), app, metrics};
    const auto reply = e2e::fetch(server.port(), "GET", "/throw");
    CHECK(reply.status == 500);
    CHECK(reply.body.find("secret") == std::string::npos);
    CHECK(e2e::fetch(server.port(), "GET", "/ok").status == 200);
  }

  TEST_CASE("a client sending one byte per 200 ms is cut off after read_timeout") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.read_timeout = 1s;
    e2e::running_server server{config, app, metrics};
    e2e::http_client client{server.port()};
    // Sent whole at this pace, the request would take over a minute; read_timeout covers all of it, so the
    // server must hang up long before the last byte. Pacing with a sleep is the workload here (a slow
    // client); nothing is asserted about how long anything took.
    const std::string request = "GET /slowloris HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(270, 'a') + "\r\n\r\n";
    std::size_t sent = 0;
    for (; sent < request.size(); ++sent) {
      try {
        client.send_raw(request.substr(sent, 1));
      } catch (const std::exception&) {
        break;  // the server closed: the byte after the close was answered with a reset
      }
      std::this_thread::sleep_for(200ms);
    }
    CHECK(sent < request.size());
    CHECK(app.calls.load() == 0);
  }

  TEST_CASE("an idle kept-alive connection is closed after keep_alive_timeout") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.keep_alive_timeout = 300ms;
    e2e::running_server server{config, app, metrics};
    e2e::http_client client{server.port()};
    CHECK(client.request("GET", "/x").status == 200);
    CHECK(client.closed_by_peer(patience));
    CHECK(eventually([&] { return metrics.open_connections() == 0; }));
  }

  TEST_CASE("stop() lets the request in flight finish, closes idle connections and returns from run()") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.shutdown_grace = 2 * patience;  // run() returning within `patience` proves it did not wait for it
    e2e::running_server server{config, app, metrics};
    e2e::http_client idle{server.port()};
    CHECK(idle.request("GET", "/x").status == 200);

    e2e::http_client busy{server.port()};
    busy.send_request("GET", "/held");
    REQUIRE(app.held.wait_for_arrival());
    server.server().stop();  // the request is certainly in flight: it waits at the gate
    app.held.open();
    CHECK(server.stop(patience));
    const auto reply = busy.read_reply();
    CHECK(reply.status == 200);
    CHECK_FALSE(reply.keep_alive);  // the server is going away
    CHECK(idle.closed_by_peer(patience));
    CHECK(metrics.open_connections() == 0);
    // Nothing listens any more.
    CHECK_THROWS(e2e::fetch(server.port(), "GET", "/x"));
  }

  TEST_CASE("stop() with nothing in flight returns at once, stop() before run() works too") {
    e2e::echo_app app;
    api::metrics metrics;
    {
      auto config = e2e::test_http_config();
      config.shutdown_grace = 2 * patience;  // returning within `patience` proves it did not wait for it
      e2e::running_server server{config, app, metrics};
      CHECK(e2e::fetch(server.port(), "GET", "/x").status == 200);
      CHECK(server.stop(patience));
    }
    {
      server::http_server bare{e2e::test_http_config(), app, metrics};
      bare.stop();
      auto done = std::async(std::launch::async, [&] { bare.run(); });
      CHECK(done.wait_for(patience) == std::future_status::ready);
    }
    {
      // Never run at all: construction and destruction alone are fine.
      server::http_server unused{e2e::test_http_config(), app, metrics};
      CHECK(unused.port() != 0);
    }
  }

  TEST_CASE("with handle_signals(true), SIGTERM stops the server gracefully") {
    e2e::echo_app app;
    api::metrics metrics;
    server::http_server srv{e2e::test_http_config(), app, metrics};
    srv.handle_signals(true);
    std::atomic<bool> returned{false};
    std::thread runner{[&] {
      srv.run();
      returned.store(true);
    }};
    // A served request proves run() has started, and it installs the handlers before accepting.
    CHECK(e2e::fetch(srv.port(), "GET", "/x").status == 200);
    std::raise(SIGTERM);
    const bool stopped = eventually([&] { return returned.load(); });
    CHECK(stopped);
    if (!stopped) {
      srv.stop();
    }
    runner.join();
  }

  TEST_CASE("a request that outlives the grace period does not hang shutdown") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.shutdown_grace = 0ms;  // over as soon as shutdown begins, while the request waits at the gate
    e2e::running_server server{config, app, metrics};
    e2e::http_client busy{server.port()};
    busy.send_request("GET", "/held");
    REQUIRE(app.held.wait_for_arrival());
    server.server().stop();
    app.held.open();
    CHECK(server.stop(patience));
  }

  TEST_CASE("connections beyond max_connections are refused, not crashed on") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.max_connections = 2;
    e2e::running_server server{config, app, metrics};
    e2e::http_client a{server.port()};
    e2e::http_client b{server.port()};
    CHECK(a.request("GET", "/a").status == 200);
    CHECK(b.request("GET", "/b").status == 200);
    {
      e2e::http_client c{server.port()};
      bool refused = false;
      try {
        const auto reply = c.request("GET", "/c");
        refused = reply.status == 503;
      } catch (const std::exception&) {
        refused = true;  // closed before the canned 503 was read
      }
      CHECK(refused);
    }
    CHECK(app.calls.load() == 2);
    CHECK(metrics.open_connections() == 2);
    CHECK(a.closed_by_peer(10ms) == false);  // times out: closes our end of `a`
    CHECK(eventually([&] { return metrics.open_connections() <= 1; }));
    CHECK(e2e::fetch(server.port(), "GET", "/d").status == 200);
  }

  TEST_CASE("several io threads serve concurrent clients") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.io_threads = 2;
    config.read_workers = 4;
    config.write_workers = 4;
    e2e::running_server server{config, app, metrics};
    std::vector<std::future<int>> results;
    results.reserve(6);
    for (int t = 0; t < 6; ++t) {
      results.push_back(std::async(std::launch::async, [port = server.port()] {
        e2e::http_client client{port};
        int ok = 0;
        for (int i = 0; i < 10; ++i) {
          ok += client.request("GET", "/c?i=" + std::to_string(i)).status == 200 ? 1 : 0;
        }
        return ok;
      }));
    }
    for (auto& r : results) {
      CHECK(r.get() == 10);
    }
    CHECK(app.calls.load() == 60);
    CHECK(server.stop(patience));
  }

  TEST_CASE(
      "what needs no database answers on the I/O thread while the workers are held, a bounded read "
      "runs there too, and one stopped at its budget runs again on a worker without stalling the rest") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.io_threads = 1;
    config.read_workers = 1;
    config.inline_reads = true;
    e2e::running_server server{config, app, metrics};

    // The one read worker is held: whatever still answers did not need it.
    auto held =
        std::async(std::launch::async, [port = server.port()] { return e2e::fetch(port, "GET", "/held").status; });
    REQUIRE(app.held.wait_for_arrival());
    CHECK(e2e::fetch(server.port(), "GET", "/inline").status == 200);
    CHECK(e2e::fetch(server.port(), "GET", "/bounded").status == 200);
    const auto io_thread = app.handled_on("/inline");
    CHECK(app.handled_on("/bounded") == io_thread);
    CHECK(app.handled_on("/held") != io_thread);
    app.held.open();
    CHECK(held.get() == 200);

    // A read the database stops at its budget moves to the worker, where it is held; meanwhile the
    // I/O thread goes on answering.
    const int before = app.calls.load();
    auto over =
        std::async(std::launch::async, [port = server.port()] { return e2e::fetch(port, "GET", "/bounded-over"); });
    REQUIRE(app.held_read.wait_for_arrival());
    CHECK(app.handled_on("/bounded-over") != io_thread);
    CHECK(e2e::fetch(server.port(), "GET", "/inline").status == 200);
    app.held_read.open();
    const auto reply = over.get();
    CHECK(reply.status == 200);
    CHECK(reply.body.find("\"path\":\"/bounded-over\"") != std::string::npos);
    CHECK(app.calls.load() == before + 3);  // tried on the I/O thread, run on the worker, one /inline
    CHECK(server.stop(patience));
  }

  TEST_CASE("without inline reads (a database that cannot bound them) a bounded read runs on a worker") {
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.io_threads = 1;
    e2e::running_server server{config, app, metrics};
    CHECK(e2e::fetch(server.port(), "GET", "/inline").status == 200);
    CHECK(e2e::fetch(server.port(), "GET", "/bounded").status == 200);
    CHECK(app.handled_on("/bounded") != app.handled_on("/inline"));
    CHECK(server.stop(patience));
  }
}
