#pragma once
// What the server needs from the api layer: a request -> response function (which may block on the
// database, so the server calls it off the I/O threads) and the body limit of the route a request hits.

#include "api/http/message.hpp"

#include <cstddef>
#include <string_view>

namespace perkara::api {

class application {
 public:
  virtual ~application() = default;
  /// Handles one request. May block on the database: never call it on an I/O thread. Never throws.
  [[nodiscard]] virtual response handle(const request& req) const = 0;
  /// The body limit for the route that `method path` hits, known from the request head alone.
  [[nodiscard]] virtual std::size_t body_limit(std::string_view method, std::string_view path) const = 0;
  /// Whether the route's body is streamed to a staged file (request::staged_body) rather than read
  /// into memory; known from the request head alone.
  [[nodiscard]] virtual bool streams_body(std::string_view /*method*/, std::string_view /*path*/) const {
    return false;
  }
};

}  // namespace perkara::api
