#pragma once
// A small synchronous HTTP/1.1 client for end-to-end tests: one TCP connection, raw bytes or whole
// requests out, parsed responses in. Every operation is bounded by a timeout, so a misbehaving server
// fails a test instead of hanging it. Beast stays in the .cpp.

#include "support/eventually.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perkara::e2e {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_reply {
  int status = 0;
  header_list headers;  // as received
  std::string body;
  bool keep_alive = false;

  /// Case-insensitive lookup of the first header with this name.
  [[nodiscard]] std::optional<std::string> header(std::string_view name) const;
};

/// True when the reply is a problem+json whose `errors` name `field`.
[[nodiscard]] bool names_field(const http_reply& reply, std::string_view field);

class http_client {
 public:
  /// Connects to host:port; throws std::runtime_error when that fails.
  explicit http_client(unsigned short port, std::chrono::milliseconds timeout = testing::patience,
                       const std::string& host = "127.0.0.1");
  ~http_client();
  http_client(const http_client&) = delete;
  http_client& operator=(const http_client&) = delete;

  /// The bound for each following operation.
  void set_timeout(std::chrono::milliseconds timeout);

  /// Writes bytes as they are; throws std::runtime_error on failure.
  void send_raw(std::string_view bytes);
  /// Writes an HTTP/1.1 request with Host and (for a non-empty body) Content-Length added.
  void send_request(std::string_view method, std::string_view target, std::string_view body = {},
                    const header_list& headers = {});
  /// Reads one response (for a HEAD request pass head_request, so no body is expected). Throws
  /// std::runtime_error on timeout, a closed connection or a malformed response.
  http_reply read_reply(bool head_request = false);
  /// send_request + read_reply.
  http_reply request(std::string_view method, std::string_view target, std::string_view body = {},
                     const header_list& headers = {});

  /// Waits up to `wait` for the server to close the connection, discarding anything it sends.
  /// True when it closed (end of stream or reset), false when still open after `wait` (the client
  /// then closes its end: a timed-out stream is unusable).
  bool closed_by_peer(std::chrono::milliseconds wait);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Connect, send one request, read the reply, disconnect.
http_reply fetch(unsigned short port, std::string_view method, std::string_view target, std::string_view body = {},
                 const header_list& headers = {});

}  // namespace perkara::e2e
