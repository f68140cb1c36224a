#pragma once
// Waiting in a test for something another thread or process does (tests/README.md, "Timing").
// eventually() polls a condition until it holds. Its bound only turns a bug that never delivers into a
// failure instead of a hang; it is far beyond what the busiest machine needs and says nothing about
// speed, so a passing test never waits for it. Prefer a direct event (a latch, a hook, a line printed
// by the server) where the code offers one.

#include <chrono>
#include <functional>
#include <thread>

namespace perkara::testing {

/// The bound for every wait on an event in the tests.
inline constexpr std::chrono::seconds patience{120};

/// True as soon as `done()` holds; false if it still does not after `limit`.
inline bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit = patience) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{2});
  }
  return true;
}

}  // namespace perkara::testing
