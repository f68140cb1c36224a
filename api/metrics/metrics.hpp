#pragma once
// Request and connection metrics, rendered in the Prometheus text format 0.0.4. Pure C++ and
// thread-safe: the transport records from its I/O threads, GET /metrics renders from a worker.
// Recording takes no lock (docs/performance.md "The HTTP path"): each recording thread counts in a
// shard of its own with atomic counters, and locks that shard only to add a series it has not seen;
// render() locks each shard in turn and adds them up.

#include "api/metrics/per_thread.hpp"

#include <array>
#include <atomic>
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
  struct series_key {
    std::string method;
    std::string route;
    int status = 0;
  };
  struct series_view {
    std::string_view method;
    std::string_view route;
    int status = 0;
  };
  // Orders stored keys and looked-up views alike, so a lookup allocates nothing.
  struct series_less {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      using view = std::tuple<std::string_view, int, std::string_view>;
      return view{a.route, a.status, a.method} < view{b.route, b.status, b.method};
    }
  };
  struct series_counts {
    // Non-cumulative; the last one is above every bound (+Inf). The count is their sum, so a render
    // during recording never shows a count that its buckets do not add up to.
    std::array<std::atomic<std::uint64_t>, duration_buckets.size() + 1> buckets{};
    std::atomic<double> sum{0.0};
  };
  // One recording thread's counts. Only that thread adds series (under `mutex`, which render() also
  // takes); it reads the map without the lock, which is safe because no one else changes it.
  struct shard {
    std::mutex mutex;
    std::map<series_key, series_counts, series_less> series;
  };

  per_thread<shard> shards_;
  std::atomic<std::int64_t> open_connections_{0};
};

/// Escapes a label value for the text format: backslash, double quote and line feed.
std::string escape_label_value(std::string_view value);

}  // namespace perkara::api
