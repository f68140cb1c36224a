#include "server/notices/dispatcher.hpp"

#include "server/notices/deadline_sweep.hpp"

#include <fmt/format.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace perkara::server::notices {
namespace {

std::string generated_owner() {
  char host[128] = {};
  ::gethostname(host, sizeof host - 1);
  return fmt::format("{}-{}-{:08x}", host, ::getpid(), randombytes_random());
}

}  // namespace

std::chrono::seconds retry_delay(const dispatcher_config& config, int attempts) {
  auto delay = config.first_retry;
  for (int i = 1; i < attempts && delay < config.max_retry; ++i) {
    delay *= 2;
  }
  return std::min(delay, config.max_retry);
}

dispatcher::dispatcher(ports::database& db, const ports::clock& clock, dispatcher_config config,
                       std::unique_ptr<notice_sender> email, std::unique_ptr<notice_sender> webhook)
    : db_(db), clock_(clock), config_(std::move(config)), email_(std::move(email)), webhook_(std::move(webhook)) {
  if (config_.owner.empty()) {
    config_.owner = generated_owner();
  }
}

dispatcher::~dispatcher() { stop(); }

std::size_t dispatcher::run_once() {
  using domain::notices::channel;
  std::vector<channel> channels;
  if (email_) channels.push_back(channel::email);
  if (webhook_) channels.push_back(channel::webhook);
  const auto now = clock_.now();
  std::vector<ports::queued_notice> claimed;
  std::map<std::pair<std::string, std::string>, std::string> secrets;  // (organisation, url) -> secret
  {
    auto tx = db_.begin(ports::access::write);
    claimed = tx->notices().claim(config_.owner, now, now + config_.lease, config_.batch, channels);
    for (const auto& n : claimed) {
      if (n.via == channel::webhook && !secrets.contains({n.organisation, n.recipient})) {
        for (const auto& hook : tx->notices().webhooks(n.organisation)) {
          secrets[{hook.organisation, hook.url}] = hook.secret;
        }
      }
    }
    tx->commit();
  }
  std::size_t settled = 0;
  for (const auto& n : claimed) {
    delivery_context context{config_.base_url, clock_.now(), {}};
    if (n.via == channel::webhook) {
      const auto found = secrets.find({n.organisation, n.recipient});
      if (found == secrets.end()) {
        // The endpoint was removed since the notice was queued.
        auto tx = db_.begin(ports::access::write);
        tx->notices().settle(n.id, config_.owner, clock_.now(), false, "webhook endpoint removed", std::nullopt);
        tx->commit();
        ++settled;
        continue;
      }
      context.webhook_secret = found->second;
    }
    delivery_result result;
    try {
      result = (n.via == channel::email ? *email_ : *webhook_).send(n, context);
    } catch (const std::exception& e) {
      result = {false, false, e.what()};
    }
    const auto at = clock_.now();
    std::optional<domain::instant> retry_at;
    if (!result.sent && !result.permanent && n.attempts < config_.max_attempts) {
      retry_at = at + retry_delay(config_, n.attempts);
    }
    auto tx = db_.begin(ports::access::write);
    if (tx->notices().settle(n.id, config_.owner, at, result.sent, result.detail, retry_at)) {
      ++settled;
    }
    tx->commit();
  }
  return settled;
}

void dispatcher::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void dispatcher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void dispatcher::loop() {
  std::optional<domain::instant> next_sweep;
  sweep_config sweep;
  sweep.stopping = [this] {
    std::lock_guard lock(mutex_);
    return stopping_;
  };
  for (;;) {
    if (config_.sweep_interval.count() > 0 && (!next_sweep || clock_.now() >= *next_sweep)) {
      const auto now = clock_.now();
      next_sweep = now + config_.sweep_interval;
      try {
        sweep_deadlines(db_, now, sweep);
      } catch (const std::exception& e) {
        // The next sweep tries again; its marks make a half-done run harmless.
        std::fprintf(stderr, "perkara: deadline sweep: %s\n", e.what());
      }
    }
    std::size_t done = 0;
    try {
      done = run_once();
    } catch (const std::exception& e) {
      // The database may be away for a while; the next round tries again. No personal data here.
      std::fprintf(stderr, "perkara: notice dispatcher: %s\n", e.what());
    }
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    if (done == 0) {
      auto rest = std::chrono::duration_cast<std::chrono::milliseconds>(config_.idle_wait);
      if (next_sweep) {
        rest = std::min(rest, std::max(std::chrono::milliseconds{0},
                                       std::chrono::duration_cast<std::chrono::milliseconds>(*next_sweep - clock_.now())));
      }
      wake_.wait_for(lock, rest, [this] { return stopping_; });
      if (stopping_) return;
    }
  }
}

}  // namespace perkara::server::notices
