// Demo notices (issue 16, docs/operations.md "Notices"): KI Babel's client system gets a webhook (its
// address does not resolve, so the demo cases' delivery logs show failed attempts and retries), and two
// demo users have preferences: the registrar hears no daily digest, the mediator no reminders. Staff
// addresses come with the demo users (seed_demo_users.cpp). Idempotent: an organisation with a webhook
// is skipped.
#include "api/auth/crypto.hpp"
#include "server/seed_demo.hpp"

namespace perkara::server {

std::size_t seed_demo_notices(ports::database& db, const ports::clock& clock) {
  const auto now = clock.now();
  auto tx = db.begin(ports::access::write);
  std::size_t created = 0;
  if (tx->organisations().find("ki-babel") && tx->notices().webhooks("ki-babel").empty()) {
    tx->notices().add_webhook({0, "ki-babel", "https://sistem.ki-babel.example.id/perkara/webhook",
                               "whsec_" + api::random_hex(24), true, now},
                              now);
    ++created;
  }
  const std::pair<const char*, const char*> muted[] = {{"panitera.babel", "digest"}, {"mediator.babel", "reminder"}};
  for (const auto& [username, kind] : muted) {
    if (const auto creds = tx->users().find_credentials(username)) {
      tx->notices().set_preference(creds->user.id, kind, false);
    }
  }
  tx->commit();
  return created;
}

}  // namespace perkara::server
