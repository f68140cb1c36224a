#include "e2e/support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <stdexcept>

namespace perkara::e2e {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;

}  // namespace

std::optional<std::string> http_reply::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (beast::iequals(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

struct http_client::impl {
  net::io_context ioc;
  beast::tcp_stream stream{ioc};
  beast::flat_buffer buffer;
  std::chrono::milliseconds timeout;

  // Starts one asynchronous operation and runs the context until it completes; the stream's
  // expiry guarantees that it does.
  template <class Start>
  error_code drive(Start start) {
    error_code result;
    stream.expires_after(timeout);
    start([&result](error_code ec, auto&&...) { result = ec; });
    ioc.restart();
    ioc.run();
    return result;
  }
};

http_client::http_client(unsigned short port, std::chrono::milliseconds timeout, const std::string& host)
    : impl_(std::make_unique<impl>()) {
  impl_->timeout = timeout;
  const tcp::endpoint endpoint{net::ip::make_address(host), port};
  const auto ec = impl_->drive([&](auto handler) { impl_->stream.async_connect(endpoint, handler); });
  if (ec) {
    throw std::runtime_error("connect: " + ec.message());
  }
}

http_client::~http_client() {
  error_code ec;
  impl_->stream.socket().close(ec);
}

void http_client::set_timeout(std::chrono::milliseconds timeout) { impl_->timeout = timeout; }

void http_client::send_raw(std::string_view bytes) {
  const auto ec = impl_->drive(
      [&](auto handler) { net::async_write(impl_->stream, net::buffer(bytes.data(), bytes.size()), handler); });
  if (ec) {
    throw std::runtime_error("send: " + ec.message());
  }
}

void http_client::send_request(std::string_view method, std::string_view target, std::string_view body,
                               const header_list& headers) {
  std::string text;
  text.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  for (const auto& [name, value] : headers) {
    text.append(name).append(": ").append(value).append("\r\n");
  }
  if (!body.empty()) {
    text.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  text.append("\r\n").append(body);
  send_raw(text);
}

http_reply http_client::read_reply(bool head_request) {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  parser.skip(head_request);
  const auto ec =
      impl_->drive([&](auto handler) { http::async_read(impl_->stream, impl_->buffer, parser, handler); });
  if (ec) {
    throw std::runtime_error("read: " + ec.message());
  }
  const auto& message = parser.get();
  http_reply reply;
  reply.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    reply.headers.emplace_back(std::string{field.name_string()}, std::string{field.value()});
  }
  reply.body = message.body();
  reply.keep_alive = message.keep_alive();
  return reply;
}

http_reply http_client::request(std::string_view method, std::string_view target, std::string_view body,
                                const header_list& headers) {
  send_request(method, target, body, headers);
  return read_reply(method == "HEAD");
}

bool http_client::closed_by_peer(std::chrono::milliseconds wait) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  const auto saved = impl_->timeout;
  impl_->buffer.clear();
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left <= std::chrono::milliseconds{0}) {
      impl_->timeout = saved;
      return false;
    }
    impl_->timeout = left;
    const auto ec = impl_->drive(
        [&](auto handler) { impl_->stream.async_read_some(impl_->buffer.prepare(16 * 1024), handler); });
    impl_->buffer.clear();
    if (ec == beast::error::timeout) {
      impl_->timeout = saved;
      return false;
    }
    if (ec) {
      impl_->timeout = saved;
      return true;  // eof, reset
    }
  }
}

http_reply fetch(unsigned short port, std::string_view method, std::string_view target, std::string_view body,
                 const header_list& headers) {
  http_client client{port};
  return client.request(method, target, body, headers);
}

bool names_field(const http_reply& reply, std::string_view field) {
  const auto body = boost::json::parse(reply.body);
  const auto* errors = body.is_object() ? body.as_object().if_contains("errors") : nullptr;
  if (errors == nullptr || !errors->is_array()) {
    return false;
  }
  const auto& list = errors->as_array();
  return std::any_of(list.begin(), list.end(), [&](const auto& e) { return e.at("field").as_string() == field; });
}

}  // namespace perkara::e2e
