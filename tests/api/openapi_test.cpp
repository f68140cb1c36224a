#include "api/app.hpp"
#include "api/metrics/metrics.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>
#include <string>

using namespace perkara;

namespace {

// Building the route table touches no storage; any use of these fails the test
// loudly.
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

bool has_status(const boost::json::object& operation, const char* status) {
  return operation.at("responses").as_object().contains(status);
}

bool has_type(const boost::json::object& schema, std::string_view type) {
  const auto* t = schema.if_contains("type");
  if (t == nullptr) {
    return false;
  }
  if (t->is_string()) {
    return t->as_string() == type;
  }
  if (!t->is_array()) {
    return false;
  }
  const auto& list = t->as_array();
  return std::any_of(list.begin(), list.end(), [&](const auto& v) { return v.as_string() == type; });
}

// Walks a response schema and the component schemas it references: every object
// with properties is closed (additionalProperties: false) and lists what it
// requires; an object without properties says what it holds
// (additionalProperties), so no bare {"type": "object"} is left.
void check_closed(const boost::json::value& node, const boost::json::object& schemas, std::set<std::string>& seen,
                  const std::string& where) {
  if (node.is_array()) {
    for (const auto& v : node.as_array()) {
      check_closed(v, schemas, seen, where);
    }
    return;
  }
  if (!node.is_object()) {
    return;
  }
  const auto& o = node.as_object();
  if (const auto* ref = o.if_contains("$ref")) {
    const std::string name{ref->as_string().subview().substr(ref->as_string().subview().rfind('/') + 1)};
    if (seen.insert(name).second) {
      check_closed(schemas.at(name), schemas, seen, name);
    }
    return;
  }
  CAPTURE(where);
  if (o.contains("properties")) {
    const auto* extra = o.if_contains("additionalProperties");
    CHECK((extra != nullptr && extra->is_bool() && !extra->as_bool()));
    CHECK(o.contains("required"));
  } else if (has_type(o, "object")) {
    CHECK(o.contains("additionalProperties"));
  }
  for (const auto& [key, value] : o) {
    if (key == "properties") {  // a map of names to schemas, not a schema
      for (const auto& [name, property] : value.as_object()) {
        check_closed(property, schemas, seen, where + "." + std::string{name});
      }
    } else if (key != "required" && key != "enum" && key != "const") {
      check_closed(value, schemas, seen, where + "/" + std::string{key});
    }
  }
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
        const bool routed = std::any_of(routes.begin(), routes.end(),
                                        [&](const auto& r) { return r.second == path && lower(r.first) == method; });
        CHECK(routed);
      }
    }
  }

  TEST_CASE(
      "every operation has a unique operationId and lists the problems "
      "its route can answer") {
    unused_database db;
    fixed_clock clock;
    api::metrics metrics;
    api::services services{db, clock, metrics, {}, {}};
    const api::rest_application app{services};
    const auto doc = boost::json::parse(api::openapi_document()).as_object();
    const auto& paths = doc.at("paths").as_object();
    std::set<std::string> ids;
    for (const auto& entry : app.routes().entries()) {
      CAPTURE(entry.method);
      CAPTURE(entry.pattern);
      const auto& operation = paths.at(entry.pattern).at(lower(entry.method)).as_object();
      const auto* id = operation.if_contains("operationId");
      REQUIRE(id != nullptr);
      CHECK(ids.insert(std::string{id->as_string()}).second);
      CHECK(has_status(operation, "500"));
      const bool is_public = entry.access.who() == api::audience::everyone;
      const auto* security = operation.if_contains("security");
      CHECK(is_public == (security != nullptr && security->as_array().empty()));
      if (!is_public) {
        CHECK(has_status(operation, "401"));
        CHECK(has_status(operation, "403"));
      }
      if (entry.pattern.find('{') != std::string::npos) {
        CHECK(has_status(operation, "404"));
      }
      if (operation.contains("requestBody")) {
        CHECK(has_status(operation, "400"));
        CHECK(has_status(operation, "413"));
        CHECK(has_status(operation, "415"));
        CHECK(has_status(operation, "422"));
      }
    }
  }

  TEST_CASE(
      "every object a response can hold is closed and lists its required "
      "fields") {
    const auto doc = boost::json::parse(api::openapi_document()).as_object();
    const auto& schemas = doc.at("components").at("schemas").as_object();
    std::set<std::string> seen;
    for (const auto& [path, item] : doc.at("paths").as_object()) {
      for (const auto& [method, operation] : item.as_object()) {
        for (const auto& [status, response] : operation.at("responses").as_object()) {
          if (const auto* content = response.as_object().if_contains("content")) {
            check_closed(*content, schemas, seen,
                         std::string{path} + " " + std::string{method} + " " + std::string{status});
          }
        }
      }
    }
    CHECK(seen.contains("DisputeList"));
  }
}
