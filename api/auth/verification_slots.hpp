#pragma once
// A bound on password verifications running at once. argon2id takes ~0.1 s of one core and 64 MiB per
// check (api/auth/crypto.cpp), so a login flood could otherwise occupy every worker thread and a lot of
// memory; over the bound a login is refused at once (503 with Retry-After) rather than queued.

#include <atomic>
#include <cstddef>
#include <optional>

namespace perkara::api {

class verification_slots {
 public:
  /// A slot held for one verification; given back when destroyed.
  class slot {
   public:
    explicit slot(std::atomic<std::size_t>& in_use) : in_use_(&in_use) {}
    slot(slot&& other) noexcept : in_use_(other.in_use_) { other.in_use_ = nullptr; }
    slot(const slot&) = delete;
    slot& operator=(const slot&) = delete;
    slot& operator=(slot&&) = delete;
    ~slot() {
      if (in_use_ != nullptr) {
        in_use_->fetch_sub(1);
      }
    }

   private:
    std::atomic<std::size_t>* in_use_;
  };

  /// A slot when fewer than `limit` are taken, else nullopt (never waits).
  std::optional<slot> try_take(std::size_t limit) {
    auto current = in_use_.load();
    do {
      if (current >= limit) {
        return std::nullopt;
      }
    } while (!in_use_.compare_exchange_weak(current, current + 1));
    return std::optional<slot>{std::in_place, in_use_};
  }

  [[nodiscard]] std::size_t in_use() const { return in_use_.load(); }

 private:
  std::atomic<std::size_t> in_use_{0};
};

}  // namespace perkara::api
