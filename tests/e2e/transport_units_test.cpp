// The small transport policies on their own: access log lines, request ids, security headers,
// method labels, response heads.
#include "server/access_log.hpp"
#include "server/response_head.hpp"
#include "server/transport_headers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

using namespace perkara;
using namespace std::chrono;

TEST_SUITE("access_log") {
  TEST_CASE("one JSON object with exactly the allowed fields") {
    server::access_log_entry entry;
    entry.ts = sys_days{2024y / February / 7} + hours{3} + minutes{15} + seconds{9} + milliseconds{42};
    entry.request_id = "0123456789abcdef";
    entry.method = "GET";
    entry.route = "/api/v1/cases/{id}";
    entry.status = 200;
    entry.duration_ms = 12.3456;
    CHECK(server::format_access_log(entry) ==
          R"({"ts":"2024-02-07T03:15:09.042Z","request_id":"0123456789abcdef","method":"GET",)"
          R"("route":"/api/v1/cases/{id}","status":200,"duration_ms":12.346})");
  }

  TEST_CASE("values are escaped and nothing but the route pattern is logged") {
    server::access_log_entry entry;
    entry.ts = sys_days{2024y / January / 1};
    entry.request_id = "id\"x";
    entry.method = "GET";
    entry.route = "a\\b\n\x01";
    const auto line = server::format_access_log(entry);
    CAPTURE(line);
    CHECK(line.find(R"("request_id":"id\"x")") != std::string::npos);
    CHECK(line.find(R"("route":"a\\b\n\u0001")") != std::string::npos);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('?') == std::string::npos);
    CHECK(line.find("T00:00:00.000Z") != std::string::npos);
  }

  TEST_CASE("json_escape") {
    struct row {
      std::string in, out;
    };
    for (const auto& r : {row{"plain", "plain"}, row{"q\"", "q\\\""}, row{"\t\r", "\\t\\r"},
                          row{std::string{"\x7f"}, "\\u007f"}, row{"ü", "ü"}}) {
      CAPTURE(r.in);
      CHECK(server::json_escape(r.in) == r.out);
    }
  }
}

TEST_SUITE("transport_headers") {
  TEST_CASE("request ids are 16 lower-case hex characters and do not repeat") {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
      const auto id = server::make_request_id();
      REQUIRE(id.size() == 16);
      CHECK(std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }));
      seen.insert(id);
    }
    CHECK(seen.size() == 1000);
  }

  TEST_CASE("security headers, CSP only for HTML") {
    const auto json = server::security_headers("application/json");
    CHECK(json.size() == 3);
    const auto html = server::security_headers("text/html; charset=utf-8");
    REQUIRE(html.size() == 4);
    CHECK(html.back().first == "Content-Security-Policy");
    CHECK(html.back().second.find("frame-ancestors 'none'") != std::string_view::npos);
  }

  TEST_CASE("method labels are bounded") {
    struct row {
      const char* in;
      const char* out;
    };
    for (const auto& r :
         {row{"GET", "GET"}, row{"PATCH", "PATCH"}, row{"BREW", "OTHER"}, row{"get", "OTHER"}, row{"", "OTHER"}}) {
      CAPTURE(r.in);
      CHECK(server::method_label(r.in) == r.out);
    }
  }
}

TEST_SUITE("response_head") {
  TEST_CASE("status line, the handler's fields, the transport's fields and the length, in that order") {
    api::response res;
    res.status = 201;
    res.body = R"({"id":1})";
    res.set_header("ETag", "\"7\"");
    res.set_header("content-type", "text/plain");     // replaced by res.content_type
    res.set_header("X-Frame-Options", "SAMEORIGIN");  // the security headers are the server's
    res.set_header("Content-Length", "99");           // so is the length
    CHECK(server::response_head(res, 11, true, "0123456789abcdef") ==
          "HTTP/1.1 201 Created\r\n"
          "ETag: \"7\"\r\n"
          "Content-Type: application/json\r\n"
          "X-Content-Type-Options: nosniff\r\n"
          "Referrer-Policy: no-referrer\r\n"
          "X-Frame-Options: DENY\r\n"
          "X-Request-Id: 0123456789abcdef\r\n"
          "Content-Length: 8\r\n"
          "\r\n");
  }

  TEST_CASE("connection, bodiless statuses, a given length and a handler's own CSP") {
    api::response res;
    res.body = "abc";
    const auto closing = server::response_head(res, 11, false, "id");
    CHECK(closing.find("\r\nConnection: close\r\n") != std::string::npos);
    CHECK(server::response_head(res, 10, true, "id").find("\r\nConnection: keep-alive\r\n") != std::string::npos);
    CHECK(server::response_head(res, 10, false, "id").find("Connection") == std::string::npos);
    CHECK(server::response_head(res, 11, true, "id", 12345).find("\r\nContent-Length: 12345\r\n") != std::string::npos);
    for (const int status : {101, 204, 304}) {
      CAPTURE(status);
      res.status = status;
      const auto head = server::response_head(res, 11, true, "id");
      CHECK(head.find("Content-Length") == std::string::npos);
      CHECK(head.starts_with("HTTP/1.1 " + std::to_string(status) + " "));
    }
    api::response letter;
    letter.content_type = "text/html; charset=utf-8";
    letter.set_header("Content-Security-Policy", "default-src 'none'");
    const auto head = server::response_head(letter, 11, true, "id");
    CHECK(head.find("Content-Security-Policy: default-src 'none'\r\n") != std::string::npos);
    CHECK(head.find("Content-Security-Policy", head.find("Content-Security-Policy") + 1) == std::string::npos);
    api::response page;
    page.content_type = "text/html; charset=utf-8";
    CHECK(server::response_head(page, 11, true, "id").find("Content-Security-Policy: default-src 'self'") !=
          std::string::npos);
  }
}
