// Error statuses and the meta endpoints through the real server.
#include "e2e/support/live_server.hpp"
#include "support/eventually.hpp"

#include <boost/json/parse.hpp>

#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::e2e;

namespace {
boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }
}  // namespace

TEST_SUITE("e2e errors and meta") {
  TEST_CASE("every error status is problem+json") {
    live_server s;
    const auto token = s.token_for("admin.babel", domain::role::ki_admin, "ki-babel");
    struct row {
      const char* name;
      http_reply reply;
      int status;
    };
    const row rows[] = {
        {"unknown route", s.get("/api/v1/nothing-here"), 404},
        {"wrong method", s.send("PUT", "/api/v1/me", "", token, {}), 405},
        {"malformed JSON", s.post("/api/v1/users", "{\"username\": ", token), 400},
        {"not an object", s.post("/api/v1/users", "[1,2]", token), 422},
        {"wrong content type", s.send("POST", "/api/v1/sessions", "username=x", "", {{"Content-Type", "text/plain"}}), 415},
        {"too large", s.post("/api/v1/sessions", std::string(20 * 1024, ' '), ""), 413},
        {"no credentials", s.get("/api/v1/users"), 401},
        {"wrong role", s.post("/api/v1/rulesets/general/versions", "{}", s.token_for("ppid", domain::role::ppid, "kpu-bangka")), 403},
    };
    for (const auto& r : rows) {
      CAPTURE(r.name);
      CHECK(r.reply.status == r.status);
      CHECK(r.reply.header("Content-Type") == std::optional<std::string>{"application/problem+json"});
      if (r.status != 413) {
        CHECK(json_of(r.reply).at("status").as_int64() == r.status);
      }
    }
    CHECK(rows[1].reply.header("Allow") == std::optional<std::string>{"GET"});
  }

  TEST_CASE("health, readiness, metrics and the OpenAPI document") {
    live_server s;
    CHECK(s.get("/healthz").status == 200);
    const auto ready = s.get("/readyz");
    CHECK(ready.status == 200);
    CHECK(json_of(ready).at("status").as_string() == "ready");
    s.get("/api/v1/organisations");
    // /metrics is for the operator: 401 without the token (a token is configured), 200 with it.
    CHECK(s.get("/metrics").status == 401);
    // A request is counted after its response is written, so the count may trail the reply by a moment.
    http_reply metrics;
    const bool counted = testing::eventually([&] {
      metrics = s.get("/metrics", test_metrics_token);
      return metrics.status == 200 &&
             metrics.body.find("perkara_http_requests_total{method=\"GET\",route=\"/api/v1/organisations\",status=\"200\"} 1") !=
                 std::string::npos;
    });
    REQUIRE(metrics.status == 200);
    CHECK(counted);
    CHECK(metrics.body.find("perkara_db_pool_size 4") != std::string::npos);
    const auto doc = s.get("/api/v1/openapi.json");
    REQUIRE(doc.status == 200);
    CHECK(json_of(doc).at("openapi").as_string() == "3.1.0");
  }
}
