#pragma once
// Demo data for `perkara seed-demo`: one user per role (random passwords, printed once) and, as the
// workflows grow, requests and disputes in every stage, so a new user sees a living system.

#include "api/auth/caller.hpp"
#include "domain/cases/actor.hpp"
#include "domain/ports/clock.hpp"
#include "domain/ports/database.hpp"
#include "domain/ports/file_store.hpp"
#include "domain/time/instant.hpp"

#include <optional>

#include <string>
#include <vector>

namespace perkara::server {

struct demo_login {
  std::string username;
  std::string password;
  std::string role;
  std::string organisation;
};

/// Creates the demo users that do not exist yet; returns the logins it created.
std::vector<demo_login> seed_demo_users(ports::database& db, const ports::clock& clock);

/// Demo notice set-up (docs/operations.md "Notices"), after the users and before the cases so that their
/// events are announced: a webhook of ki-babel and a few users' preferences. Returns the webhooks created.
std::size_t seed_demo_notices(ports::database& db, const ports::clock& clock);

/// Demo information requests at kpu-pangkalpinang and bawaslu-babel in every state (after the users); returns how many it created (0 when present).
std::size_t seed_demo_requests(ports::database& db, const ports::clock& clock);

/// A year of demo request history for the reports dashboard (after the users); returns how many it
/// created (0 when present).
std::size_t seed_demo_history(ports::database& db, const ports::clock& clock);

/// Demo dispute cases at ki-babel in every state (after the users); returns how many it created (0 when present).
std::size_t seed_demo_disputes(ports::database& db, const ports::clock& clock);

/// Demo letterheads (ki-babel, kpu-pangkalpinang, bawaslu-babel) and letters issued in a few demo cases
/// (after the cases), each filed as a document of its case in `store`; returns how many letters it issued.
std::size_t seed_demo_letters(ports::database& db, const ports::clock& clock, ports::file_store& store);

/// Small generated PDFs uploaded to a few demo requests and disputes (after the cases); returns how
/// many documents it added (0 when present).
std::size_t seed_demo_documents(ports::database& db, const ports::clock& clock, ports::file_store& store);

/// The demo user `username` as a caller of its organisation (for service calls and audit entries).
std::optional<api::caller> demo_caller(ports::transaction& tx, const std::string& username);
/// The demo user `username` as a case actor; throws when the user is missing.
domain::case_actor demo_actor(ports::transaction& tx, const std::string& username);

/// The demo offices are in WIB (UTC+7); their acts are written in RFC 3339 at that offset.
constexpr int wib = 7 * 60;
inline std::string rfc(domain::instant t) { return domain::format_rfc3339(t, wib); }

/// A deadline sweep over the demo cases (missed deadlines, reminders, digests), then every pending
/// notice settled as delivered (the demo has no mail server; the delivery log says so). After the
/// letters (their letterheads hold the offices' addresses); returns how many it settled.
std::size_t seed_demo_deliveries(ports::database& db, const ports::clock& clock);

}  // namespace perkara::server
