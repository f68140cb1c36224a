#pragma once
// A small deterministic random source (splitmix64): the same seed gives the same data on every machine
// and backend. Each case draws from its own stream, seeded from the run's seed and the case's index.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

namespace perkara::bench {

constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class random_source {
 public:
  explicit random_source(std::uint64_t seed) : state_(seed) {}
  /// The stream of item `index` of kind `stream` in a run seeded with `seed`.
  static random_source for_item(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    return random_source(mix64(seed ^ mix64(stream * 0x9e3779b97f4a7c15ULL + index + 1)));
  }

  std::uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }
  /// Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform integer in [lo, hi].
  int between(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool chance(double p) { return uniform() < p; }
  template <class T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(next() % items.size())];
  }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(next() % N)];
  }
  /// Index chosen with the given weights (not necessarily summing to 1).
  std::size_t weighted(std::initializer_list<double> weights) {
    return weighted(std::span{weights.begin(), weights.size()});
  }
  std::size_t weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = uniform() * total;
    std::size_t i = 0;
    for (double w : weights) {
      if (x < w) {
        return i;
      }
      x -= w;
      ++i;
    }
    return weights.size() - 1;
  }
  /// 32 lower-case hex digits, the shape of the server's random ids.
  std::string hex_id() {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(32, '0');
    std::uint64_t a = next();
    std::uint64_t b = next();
    for (std::size_t i = 0; i < 16; ++i) {
      out[i] = digits[(a >> (4 * i)) & 0xf];
      out[16 + i] = digits[(b >> (4 * i)) & 0xf];
    }
    return out;
  }

 private:
  std::uint64_t state_;
};

}  // namespace perkara::bench
