#pragma once
// The JSON of notices, their delivery attempts and webhook endpoints (docs/operations.md "Notices"),
// shared by the case delivery log, the webhook routes and the status page.

#include "domain/org/organisation.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>

namespace perkara::api {

/// `{channel, audience, recipient, kind, action, state, attempts, created_at, sent_at, last_error,
/// deliveries: [{at, outcome, detail}]}`; times in `utc_offset_minutes`.
boost::json::object notice_json(ports::transaction& tx, const ports::queued_notice& n, int utc_offset_minutes);

/// `{at, outcome, detail}` of one attempt, or null.
boost::json::value attempt_json(const std::optional<ports::last_attempt>& a, int utc_offset_minutes);

/// `{id, url, active, created_at, last_delivery}`; never the secret.
boost::json::object webhook_json(ports::transaction& tx, const ports::webhook_endpoint& w,
                                 const domain::organisation& org);

}  // namespace perkara::api
