// Demo notices for `perkara seed-demo` (issue 16, docs/operations.md "Deadline sweep"): one deadline
// sweep over the demo cases (their missed deadlines recorded, reminders and the digests queued to the
// demo letterheads' addresses), then every pending notice of the demo database settled as delivered,
// so the demo cases show a delivery log. A demo server has no mail server: the log says so.
#include "server/notices/deadline_sweep.hpp"
#include "server/seed_demo.hpp"

namespace perkara::server {

std::size_t seed_demo_deliveries(ports::database& db, const ports::clock& clock) {
  notices::sweep_deadlines(db, clock.now());
  using domain::notices::channel;
  const std::string owner = "seed-demo";
  std::size_t delivered = 0;
  for (;;) {
    auto tx = db.begin(ports::access::write);
    const auto now = clock.now();
    const auto claimed =
        tx->notices().claim(owner, now, now + std::chrono::minutes{5}, 200, {channel::email, channel::webhook});
    for (const auto& n : claimed) {
      if (tx->notices().settle(n.id, owner, now, true, "250 demo: dicatat, tidak dikirim / recorded, not sent",
                               std::nullopt)) {
        ++delivered;
      }
    }
    tx->commit();
    if (claimed.empty()) return delivered;
  }
}

}  // namespace perkara::server
