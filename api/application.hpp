#pragma once
// What the server needs from the api layer: a request -> response function (which may block on the
// database, so the server calls it off the I/O threads unless the route says otherwise) and what the
// route a request hits needs from the transport (body limit, streaming, where it runs).

#include "api/http/message.hpp"

#include <cstddef>
#include <string_view>

namespace perkara::api {

/// Where the transport runs a route's handler (docs/performance.md "The HTTP path").
enum class execution {
  /// A worker pool: the handler may block (the database, password hashing, files).
  worker,
  /// The I/O thread itself: the handler never blocks and needs no database (/healthz, 404/405).
  io_thread,
  /// The I/O thread under a ports::read_budget when the database bounds its reads
  /// (ports::database::bounded_reads); a read that would wait or runs past the budget is thrown out
  /// (ports::over_budget_error) and the request runs again on a worker. Elsewhere, a worker.
  bounded_read,
};

class application {
 public:
  virtual ~application() = default;
  /// Handles one request. May block on the database: call it on an I/O thread only as execution_of()
  /// allows. Never throws, except ports::over_budget_error under a ports::read_budget.
  [[nodiscard]] virtual response handle(const request& req) const = 0;
  /// The body limit for the route that `method path` hits, known from the request head alone.
  [[nodiscard]] virtual std::size_t body_limit(std::string_view method, std::string_view path) const = 0;
  /// Whether the route's body is streamed to a staged file (request::staged_body) rather than read
  /// into memory; known from the request head alone.
  [[nodiscard]] virtual bool streams_body(std::string_view /*method*/, std::string_view /*path*/) const {
    return false;
  }
  /// Where the route that `method path` hits runs; known from the request head alone.
  [[nodiscard]] virtual execution execution_of(std::string_view /*method*/, std::string_view /*path*/) const {
    return execution::worker;
  }
};

}  // namespace perkara::api
