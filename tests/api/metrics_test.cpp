#include "api/metrics/metrics.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <limits>

#include <string>
#include <thread>
#include <vector>

using namespace perkara;

namespace {

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("metrics") {
  TEST_CASE("counters, cumulative histogram buckets and gauges in the text format") {
    api::metrics m;
    m.observe_request("GET", "/api/v1/cases/{id}", 200, 0.003);
    m.observe_request("GET", "/api/v1/cases/{id}", 200, 0.2);
    m.observe_request("GET", "/api/v1/cases/{id}", 200, 7.0);  // beyond the last bucket
    m.observe_request("POST", "/api/v1/cases", 422, 0.0005);
    m.connection_opened();
    m.connection_opened();
    m.connection_closed();
    CHECK(m.open_connections() == 1);
    const auto text = m.render(3, 8);
    CAPTURE(text);

    struct row {
      const char* line;
    };
    for (const auto& r : {
             row{"# TYPE perkara_http_requests_total counter\n"},
             row{"perkara_http_requests_total{method=\"GET\",route=\"/api/v1/cases/{id}\",status=\"200\"} 3\n"},
             row{"perkara_http_requests_total{method=\"POST\",route=\"/api/v1/cases\",status=\"422\"} 1\n"},
             row{"# TYPE perkara_http_request_duration_seconds histogram\n"},
             row{"perkara_http_request_duration_seconds_bucket{route=\"/api/v1/cases/{id}\",status=\"200\",le=\"0.001\"} 0\n"},
             row{"perkara_http_request_duration_seconds_bucket{route=\"/api/v1/cases/{id}\",status=\"200\",le=\"0.005\"} 1\n"},
             row{"perkara_http_request_duration_seconds_bucket{route=\"/api/v1/cases/{id}\",status=\"200\",le=\"0.1\"} 1\n"},
             row{"perkara_http_request_duration_seconds_bucket{route=\"/api/v1/cases/{id}\",status=\"200\",le=\"0.25\"} 2\n"},
             row{"perkara_http_request_duration_seconds_bucket{route=\"/api/v1/cases/{id}\",status=\"200\",le=\"5\"} 2\n"},
             row{"perkara_http_request_duration_seconds_bucket{route=\"/api/v1/cases/{id}\",status=\"200\",le=\"+Inf\"} 3\n"},
             row{"perkara_http_request_duration_seconds_count{route=\"/api/v1/cases/{id}\",status=\"200\"} 3\n"},
             row{"perkara_http_request_duration_seconds_bucket{route=\"/api/v1/cases\",status=\"422\",le=\"0.001\"} 1\n"},
             row{"# TYPE perkara_http_open_connections gauge\nperkara_http_open_connections 1\n"},
             row{"# TYPE perkara_db_pool_in_use gauge\nperkara_db_pool_in_use 3\n"},
             row{"# TYPE perkara_db_pool_size gauge\nperkara_db_pool_size 8\n"},
         }) {
      CAPTURE(r.line);
      CHECK(contains(text, r.line));
    }
    CHECK(contains(text, fmt::format("perkara_http_request_duration_seconds_sum{{route=\"/api/v1/cases/{{id}}\","
                                     "status=\"200\"}} {}\n",
                                     0.003 + 0.2 + 7.0)));
    // Every line is a comment or `name{labels} value`, and the text ends with a newline.
    CHECK(text.back() == '\n');
  }

  TEST_CASE("label values are escaped") {
    CHECK(api::escape_label_value(R"(a"b\c)") == R"(a\"b\\c)");
    CHECK(api::escape_label_value("x\ny") == "x\\ny");
    api::metrics m;
    m.observe_request("GET", "weird\"route\n", 500, 0.01);
    const auto text = m.render(0, 0);
    CHECK(contains(text, R"(route="weird\"route\n")"));
  }

  TEST_CASE("negative and NaN durations count as zero, empty metrics still render the gauges") {
    api::metrics m;
    CHECK(contains(m.render(0, 4), "perkara_db_pool_size 4\n"));
    CHECK(contains(m.render(0, 4), "perkara_http_open_connections 0\n"));
    m.observe_request("GET", "/x", 200, -1.0);
    m.observe_request("GET", "/x", 200, std::numeric_limits<double>::quiet_NaN());
    const auto text = m.render(0, 0);
    CHECK(contains(text, "perkara_http_request_duration_seconds_bucket{route=\"/x\",status=\"200\",le=\"0.001\"} 2\n"));
    CHECK(contains(text, "perkara_http_request_duration_seconds_sum{route=\"/x\",status=\"200\"} 0\n"));
  }

  TEST_CASE("thread-safe under concurrent observation") {
    api::metrics m;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&m] {
        for (int i = 0; i < 1000; ++i) {
          m.observe_request("GET", "/x", 200, 0.01);
          m.connection_opened();
          m.connection_closed();
        }
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    CHECK(contains(m.render(0, 0), "perkara_http_requests_total{method=\"GET\",route=\"/x\",status=\"200\"} 4000\n"));
    CHECK(m.open_connections() == 0);
  }
}

#include "api/metrics/notice_metrics.hpp"

TEST_SUITE("metrics") {
  TEST_CASE("the notice outbox counts and the age of the oldest pending notice") {
    ports::notice_counts c;
    c.pending = 3;
    c.sent = 10;
    c.failed = 1;
    c.oldest_pending = domain::instant{std::chrono::seconds{1000}};
    const auto text = api::render_notice_metrics(c, domain::instant{std::chrono::seconds{1090}});
    CHECK(text.find("perkara_notices{state=\"queued\"} 3\n") != std::string::npos);
    CHECK(text.find("perkara_notices{state=\"sent\"} 10\n") != std::string::npos);
    CHECK(text.find("perkara_notices{state=\"failed\"} 1\n") != std::string::npos);
    CHECK(text.find("perkara_notices_oldest_pending_seconds 90\n") != std::string::npos);
    CHECK(api::render_notice_metrics({}, domain::instant{}).find("oldest_pending_seconds 0\n") != std::string::npos);
  }
}
