// The ceiling of the HTTP stack (issue 20, docs/performance.md "The HTTP path"): a bare Boost.Beast
// 1.81 server with C++20 coroutines on one I/O thread, answering every request with the same small JSON
// body. No routing, no database, no log, no metrics: what the same libraries do with nothing else on
// the path. scripts/bench measures perkara against it in the same run.
//   perkara-bench-ceiling PORT   (prints "listening on http://127.0.0.1:PORT", port 0: any free port)

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr auto use_tuple = net::as_tuple(net::use_awaitable);
constexpr std::string_view body = R"({"status":"ok"})";

net::awaitable<void> session(beast::tcp_stream stream) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> req;
    auto [ec, n] = co_await http::async_read(stream, buffer, req, use_tuple);
    if (ec) {
      break;
    }
    http::response<http::string_body> res{http::status::ok, req.version()};
    res.set(http::field::content_type, "application/json");
    res.keep_alive(req.keep_alive());
    res.body() = body;
    res.prepare_payload();
    auto [wec, wn] = co_await http::async_write(stream, res, use_tuple);
    if (wec || !res.keep_alive()) {
      break;
    }
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

net::awaitable<void> listen(tcp::acceptor& acceptor) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
    if (ec) {
      co_return;
    }
    net::co_spawn(acceptor.get_executor(), session(beast::tcp_stream{std::move(socket)}), net::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto port = static_cast<unsigned short>(argc > 1 ? std::atoi(argv[1]) : 0);
  net::io_context ioc{1};
  tcp::acceptor acceptor{ioc, {net::ip::make_address("127.0.0.1"), port}};
  std::fprintf(stderr, "listening on http://127.0.0.1:%u\n", acceptor.local_endpoint().port());
  net::signal_set signals{ioc, SIGINT, SIGTERM};
  signals.async_wait([&](const beast::error_code&, int) { ioc.stop(); });
  net::co_spawn(ioc, listen(acceptor), net::detached);
  ioc.run();
  return 0;
}
