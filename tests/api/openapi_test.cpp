#include "api/app.hpp"
#include "api/metrics/metrics.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

using namespace perkara;

namespace {

// Building the route table touches no storage; any use of these fails the test loudly.
class unused_database final : public ports::database {
 public:
  std::unique_ptr<ports::transaction> begin(ports::access) override { throw std::logic_error("no database"); }
  bool ready() override { return false; }
  std::size_t pool_in_use() const override { return 0; }
  std::size_t pool_size() const override { return 0; }
};

class fixed_clock final : public ports::clock {
 public:
  domain::instant now() const override { return domain::instant{}; }
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

TEST_SUITE("openapi") {
  TEST_CASE("every routed method and path is described in the OpenAPI document") {
    unused_database db;
    fixed_clock clock;
    api::metrics metrics;
    api::services services{db, clock, metrics, {}, {}};
    const api::rest_application app{services};

    const auto doc = boost::json::parse(api::openapi_document()).as_object();
    CHECK(doc.at("openapi").as_string() == "3.1.0");
    const auto& paths = doc.at("paths").as_object();
    const auto routes = app.routes().routes();
    CHECK(routes.size() >= 20);
    for (const auto& [method, pattern] : routes) {
      CAPTURE(method);
      CAPTURE(pattern);
      const auto* path = paths.if_contains(pattern);
      REQUIRE(path != nullptr);
      CHECK(path->as_object().contains(lower(method)));
    }
  }

  TEST_CASE("every described operation is routed (no stale documentation)") {
    unused_database db;
    fixed_clock clock;
    api::metrics metrics;
    api::services services{db, clock, metrics, {}, {}};
    const api::rest_application app{services};
    const auto routes = app.routes().routes();
    const auto doc = boost::json::parse(api::openapi_document()).as_object();
    for (const auto& [path, item] : doc.at("paths").as_object()) {
      for (const auto& [method, operation] : item.as_object()) {
        CAPTURE(path);
        CAPTURE(method);
        const bool routed = std::any_of(routes.begin(), routes.end(), [&](const auto& r) {
          return r.second == path && lower(r.first) == method;
        });
        CHECK(routed);
      }
    }
  }
}
