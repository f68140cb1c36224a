#pragma once
// One JSON line per request on stderr. Only the route pattern is logged, never the raw path (ids),
// the query string, headers or body, so no personal data reaches the log.

#include <chrono>
#include <string>
#include <string_view>

namespace perkara::server {

struct access_log_entry {
  std::chrono::system_clock::time_point ts;
  std::string request_id;
  std::string method;
  std::string route;  // the route pattern ("unmatched", "static", ...)
  int status = 0;
  double duration_ms = 0.0;
};

/// `{"ts":"2024-02-07T03:15:00.123Z","request_id":...,"method":...,"route":...,"status":...,"duration_ms":...}`
/// without a trailing newline.
std::string format_access_log(const access_log_entry& entry);

/// Writes the formatted line plus '\n' to stderr in a single call.
void write_access_log(const access_log_entry& entry);

/// JSON string escaping (quotes, backslash, control characters) for log values.
std::string json_escape(std::string_view text);

}  // namespace perkara::server
