#pragma once
// One JSON line per request on stderr. Only the route pattern is logged, never the raw path (ids),
// the query string, headers or body, so no personal data reaches the log.

#include "api/metrics/per_thread.hpp"

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

namespace perkara::server {

// Views of the request's own strings: a line is formatted before write() returns.
struct access_log_entry {
  std::chrono::system_clock::time_point ts;
  std::string_view request_id;
  std::string_view method;
  std::string_view route;  // the route pattern ("unmatched", "static", ...)
  int status = 0;
  double duration_ms = 0.0;
};

/// `{"ts":"2024-02-07T03:15:00.123Z","request_id":...,"method":...,"route":...,"status":...,"duration_ms":...}`
/// without a trailing newline.
std::string format_access_log(const access_log_entry& entry);
/// The same line appended to `out`, written digit by digit: no allocation once `out` has room
/// (docs/performance.md "The HTTP path").
void append_access_log(std::string& out, const access_log_entry& entry);

/// The access log of a server: each thread that logs appends its lines to a buffer of its own, and the
/// buffers go to the file descriptor in large writes (docs/performance.md "The HTTP path"): when one
/// passes `flush_bytes`, on flush() (the server calls it on a timer and when it stops) and when the
/// log is destroyed, so a clean shutdown loses no line. Each buffer has its own lock, which only its
/// thread and flush() take: threads never wait for each other to log.
class buffered_access_log {
 public:
  explicit buffered_access_log(int fd = 2, std::size_t flush_bytes = std::size_t{16} * 1024);
  ~buffered_access_log();
  buffered_access_log(const buffered_access_log&) = delete;
  buffered_access_log& operator=(const buffered_access_log&) = delete;

  void write(const access_log_entry& entry);
  /// Writes every thread's buffered lines.
  void flush();

 private:
  struct buffer {
    std::mutex mutex;
    std::string text;
  };
  void write_out(std::string& text);

  int fd_;
  std::size_t flush_bytes_;
  api::per_thread<buffer> buffers_;
  std::mutex fd_mutex_;  // whole writes of different buffers never interleave
};

/// JSON string escaping (quotes, backslash, control characters) for log values.
std::string json_escape(std::string_view text);
/// json_escape(text) appended to `out`; text that needs no escaping is copied as it is.
void append_json_escaped(std::string& out, std::string_view text);

}  // namespace perkara::server
