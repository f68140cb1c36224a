#include "server/http_server.hpp"

#include "api/http/file_body.hpp"
#include "api/http/problem.hpp"
#include "domain/ports/database.hpp"
#include "persistence/files/disk_file_store.hpp"
#include "server/access_log.hpp"
#include "server/blocking.hpp"
#include "server/client_address.hpp"
#include "server/metrics_access.hpp"
#include "server/peer_address.hpp"
#include "server/request_framing.hpp"
#include "server/request_head.hpp"
#include "server/response_head.hpp"
#include "server/static_files.hpp"
#include "server/transport_headers.hpp"

#include <fmt/format.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace perkara::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using error_code = boost::system::error_code;
using steady = std::chrono::steady_clock;
using file_response = http::response<http::file_body>;

constexpr auto use_tuple = net::as_tuple(net::use_awaitable);
constexpr std::size_t read_chunk = std::size_t{16} * 1024;
// A streamed upload is read and written to its staged file in pieces of this size (one buffer per
// upload in flight, so ten 20 MB uploads hold 640 KiB of body, not 200 MB).
constexpr std::size_t upload_chunk = std::size_t{64} * 1024;
constexpr std::size_t linger_drain_limit = std::size_t{1024} * 1024;
constexpr std::chrono::milliseconds linger_timeout{2000};
constexpr std::string_view unmatched_route = "unmatched";

void log_error(std::string_view where, std::string_view what) {
  auto line = fmt::format(R"({{"level":"error","component":"http","where":"{}","error":"{}"}})", json_escape(where),
                          json_escape(what));
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stderr);
}

// The co_spawn completion handler: a null exception_ptr is the normal end; never re-throw here.
auto completion(std::string_view what) {
  return [what](const std::exception_ptr& e) {
    if (!e) {
      return;
    }
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      log_error(what, ex.what());
    } catch (...) {
      log_error(what, "unknown exception");
    }
  };
}

// Malformed HTTP (answered with 400), as opposed to the peer going away mid-message.
bool is_parse_error(const error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

// A problem+json response for errors found by the transport itself. problem_title() has no entry for
// 431 and 501, which only the transport answers, so their titles are filled in here.
api::response transport_problem(int status, std::string detail, const std::string& request_id) {
  api::request req;
  req.request_id = request_id;
  auto res = api::problem_response(api::problem{status, std::move(detail)}, req);
  const char* title = status == 431   ? "Kolom header terlalu besar / Request header fields too large"
                      : status == 501 ? "Tidak didukung / Not implemented"
                                      : nullptr;
  if (title != nullptr) {
    auto body = boost::json::parse(res.body).as_object();
    body["title"] = title;
    res.body = boost::json::serialize(body);
  }
  res.route = std::string{unmatched_route};
  return res;
}

// The status line and headers of a file answer, in Beast's message (server/response_head.hpp decides
// which fields; every other answer is written by wire_response below without Beast's field container).
void set_head(file_response& out, const api::response& res, unsigned version, bool keep_alive,
              const std::string& request_id) {
  out.version(version);
  out.result(static_cast<unsigned>(res.status));
  for_each_response_field(res, request_id,
                          [&out](std::string_view name, std::string_view value) { out.insert(name, value); });
  out.keep_alive(keep_alive);
}

// An answer held in memory as it goes on the wire: its head (server/response_head.hpp) and its body,
// written together with one gathered write.
struct wire_response {
  int status = 0;
  std::string head;
  std::string body;  // empty for HEAD and bodiless statuses
};

wire_response to_wire(api::response res, unsigned version, bool head_only, bool keep_alive,
                      const std::string& request_id, std::optional<std::size_t> content_length = std::nullopt) {
  if (res.status < 100 || res.status > 599) {
    res = transport_problem(500, "Terjadi kesalahan tak terduga / Unexpected error", request_id);
  }
  wire_response out;
  out.status = res.status;
  // HEAD: the Content-Length of the GET response, but no body.
  out.head = response_head(res, version, keep_alive, request_id, content_length);
  if (!head_only && !bodiless_status(res.status)) {
    out.body = std::move(res.body);
  }
  return out;
}

// An answer whose body is a file (a document download, api/http/file_body.hpp), sent from the disk
// in pieces rather than read into memory. nullopt when the file cannot be opened.
std::optional<file_response> to_beast_file(const api::response& res, const std::string& path, unsigned version,
                                           bool keep_alive, const std::string& request_id) {
  error_code ec;
  http::file_body::value_type body;
  body.open(path.c_str(), beast::file_mode::scan, ec);
  if (ec) {
    return std::nullopt;
  }
  file_response out;
  set_head(out, res, version, keep_alive, request_id);
  out.body() = std::move(body);
  out.prepare_payload();
  return out;
}

// Opens, binds and listens (throws std::system_error when the address is taken or invalid).
unsigned short listen_on(tcp::acceptor& acceptor, net::io_context& ioc, const std::string& host, unsigned short port) {
  tcp::resolver resolver{ioc};
  const auto results =
      resolver.resolve(host, std::to_string(port), tcp::resolver::passive | tcp::resolver::numeric_service);
  const tcp::endpoint endpoint = *results.begin();
  acceptor.open(endpoint.protocol());
  acceptor.set_option(net::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(net::socket_base::max_listen_connections);
  return acceptor.local_endpoint().port();
}

// Every Transfer-Encoding field of a request joined with ", " (a list may be split over fields).
std::optional<std::string> transfer_encoding_of(const http::request_header<>& head) {
  std::optional<std::string> joined;
  for (auto [it, end] = head.equal_range(http::field::transfer_encoding); it != end; ++it) {
    joined = joined ? *joined + ", " + std::string{it->value()} : std::string{it->value()};
  }
  return joined;
}

}  // namespace

// A connection as the shutdown logic sees it. `stream` and `busy` are only touched on the
// connection's strand.
struct connection {
  net::any_io_executor strand;
  net::ip::address count_key;     // the client address it counts under (server/peer_address.hpp)
  bool metrics_listener = false;  // came in on the metrics listener, which serves /metrics only
  beast::tcp_stream* stream = nullptr;
  bool busy = false;  // bytes of a request have arrived and its response is not yet written
};

struct http_server::impl {
  // Registers the connection for its lifetime; owned by the session coroutine's frame, so it is
  // released even when the frame is destroyed unrun (io_context destruction).
  class connection_slot {
   public:
    connection_slot(impl* owner, std::shared_ptr<connection> conn) : owner_(owner), conn_(std::move(conn)) {}
    connection_slot(connection_slot&& other) noexcept
        : owner_(std::exchange(other.owner_, nullptr)), conn_(std::move(other.conn_)) {}
    connection_slot(const connection_slot&) = delete;
    connection_slot& operator=(const connection_slot&) = delete;
    connection_slot& operator=(connection_slot&&) = delete;
    ~connection_slot() {
      if (owner_ != nullptr) {
        owner_->close_connection(conn_);
      }
    }
    connection& get() { return *conn_; }

   private:
    impl* owner_;
    std::shared_ptr<connection> conn_;
  };

  impl(http_config c, const api::application& a, api::metrics& m, persistence::disk_file_store* u);

  // What reading a streamed body ended with.
  struct streamed_body {
    error_code ec;                           // a read error (body_limit, parse, peer gone...)
    bool store_failed = false;               // the staged file could not be written
    std::optional<ports::staged_file> file;  // set when the whole body was staged
  };

  void run();
  void request_stop();
  void begin_shutdown();
  void run_io();

  std::optional<connection_slot> open_connection(net::any_io_executor strand, const tcp::socket& socket,
                                                 bool metrics_listener);
  void close_connection(const std::shared_ptr<connection>& conn);
  std::size_t connection_count();
  void reject_overloaded(tcp::socket& socket);

  net::awaitable<void> accept_loop(tcp::acceptor& from, bool metrics_listener);
  net::awaitable<void> drain();
  net::awaitable<void> flush_access_log();
  net::awaitable<void> session(beast::tcp_stream stream, connection_slot slot);
  net::awaitable<bool> serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer, bool metrics_listener,
                                 const std::string& peer);
  net::awaitable<bool> reject(beast::tcp_stream& stream, beast::flat_buffer& buffer, int status, std::string detail,
                              std::string_view method, const std::string& request_id, steady::time_point started);
  net::awaitable<bool> refuse(beast::tcp_stream& stream, beast::flat_buffer& buffer, api::response res,
                              std::string_view method, const std::string& request_id, steady::time_point started);
  net::awaitable<bool> write_response(beast::tcp_stream& stream, const wire_response& out, std::string_view method,
                                      std::string_view route, const std::string& request_id,
                                      steady::time_point started);
  net::awaitable<bool> write_file(beast::tcp_stream& stream, file_response& out, std::string_view method,
                                  std::string_view route, const std::string& request_id, steady::time_point started);
  void observe(std::string_view method, std::string_view route, int status, std::string_view request_id,
               steady::time_point started);
  net::awaitable<void> linger_close(beast::tcp_stream& stream, beast::flat_buffer& buffer);
  net::awaitable<streamed_body> stream_body(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                            http::request_parser<http::string_body>& header_parser, std::size_t limit);
  std::string request_client_address(const std::string& peer, const api::request& req) const;

  // Declared before `ioc`: connection slots still use them while ~io_context destroys sessions.
  http_config config;
  const api::application& app;
  api::metrics& metrics;
  persistence::disk_file_store* uploads;  // staged bodies of streamed routes; may be null
  std::optional<static_files> files;
  std::optional<buffered_access_log> access_log;  // when config.access_log
  std::mutex connections_mutex;
  std::unordered_set<std::shared_ptr<connection>> connections;
  std::unordered_map<net::ip::address, std::size_t> connections_per_address;  // under connections_mutex
  std::atomic<bool> stopping{false};
  bool shutdown_started = false;  // accept strand only
  std::atomic<bool> signals_on{false};

  net::io_context ioc;
  net::thread_pool read_pool;   // destroyed (joined) before ioc
  net::thread_pool write_pool;  // likewise
  net::strand<net::io_context::executor_type> accept_strand;
  tcp::acceptor acceptor;
  std::optional<tcp::acceptor> metrics_acceptor;
  std::optional<net::signal_set> signals;
  unsigned short bound_port = 0;
  std::optional<unsigned short> bound_metrics_port;
};

http_server::impl::impl(http_config c, const api::application& a, api::metrics& m, persistence::disk_file_store* u)
    : config(std::move(c)),
      app(a),
      metrics(m),
      uploads(u),
      ioc(std::max(1, config.io_threads)),
      read_pool(static_cast<std::size_t>(std::max(1, config.read_workers))),
      write_pool(static_cast<std::size_t>(std::max(1, config.write_workers))),
      accept_strand(net::make_strand(ioc)),
      acceptor(accept_strand) {
  if (!config.web_root.empty()) {
    files.emplace(config.web_root);
  }
  if (config.access_log) {
    access_log.emplace();
  }
  bound_port = listen_on(acceptor, ioc, config.host, config.port);
  if (config.metrics_port) {
    metrics_acceptor.emplace(accept_strand);
    bound_metrics_port = listen_on(*metrics_acceptor, ioc, config.metrics_host, *config.metrics_port);
  }
}

void http_server::impl::run() {
  if (signals_on.load()) {
    signals.emplace(accept_strand, SIGINT, SIGTERM);
    signals->async_wait([this](const error_code& ec, int) {
      if (!ec) {
        stopping.store(true);
        begin_shutdown();
      }
    });
  }
  net::co_spawn(accept_strand, accept_loop(acceptor, false), completion("accept"));
  if (access_log) {
    net::co_spawn(accept_strand, flush_access_log(), completion("access log"));
  }
  if (metrics_acceptor) {
    net::co_spawn(accept_strand, accept_loop(*metrics_acceptor, true), completion("accept metrics"));
  }
  std::vector<std::thread> threads;
  for (int i = 1; i < config.io_threads; ++i) {
    threads.emplace_back([this] { run_io(); });
  }
  run_io();
  for (auto& t : threads) {
    t.join();
  }
  // Requests that outlived the grace period still finish on the workers before run() returns.
  read_pool.join();
  write_pool.join();
  signals.reset();
  // Every request has written its response and its line by now: none is lost on a clean stop.
  if (access_log) {
    access_log->flush();
  }
}

void http_server::impl::run_io() {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      log_error("io_context", e.what());
    }
  }
}

void http_server::impl::request_stop() {
  stopping.store(true);
  net::post(accept_strand, [this] { begin_shutdown(); });
}

// Runs on the accept strand: stop accepting, close idle connections, then wait for the busy ones.
void http_server::impl::begin_shutdown() {
  if (shutdown_started) {
    return;
  }
  shutdown_started = true;
  error_code ec;
  acceptor.close(ec);
  if (metrics_acceptor) {
    metrics_acceptor->close(ec);
  }
  if (signals) {
    signals->cancel(ec);
  }
  std::vector<std::shared_ptr<connection>> snapshot;
  {
    const std::lock_guard lock{connections_mutex};
    snapshot.assign(connections.begin(), connections.end());
  }
  for (auto& conn : snapshot) {
    // A busy session sees `stopping` after writing its response and closes by itself.
    net::post(conn->strand, [conn] {
      if (conn->stream != nullptr && !conn->busy) {
        conn->stream->cancel();
      }
    });
  }
  net::co_spawn(accept_strand, drain(), completion("shutdown"));
}

net::awaitable<void> http_server::impl::drain() {
  const auto deadline = steady::now() + config.shutdown_grace;
  net::steady_timer timer{accept_strand};
  while (connection_count() > 0 && steady::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds{10});
    co_await timer.async_wait(use_tuple);
  }
  ioc.stop();
}

// Sends the buffered access-log lines out regularly, so a quiet server's lines do not wait for more.
net::awaitable<void> http_server::impl::flush_access_log() {
  net::steady_timer timer{accept_strand};
  while (!stopping.load()) {
    timer.expires_after(config.access_log_flush);
    co_await timer.async_wait(use_tuple);
    access_log->flush();
  }
}

std::optional<http_server::impl::connection_slot> http_server::impl::open_connection(net::any_io_executor strand,
                                                                                     const tcp::socket& socket,
                                                                                     bool metrics_listener) {
  auto conn = std::make_shared<connection>();
  conn->strand = std::move(strand);
  conn->metrics_listener = metrics_listener;
  error_code ec;
  conn->count_key = connection_count_key(socket.remote_endpoint(ec).address());
  {
    const std::lock_guard lock{connections_mutex};
    if (connections.size() >= config.max_connections) {
      return std::nullopt;
    }
    auto& from_address = connections_per_address[conn->count_key];
    if (config.max_connections_per_address != 0 && from_address >= config.max_connections_per_address) {
      if (from_address == 0) {
        connections_per_address.erase(conn->count_key);
      }
      return std::nullopt;
    }
    ++from_address;
    connections.insert(conn);
  }
  metrics.connection_opened();
  return std::optional<connection_slot>{std::in_place, this, std::move(conn)};
}

void http_server::impl::close_connection(const std::shared_ptr<connection>& conn) {
  conn->stream = nullptr;
  {
    const std::lock_guard lock{connections_mutex};
    connections.erase(conn);
    // Forget an address once its last connection closes, so the map stays as small as the set.
    if (const auto it = connections_per_address.find(conn->count_key);
        it != connections_per_address.end() && --it->second == 0) {
      connections_per_address.erase(it);
    }
  }
  metrics.connection_closed();
}

std::size_t http_server::impl::connection_count() {
  const std::lock_guard lock{connections_mutex};
  return connections.size();
}

// Over the connection cap: a canned 503 written without blocking, then close.
void http_server::impl::reject_overloaded(tcp::socket& socket) {
  static const std::string canned = [] {
    const std::string body =
        R"({"type":"about:blank","title":"Layanan tidak tersedia","status":503,"detail":"Terlalu banyak koneksi / Too many connections"})";
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + body;
  }();
  error_code ec;
  socket.non_blocking(true, ec);
  socket.write_some(net::buffer(canned), ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
  metrics.observe_request("OTHER", unmatched_route, 503, 0.0);
}

net::awaitable<void> http_server::impl::accept_loop(tcp::acceptor& from, bool metrics_listener) {
  net::steady_timer backoff{accept_strand};
  for (;;) {
    // Each connection gets its own strand, so several io threads are safe.
    net::any_io_executor strand = net::make_strand(ioc);
    auto [ec, socket] = co_await from.async_accept(strand, use_tuple);
    if (ec) {
      if (stopping.load() || !from.is_open() || ec == net::error::operation_aborted) {
        co_return;
      }
      // e.g. EMFILE: back off briefly instead of spinning.
      log_error("accept", ec.message());
      backoff.expires_after(std::chrono::milliseconds{50});
      co_await backoff.async_wait(use_tuple);
      continue;
    }
    if (stopping.load()) {
      error_code ignored;
      socket.close(ignored);
      co_return;
    }
    auto slot = open_connection(strand, socket, metrics_listener);
    if (!slot) {
      reject_overloaded(socket);
      continue;
    }
    net::co_spawn(strand, session(beast::tcp_stream{std::move(socket)}, std::move(*slot)), completion("session"));
  }
}

net::awaitable<void> http_server::impl::session(beast::tcp_stream stream, connection_slot slot) {
  auto& conn = slot.get();
  conn.stream = &stream;
  beast::flat_buffer buffer;
  // The peer's canonical address, once per connection rather than a getpeername per request.
  std::string peer;
  {
    error_code ec;
    const auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) {
      peer = canonical_address(endpoint.address().to_string()).value_or(std::string{});
    }
  }
  bool first = true;
  for (;;) {
    conn.busy = false;
    if (stopping.load()) {
      break;
    }
    if (buffer.size() == 0) {
      // Wait for the first byte of the next request: the whole read_timeout on a new connection
      // (it covers the whole first request), keep_alive_timeout on a kept-alive one.
      stream.expires_after(first ? config.read_timeout : config.keep_alive_timeout);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(read_chunk), use_tuple);
      if (ec) {
        break;  // peer closed, idle timeout, or cancelled by shutdown
      }
      buffer.commit(n);
    }
    conn.busy = true;
    if (!first) {
      stream.expires_after(config.read_timeout);  // the deadline for this whole request
    }
    first = false;
    if (!co_await serve_one(stream, buffer, conn.metrics_listener, peer)) {
      break;
    }
  }
  error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.close();
}

// The peer, or the last X-Forwarded-For hop when the peer is a trusted proxy (server/client_address.hpp).
std::string http_server::impl::request_client_address(const std::string& peer, const api::request& req) const {
  if (peer.empty()) {
    return {};
  }
  std::vector<std::string_view> forwarded;
  for (const auto& [name, value] : req.headers) {
    if (name == "x-forwarded-for") {
      forwarded.emplace_back(value);
    }
  }
  return client_address(peer, forwarded, config.trusted_proxies);
}

net::awaitable<bool> http_server::impl::serve_one(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                                  bool metrics_listener, const std::string& peer) {
  const auto started = steady::now();
  const auto request_id = make_request_id();

  // A fresh parser per request. No body limit while reading the head: Beast would check a
  // Content-Length against it before we know the route; the route's limit is applied below.
  http::request_parser<http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(config.header_limit, std::numeric_limits<std::uint32_t>::max())));
  parser.body_limit(boost::none);
  {
    auto [ec, n] = co_await http::async_read_header(stream, buffer, parser, use_tuple);
    if (ec == http::error::header_limit) {
      co_return co_await reject(stream, buffer, 431, "Header permintaan terlalu besar / Request headers too large",
                                parser.get().method_string(), request_id, started);
    }
    if (is_parse_error(ec)) {
      co_return co_await reject(stream, buffer, 400, "Permintaan HTTP tidak valid / Malformed HTTP request",
                                parser.get().method_string(), request_id, started);
    }
    if (ec) {
      co_return false;  // end of stream, timeout, reset or cancelled
    }
  }

  const auto& head = parser.get();
  const std::string method{head.method_string()};
  // Before any body is read: a body whose end the server cannot tell is refused, never read as the
  // next request (server/request_framing.hpp).
  const auto transfer_encoding = transfer_encoding_of(head);
  if (const auto refusal =
          check_request_framing(transfer_encoding, head.count(http::field::content_length) > 0, head.version())) {
    co_return co_await reject(stream, buffer, refusal->status, refusal->detail, method, request_id, started);
  }
  auto req = to_api_request(head, request_id);
  if (!req) {
    co_return co_await reject(stream, buffer, 400, "Target permintaan tidak valid / Invalid request target", method,
                              request_id, started);
  }
  req->client_address = request_client_address(peer, *req);

  switch (decide_metrics_access(req->path, metrics_listener, config.metrics_token, req->header("authorization"))) {
    case metrics_access::serve: break;
    case metrics_access::not_found:
      co_return co_await refuse(stream, buffer, api::problem_response(api::not_found(), *req), method, request_id,
                                started);
    case metrics_access::unauthorized:
      co_return co_await refuse(stream, buffer, api::problem_response(api::unauthorized(), *req), method, request_id,
                                started);
  }

  const std::size_t limit = app.body_limit(req->method, req->path);
  static constexpr const char* too_large = "Isi permintaan terlalu besar / Request body too large";
  if (const auto length = parser.content_length(); length && *length > limit) {
    co_return co_await reject(stream, buffer, 413, too_large, method, request_id, started);
  }
  parser.body_limit(limit);  // still applies to chunked bodies
  // Upload routes stream their body to a staged file (docs/documents.md "Upload"); every other route
  // reads it into memory under its own limit, as before.
  const bool streamed = app.streams_body(req->method, req->path);
  // Taken from the head now: a streamed body moves the parser away.
  const bool keep_alive = head.keep_alive();
  const bool head_only = head.method() == http::verb::head;
  const unsigned version = head.version();
  const auto verb = head.method();
  if (streamed && uploads == nullptr) {
    co_return co_await reject(stream, buffer, 503, "Penyimpanan berkas tidak tersedia / File store unavailable", method,
                              request_id, started);
  }
  if (!parser.is_done() && head.version() >= 11 && beast::iequals(head[http::field::expect], "100-continue")) {
    http::response<http::empty_body> go_on{http::status::continue_, head.version()};
    auto [ec, n] = co_await http::async_write(stream, go_on, use_tuple);
    if (ec) {
      co_return false;
    }
  }
  if (streamed && !parser.is_done()) {
    auto body = co_await stream_body(stream, buffer, parser, limit);
    if (body.ec == http::error::body_limit) {
      co_return co_await reject(stream, buffer, 413, too_large, method, request_id, started);
    }
    if (is_parse_error(body.ec)) {
      co_return co_await reject(stream, buffer, 400, "Permintaan HTTP tidak valid / Malformed HTTP request", method,
                                request_id, started);
    }
    if (body.store_failed) {
      co_return co_await reject(
          stream, buffer, 500,
          "Berkas tidak dapat disimpan / The file could not be stored (request " + request_id + ")", method, request_id,
          started);
    }
    if (body.ec || !body.file) {
      co_return false;
    }
    req->staged_body = std::move(body.file);
  } else if (!parser.is_done()) {
    auto [ec, n] = co_await http::async_read(stream, buffer, parser, use_tuple);
    if (ec == http::error::body_limit) {
      co_return co_await reject(stream, buffer, 413, too_large, method, request_id, started);
    }
    if (is_parse_error(ec)) {
      co_return co_await reject(stream, buffer, 400, "Permintaan HTTP tidak valid / Malformed HTTP request", method,
                                request_id, started);
    }
    if (ec) {
      co_return false;
    }
  }

  if (!streamed) {
    req->body = parser.release().body();
  }
  // A staged body the handler did not keep is removed once it has answered (a kept one was renamed).
  const auto staged_path = req->staged_body ? req->staged_body->path : std::string{};
  const bool serve_static = files.has_value() && is_static_candidate(req->method, req->path);

  // Where the application runs (api::execution, docs/performance.md "The HTTP path"): static files
  // (held in memory) and handlers that never block on this I/O thread; a short read here too when the
  // database bounds it, unless it would wait or ran past its budget; everything else on a worker pool.
  const auto where = serve_static ? api::execution::io_thread : app.execution_of(req->method, req->path);
  bool on_worker = where == api::execution::worker || (where == api::execution::bounded_read && !config.inline_reads);
  const bool reads = verb == http::verb::get || head_only;
  auto& pool = reads ? read_pool : write_pool;
  api::response res;
  try {
    if (serve_static) {
      res = files->serve(*req);
    } else if (where == api::execution::io_thread) {
      res = app.handle(*req);
    } else if (!on_worker) {
      const ports::read_budget budget{config.read_budget_steps};
      try {
        res = app.handle(*req);
      } catch (const ports::over_budget_error&) {
        on_worker = true;
      }
      on_worker = on_worker || budget.exceeded();
    }
    if (on_worker) {
      auto work = [this, r = std::move(*req)] { return app.handle(r); };
      res = co_await run_blocking(pool, std::move(work));
    }
  } catch (const std::exception& e) {
    log_error("handler", e.what());
    res = transport_problem(500, "Terjadi kesalahan tak terduga / Unexpected error (request " + request_id + ")",
                            request_id);
  }
  if (!staged_path.empty()) {
    uploads->discard(staged_path);
  }

  const bool keep = keep_alive && !stopping.load();
  const std::string route = res.route.empty() ? std::string{unmatched_route} : std::move(res.route);
  if (const auto path = api::take_body_file(res)) {
    auto file = to_beast_file(res, *path, version, keep, request_id);
    if (file && !head_only) {
      const bool sent = co_await write_file(stream, *file, method, route, request_id, started);
      co_return sent&& keep;
    }
    if (file) {
      // HEAD: the file's length, no body.
      const auto length_only =
          to_wire(std::move(res), version, true, keep, request_id, static_cast<std::size_t>(file->body().size()));
      const bool sent = co_await write_response(stream, length_only, method, route, request_id, started);
      co_return sent&& keep;
    }
    log_error("download", "cannot open " + *path);
    res = transport_problem(500, "Terjadi kesalahan tak terduga / Unexpected error (request " + request_id + ")",
                            request_id);
  }
  const auto out = to_wire(std::move(res), version, head_only, keep, request_id);
  const bool written = co_await write_response(stream, out, method, route, request_id, started);
  co_return written&& keep;
}

// Answers a request the transport refuses (malformed, too large), then closes the connection.
net::awaitable<bool> http_server::impl::reject(beast::tcp_stream& stream, beast::flat_buffer& buffer, int status,
                                               std::string detail, std::string_view method,
                                               const std::string& request_id, steady::time_point started) {
  co_return co_await refuse(stream, buffer, transport_problem(status, std::move(detail), request_id), method,
                            request_id, started);
}

// Writes a refusal without reading the request's body, then closes the connection (the body, if any,
// is drained and discarded, never read as a request).
net::awaitable<bool> http_server::impl::refuse(beast::tcp_stream& stream, beast::flat_buffer& buffer, api::response res,
                                               std::string_view method, const std::string& request_id,
                                               steady::time_point started) {
  const auto out = to_wire(std::move(res), 11, method == "HEAD", false, request_id);
  if (co_await write_response(stream, out, method, unmatched_route, request_id, started)) {
    co_await linger_close(stream, buffer);
  }
  co_return false;
}

net::awaitable<bool> http_server::impl::write_response(beast::tcp_stream& stream, const wire_response& out,
                                                       std::string_view method, std::string_view route,
                                                       const std::string& request_id, steady::time_point started) {
  stream.expires_after(config.write_timeout);
  const std::array<net::const_buffer, 2> pieces{net::buffer(out.head), net::buffer(out.body)};
  auto [ec, n] = co_await net::async_write(stream, pieces, use_tuple);
  observe(method, route, out.status, request_id, started);
  co_return !ec;
}

// A file body goes out piece by piece (Beast's file_body reads it as it is sent); each piece gets the
// write timeout afresh, an idle limit as for uploads, so a large download on a slow line is not cut.
net::awaitable<bool> http_server::impl::write_file(beast::tcp_stream& stream, file_response& out,
                                                   std::string_view method, std::string_view route,
                                                   const std::string& request_id, steady::time_point started) {
  http::response_serializer<http::file_body> serializer{out};
  error_code ec;
  while (!ec && !serializer.is_done()) {
    stream.expires_after(config.write_timeout);
    std::tie(ec, std::ignore) = co_await http::async_write_some(stream, serializer, use_tuple);
  }
  observe(method, route, static_cast<int>(out.result_int()), request_id, started);
  co_return !ec;
}

void http_server::impl::observe(std::string_view method, std::string_view route, int status,
                                std::string_view request_id, steady::time_point started) {
  const double seconds = std::chrono::duration<double>(steady::now() - started).count();
  const auto label = method_label(method);
  metrics.observe_request(label, route, status, seconds);
  if (access_log) {
    access_log->write({std::chrono::system_clock::now(), request_id, label, route, status, seconds * 1000.0});
  }
}

// After an error response the client may still be sending (an oversized body): stop sending, then
// read and discard for a short, bounded while, so closing with unread data does not reset the
// connection before the client has read our answer.
net::awaitable<void> http_server::impl::linger_close(beast::tcp_stream& stream, beast::flat_buffer& buffer) {
  error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(std::min<std::chrono::milliseconds>(linger_timeout, config.read_timeout));
  std::size_t drained = 0;
  while (drained < linger_drain_limit) {
    buffer.clear();
    auto [read_ec, n] = co_await stream.async_read_some(buffer.prepare(read_chunk), use_tuple);
    if (read_ec) {
      break;
    }
    drained += n;
  }
  buffer.clear();
}

// Reads a body chunk by chunk into a staged file of the store, hashing it on the way, so a large
// upload never sits in memory whole. Each chunk gets the read timeout afresh (an idle limit: a 20 MB
// upload on a slow line may take longer than one request's whole-read timeout). The writes go to the
// page cache from this I/O thread; the fsync happens in the handler, on a worker (keep()).
net::awaitable<http_server::impl::streamed_body> http_server::impl::stream_body(
    beast::tcp_stream& stream, beast::flat_buffer& buffer, http::request_parser<http::string_body>& header_parser,
    std::size_t limit) {
  streamed_body out;
  http::request_parser<http::buffer_body> parser{std::move(header_parser)};
  parser.body_limit(limit);
  std::unique_ptr<persistence::disk_file_store::upload> upload;
  try {
    upload = uploads->begin_upload();
  } catch (const std::exception& e) {
    log_error("upload", e.what());
    out.store_failed = true;
    co_return out;
  }
  std::vector<char> chunk(upload_chunk);
  while (!parser.is_done()) {
    parser.get().body().data = chunk.data();
    parser.get().body().size = chunk.size();
    stream.expires_after(config.read_timeout);
    auto [ec, n] = co_await http::async_read_some(stream, buffer, parser, use_tuple);
    if (ec == http::error::need_buffer) {
      ec = {};
    }
    if (ec) {
      out.ec = ec;
      co_return out;  // the upload's destructor removes the partial file
    }
    const std::size_t got = chunk.size() - parser.get().body().size;
    try {
      upload->append(chunk.data(), got);
    } catch (const std::exception& e) {
      log_error("upload", e.what());
      out.store_failed = true;
      co_return out;
    }
  }
  out.file = upload->finish();
  co_return out;
}

http_server::http_server(http_config config, const api::application& app, api::metrics& metrics,
                         persistence::disk_file_store* uploads)
    : impl_(std::make_unique<impl>(std::move(config), app, metrics, uploads)) {}

http_server::~http_server() = default;

unsigned short http_server::port() const { return impl_->bound_port; }

std::optional<unsigned short> http_server::metrics_port() const { return impl_->bound_metrics_port; }

void http_server::run() { impl_->run(); }

void http_server::stop() { impl_->request_stop(); }

void http_server::handle_signals(bool on) { impl_->signals_on.store(on); }

}  // namespace perkara::server
