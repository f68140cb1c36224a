#pragma once
// Request and connection metrics, rendered in the Prometheus text format 0.0.4. Pure C++ and
// thread-safe: the transport records from its I/O threads, GET /metrics renders from a worker.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace perkara::api {

class metrics {
 public:
  /// Upper bounds (seconds) of the request duration histogram; +Inf is implicit.
  static constexpr std::array<double, 11> duration_buckets{0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                           0.25,  0.5,   1.0,  2.5,   5.0};

  /// `route` is the route pattern (never the raw path, so label cardinality stays bounded).
  void observe_request(std::string_view method, std::string_view route, int status, double seconds);

  void connection_opened();
  void connection_closed();
  [[nodiscard]] std::int64_t open_connections() const;

  /// All metrics in the Prometheus text exposition format 0.0.4.
  [[nodiscard]] std::string render(std::size_t db_pool_in_use, std::size_t db_pool_size) const;

 private:
  struct histogram {
    std::array<std::uint64_t, duration_buckets.size()> buckets{};  // non-cumulative counts
    std::uint64_t count = 0;
    double sum = 0.0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // method, route, status
  std::map<std::tuple<std::string, int>, histogram> durations_;                   // route, status
  std::int64_t open_connections_ = 0;
};

/// Escapes a label value for the text format: backslash, double quote and line feed.
std::string escape_label_value(std::string_view value);

}  // namespace perkara::api
