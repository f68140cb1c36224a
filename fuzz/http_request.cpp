// Fuzz target: the HTTP request parser boundary. Bytes as they arrive on a connection go through Beast's
// request_parser with the server's limits (server/http_server.cpp serve_one: the header limit of
// http_config, no body limit until the route is known, then the route's body limit from the real route
// table) and the conversion to api::request (server/request_head.cpp). Pipelined requests are read one
// after another from the same bytes, as a kept-alive connection would. The application is not called.
#include "api/app.hpp"
#include "api/metrics/metrics.hpp"
#include "api/services.hpp"
#include "server/http_server.hpp"
#include "server/request_head.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace {

using namespace perkara;
namespace http = boost::beast::http;

void check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

// Building the route table and asking for body limits touches no storage.
class unused_database final : public ports::database {
 public:
  std::unique_ptr<ports::transaction> begin(ports::access) override { throw std::logic_error("no database"); }
  bool ready() override { return false; }
  [[nodiscard]] std::size_t pool_in_use() const override { return 0; }
  [[nodiscard]] std::size_t pool_size() const override { return 0; }
};

class fixed_clock final : public ports::clock {
 public:
  [[nodiscard]] domain::instant now() const override { return domain::instant{}; }
};

const api::application& application() {
  static unused_database db;
  static fixed_clock clock;
  static api::metrics metrics;
  static api::services services{db, clock, metrics, {}, {}};
  static const api::rest_application app{services};
  return app;
}

// Feeds `parser` from data[used..size) until `done(parser)`; false on a parse error or when the bytes
// run out first (the server would wait for more, then time out).
template <class Done>
bool feed(http::request_parser<http::string_body>& parser, const std::uint8_t* data, std::size_t size,
          std::size_t& used, boost::system::error_code& ec, Done done) {
  while (!done(parser)) {
    if (used == size) {
      return false;
    }
    const auto n = parser.put(boost::asio::buffer(data + used, size - used), ec);
    used += n;
    if (ec == http::error::need_more) {
      ec = {};
      if (n == 0) {
        return false;  // everything there is was offered: incomplete
      }
      continue;
    }
    if (ec) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& app = application();
  const server::http_config config;
  std::size_t used = 0;
  for (int pipelined = 0; pipelined < 8 && used < size; ++pipelined) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(
        std::min<std::size_t>(config.header_limit, std::numeric_limits<std::uint32_t>::max())));
    parser.body_limit(boost::none);
    parser.eager(false);
    boost::system::error_code ec;
    if (!feed(parser, data, size, used, ec, [](const auto& p) { return p.is_header_done(); })) {
      return 0;  // 431 or 400 and close, or the client went quiet
    }

    const auto& head = parser.get();
    const auto req = server::to_api_request(head, "fuzz");
    if (!req) {
      return 0;  // 400 and close
    }
    check(req->method == head.method_string());
    check(req->target == head.target());
    check(!req->path.empty());
    std::size_t fields = 0;
    for (const auto& field : head) {
      (void)field;
      ++fields;
    }
    check(req->headers.size() == fields);

    const std::size_t limit = app.body_limit(req->method, req->path);
    check(limit > 0);
    if (const auto length = parser.content_length(); length && *length > limit) {
      return 0;  // 413 and close
    }
    parser.body_limit(limit);
    parser.eager(true);
    if (!feed(parser, data, size, used, ec, [](const auto& p) { return p.is_done(); })) {
      if (!ec && used == size && parser.need_eof()) {
        parser.put_eof(ec);  // a body that ends with the connection
      }
      if (ec || !parser.is_done()) {
        return 0;
      }
    }
    const auto message = parser.release();
    check(message.body().size() <= limit);
    if (!message.keep_alive()) {
      return 0;  // the server closes after this response
    }
  }
  return 0;
}
