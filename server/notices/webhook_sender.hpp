#pragma once
// Webhooks for an organisation's client systems (docs/operations.md "Notices"): a JSON POST signed with
// HMAC-SHA256 over `timestamp + "." + body` (libsodium), sent as
//   Perkara-Timestamp: <unix seconds>
//   Perkara-Signature: v1=<hex>
//   Idempotency-Key: <the notice's key, the same on every retry>
// Receivers recompute the signature with their secret and reject old timestamps.

#include "server/notices/notice_sender.hpp"

#include <chrono>
#include <string>

namespace perkara::server::notices {

/// hex(HMAC-SHA256(secret, timestamp + "." + body)).
std::string webhook_signature(const std::string& secret, long long timestamp, const std::string& body);

/// The JSON body of a webhook notice.
std::string webhook_body(const ports::queued_notice& notice);

class webhook_sender final : public notice_sender {
 public:
  explicit webhook_sender(std::chrono::seconds timeout = std::chrono::seconds{30}) : timeout_(timeout) {}
  delivery_result send(const ports::queued_notice& notice, const delivery_context& context) override;

 private:
  std::chrono::seconds timeout_;
};

}  // namespace perkara::server::notices
