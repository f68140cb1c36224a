#pragma once
// One route table: method + path pattern -> handler, with who may call it (docs/security.md) and a
// per-route body limit (Drogon's table, Beast's pure request -> response function). Patterns use
// `{name}` for one path segment.

#include "api/application.hpp"
#include "api/auth/access_policy.hpp"
#include "api/http/message.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::api {

class route_params {
 public:
  void add(std::string name, std::string value) { values_.emplace_back(std::move(name), std::move(value)); }
  [[nodiscard]] const std::string& get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

using handler = std::function<response(const request&, const route_params&)>;

inline constexpr std::size_t default_body_limit = std::size_t{1024} * 1024;  // 1 MiB

struct route_options {
  std::size_t body_limit = default_body_limit;
  bool requires_json_body = false;  // POST/PATCH with a body must be application/json (else 415)
  // The transport streams the body into the file store's staging area instead of memory, and hands
  // the handler request::staged_body (docs/documents.md "Upload"); body_limit then bounds the file.
  bool streamed_body = false;
  // Where the transport runs the handler (api/application.hpp): only handlers that never block may say
  // io_thread; bounded_read is for a short read served from one indexed row.
  execution runs = execution::worker;
};

/// One registered route as the access tests and docs see it.
struct route_entry {
  std::string method;
  std::string pattern;
  access_policy access;
};

class router {
 public:
  /// Registers a route. Its access policy is required: authenticate() enforces it for every request the
  /// route handles, and a non-public handler that answers 2xx without authenticating is a 500.
  void add(std::string method, std::string pattern, access_policy access, handler h, route_options options = {});

  /// Routes a request. Never throws: handler exceptions become problem+json (500 with no internals),
  /// except ports::over_budget_error, which the transport answers by running the request on a worker.
  [[nodiscard]] response handle(const request& req) const;

  /// The body limit of the route that `method path` would hit (the default when none matches).
  [[nodiscard]] std::size_t body_limit(std::string_view method, std::string_view path) const;
  /// Whether the route that `method path` would hit takes a streamed body (route_options::streamed_body).
  [[nodiscard]] bool streams_body(std::string_view method, std::string_view path) const;
  /// Where the route that `method path` would hit runs; an unmatched request (404/405, decided here
  /// without the database) on the I/O thread.
  [[nodiscard]] execution execution_of(std::string_view method, std::string_view path) const;

  /// Every registered (method, pattern), for the OpenAPI completeness test.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> routes() const;

  /// Every registered route with its access policy, in registration order (the access matrix test).
  [[nodiscard]] std::vector<route_entry> entries() const;

 private:
  struct route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    access_policy access;
    handler fn;
    route_options options;
  };
  [[nodiscard]] static bool matches(const route& r, const std::vector<std::string_view>& path,
                                    route_params* params);
  [[nodiscard]] const route* find(std::string_view method, std::string_view path) const;
  /// Runs the route's handler, again after a transient transaction conflict (router.cpp).
  [[nodiscard]] response run_handler(const route& hit, const request& req, const route_params& params) const;

  std::vector<route> routes_;
};

}  // namespace perkara::api
