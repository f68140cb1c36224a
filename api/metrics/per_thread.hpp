#pragma once
// One T for each thread that uses it: counters and buffers that a hot path fills without a lock shared
// between threads (docs/performance.md "The HTTP path"). local() is the calling thread's T, made on
// its first use; for_each() visits every T under the registry's lock (a T's owner must guard what it
// changes that for_each() reads). The Ts live as long as the registry, not as their threads.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace perkara::api {

template <class T>
class per_thread {
 public:
  per_thread() : id_(next_id()) {}
  per_thread(const per_thread&) = delete;
  per_thread& operator=(const per_thread&) = delete;
  ~per_thread() = default;

  T& local() {
    // This thread's T of each registry it has used, by registry id (ids are never reused, so an
    // entry of a destroyed registry is never looked at again).
    thread_local std::vector<std::pair<std::uint64_t, T*>> mine;
    for (const auto& [id, t] : mine) {
      if (id == id_) {
        return *t;
      }
    }
    auto fresh = std::make_unique<T>();
    T* t = fresh.get();
    {
      const std::lock_guard lock{mutex_};
      all_.push_back(std::move(fresh));
    }
    constexpr std::size_t remembered = 8;  // a test may make many registries on one thread
    if (mine.size() == remembered) {
      mine.erase(mine.begin());
    }
    mine.emplace_back(id_, t);
    return *t;
  }

  template <class F>
  void for_each(F&& f) const {
    const std::lock_guard lock{mutex_};
    for (const auto& t : all_) {
      f(*t);
    }
  }

 private:
  static std::uint64_t next_id() {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1);
  }

  const std::uint64_t id_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<T>> all_;
};

}  // namespace perkara::api
