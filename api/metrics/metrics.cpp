#include "api/metrics/metrics.hpp"

#include <fmt/format.h>

#include <iterator>

namespace perkara::api {

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  return out;
}

void metrics::observe_request(std::string_view method, std::string_view route, int status, double seconds) {
  if (!(seconds >= 0.0)) {  // also catches NaN
    seconds = 0.0;
  }
  const std::lock_guard lock{mutex_};
  ++requests_[{std::string{method}, std::string{route}, status}];
  auto& h = durations_[{std::string{route}, status}];
  for (std::size_t i = 0; i < duration_buckets.size(); ++i) {
    if (seconds <= duration_buckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

void metrics::connection_opened() {
  const std::lock_guard lock{mutex_};
  ++open_connections_;
}

void metrics::connection_closed() {
  const std::lock_guard lock{mutex_};
  --open_connections_;
}

std::int64_t metrics::open_connections() const {
  const std::lock_guard lock{mutex_};
  return open_connections_;
}

std::string metrics::render(std::size_t db_pool_in_use, std::size_t db_pool_size) const {
  const std::lock_guard lock{mutex_};
  std::string out;
  auto it = std::back_inserter(out);

  fmt::format_to(it, "# HELP perkara_http_requests_total HTTP requests answered.\n"
                     "# TYPE perkara_http_requests_total counter\n");
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    fmt::format_to(it, "perkara_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                   escape_label_value(method), escape_label_value(route), status, count);
  }

  fmt::format_to(it, "# HELP perkara_http_request_duration_seconds Time from request read to response ready.\n"
                     "# TYPE perkara_http_request_duration_seconds histogram\n");
  for (const auto& [key, h] : durations_) {
    const auto route = escape_label_value(std::get<0>(key));
    const auto status = std::get<1>(key);
    // Buckets in the text format are cumulative.
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < duration_buckets.size(); ++i) {
      cumulative += h.buckets[i];
      fmt::format_to(it, "perkara_http_request_duration_seconds_bucket{{route=\"{}\",status=\"{}\",le=\"{}\"}} {}\n",
                     route, status, duration_buckets[i], cumulative);
    }
    fmt::format_to(it, "perkara_http_request_duration_seconds_bucket{{route=\"{}\",status=\"{}\",le=\"+Inf\"}} {}\n",
                   route, status, h.count);
    fmt::format_to(it, "perkara_http_request_duration_seconds_sum{{route=\"{}\",status=\"{}\"}} {}\n", route, status,
                   h.sum);
    fmt::format_to(it, "perkara_http_request_duration_seconds_count{{route=\"{}\",status=\"{}\"}} {}\n", route,
                   status, h.count);
  }

  fmt::format_to(it, "# HELP perkara_http_open_connections Open client connections.\n"
                     "# TYPE perkara_http_open_connections gauge\n"
                     "perkara_http_open_connections {}\n",
                 open_connections_);
  fmt::format_to(it, "# HELP perkara_db_pool_in_use Database connections leased.\n"
                     "# TYPE perkara_db_pool_in_use gauge\n"
                     "perkara_db_pool_in_use {}\n"
                     "# HELP perkara_db_pool_size Database connections in the pool.\n"
                     "# TYPE perkara_db_pool_size gauge\n"
                     "perkara_db_pool_size {}\n",
                 db_pool_in_use, db_pool_size);
  return out;
}

}  // namespace perkara::api
