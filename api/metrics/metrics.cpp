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
  auto& s = shards_.local();
  auto it = s.series.find(series_view{method, route, status});
  if (it == s.series.end()) {
    const std::lock_guard lock{s.mutex};
    it = s.series.try_emplace(series_key{std::string{method}, std::string{route}, status}).first;
  }
  auto& counts = it->second;
  std::size_t bucket = 0;
  while (bucket < duration_buckets.size() && seconds > duration_buckets[bucket]) {
    ++bucket;
  }
  counts.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  counts.sum.fetch_add(seconds, std::memory_order_relaxed);
}

void metrics::connection_opened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }

void metrics::connection_closed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }

std::int64_t metrics::open_connections() const { return open_connections_.load(std::memory_order_relaxed); }

std::string metrics::render(std::size_t db_pool_in_use, std::size_t db_pool_size) const {
  struct histogram {
    std::array<std::uint64_t, duration_buckets.size()> buckets{};  // non-cumulative counts
    std::uint64_t count = 0;
    double sum = 0.0;
  };
  // The shards added up: requests by (method, route, status), durations by (route, status).
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests;
  std::map<std::tuple<std::string, int>, histogram> durations;
  shards_.for_each([&](shard& s) {
    const std::lock_guard lock{s.mutex};
    for (const auto& [key, counts] : s.series) {
      auto& h = durations[{key.route, key.status}];
      std::uint64_t count = 0;
      for (std::size_t i = 0; i < counts.buckets.size(); ++i) {
        const auto n = counts.buckets[i].load(std::memory_order_relaxed);
        if (i < duration_buckets.size()) {
          h.buckets[i] += n;
        }
        count += n;
      }
      requests[{key.method, key.route, key.status}] += count;
      h.count += count;
      h.sum += counts.sum.load(std::memory_order_relaxed);
    }
  });

  std::string out;
  auto it = std::back_inserter(out);

  fmt::format_to(it, "# HELP perkara_http_requests_total HTTP requests answered.\n"
                     "# TYPE perkara_http_requests_total counter\n");
  for (const auto& [key, count] : requests) {
    const auto& [method, route, status] = key;
    fmt::format_to(it, "perkara_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                   escape_label_value(method), escape_label_value(route), status, count);
  }

  fmt::format_to(it, "# HELP perkara_http_request_duration_seconds Time from request read to response ready.\n"
                     "# TYPE perkara_http_request_duration_seconds histogram\n");
  for (const auto& [key, h] : durations) {
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
                 open_connections_.load(std::memory_order_relaxed));
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
