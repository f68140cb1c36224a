#pragma once
// The notice dispatcher (issue 16, docs/operations.md "Notices"): on its own thread, claims due notices
// from the outbox with a lease in the database, delivers them, and settles each: sent, retried with
// exponential back-off, or given up after the last attempt. Several servers on one MariaDB share the
// work (claims skip each other's locked rows); a server killed mid-delivery leaves its claims to expire
// and be claimed again, so every notice is delivered at least once and the receiver drops repeats by
// the notice's idempotency key. Between rounds the same thread runs the deadline sweep
// (server/notices/deadline_sweep.hpp), whose events and reminders it then delivers.

#include "domain/ports/clock.hpp"
#include "domain/ports/database.hpp"
#include "server/notices/notice_sender.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace perkara::server::notices {

struct dispatcher_config {
  std::string owner;     // this dispatcher's name in the leases; unique per process (generated when empty)
  std::string base_url;  // the server's public address, for links
  int batch = 20;
  std::chrono::seconds lease{300};         // longer than the slowest delivery (the senders' timeouts)
  std::chrono::seconds first_retry{30};    // then doubled per attempt ...
  std::chrono::seconds max_retry{6 * 3600};  // ... up to this
  int max_attempts = 10;
  std::chrono::milliseconds idle_wait{5000};  // how long the thread rests when nothing is due
  std::chrono::seconds sweep_interval{60};    // the deadline sweep (deadline_sweep.hpp) between rounds; 0: none
};

/// When the attempt after `attempts` failed ones comes: first_retry * 2^(attempts-1), at most max_retry.
std::chrono::seconds retry_delay(const dispatcher_config& config, int attempts);

class dispatcher {
 public:
  /// Either sender may be null: notices of that channel are then left to a server that has one.
  dispatcher(ports::database& db, const ports::clock& clock, dispatcher_config config,
             std::unique_ptr<notice_sender> email, std::unique_ptr<notice_sender> webhook);
  ~dispatcher();
  dispatcher(const dispatcher&) = delete;
  dispatcher& operator=(const dispatcher&) = delete;

  /// One round on the caller's thread: claims what is due now and delivers it. Returns how many
  /// notices it settled. Tests drive this directly with their own clock.
  std::size_t run_once();
  /// Runs rounds on a thread of its own until stop().
  void start();
  void stop();
  [[nodiscard]] const std::string& owner() const { return config_.owner; }

 private:
  void loop();
  ports::database& db_;
  const ports::clock& clock_;
  dispatcher_config config_;
  std::unique_ptr<notice_sender> email_;
  std::unique_ptr<notice_sender> webhook_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace perkara::server::notices
