#include "persistence/detail/schema.hpp"

namespace perkara::persistence::detail {

// Migration 0014: the notice outbox (issue 16, docs/operations.md "Notices"). A notice row is written in
// the transaction of its event (persistence/repositories/notice_outbox.cpp), so a committed event always
// has its notices and a rolled-back one never does. The dispatcher claims due rows with a lease
// (lease_owner, lease_until): a claim whose server died expires and is claimed again, so every notice is
// delivered at least once; the receiver drops repeats by idempotency_key.
std::vector<std::string_view> notice_schema() {
  return {
      R"(CREATE TABLE notices (
           id {ID},
           idempotency_key VARCHAR(64) NOT NULL,
           organisation VARCHAR(64) NOT NULL,
           case_type VARCHAR(16) NOT NULL,
           case_id VARCHAR(64) NOT NULL,
           event_action VARCHAR(64) NOT NULL,
           kind VARCHAR(32) NOT NULL,
           channel VARCHAR(16) NOT NULL,
           audience VARCHAR(16) NOT NULL,
           recipient VARCHAR(255) NOT NULL,
           subject VARCHAR(1000) NOT NULL,
           body_text {TEXT} NOT NULL,
           body_html {TEXT} NOT NULL,
           payload_json {TEXT} NOT NULL,
           state VARCHAR(16) NOT NULL,
           attempts INTEGER NOT NULL,
           created_at BIGINT NOT NULL,
           next_attempt_at BIGINT NOT NULL,
           lease_owner VARCHAR(64) NULL,
           lease_until BIGINT NULL,
           sent_at BIGINT NULL,
           last_error VARCHAR(1000) NULL,
           CONSTRAINT uq_notices_key UNIQUE (idempotency_key)
         ){OPTS})",
      // The dispatcher's claim: pending rows whose time has come, oldest first.
      "CREATE INDEX ix_notices_due ON notices (state, next_attempt_at)",
      "CREATE INDEX ix_notices_case ON notices (case_type, case_id, id)",
      // The delivery log: one row per attempt (sent, failed with the reason, retry planned).
      R"(CREATE TABLE notice_deliveries (
           id {ID},
           notice_id BIGINT NOT NULL,
           at BIGINT NOT NULL,
           outcome VARCHAR(16) NOT NULL,
           detail VARCHAR(1000) NOT NULL,
           dispatcher VARCHAR(64) NOT NULL
         ){OPTS})",
      "CREATE INDEX ix_notice_deliveries_notice ON notice_deliveries (notice_id, id)",
      // Webhook endpoints of an organisation's client systems; the secret signs each body (HMAC-SHA256).
      R"(CREATE TABLE notice_webhooks (
           id {ID},
           organisation VARCHAR(64) NOT NULL,
           url VARCHAR(1000) NOT NULL,
           secret VARCHAR(128) NOT NULL,
           active SMALLINT NOT NULL,
           created_at BIGINT NOT NULL
         ){OPTS})",
      "CREATE INDEX ix_notice_webhooks_organisation ON notice_webhooks (organisation)",
      // Applicants who asked (from the link in an email) to receive no more mail, by address.
      R"(CREATE TABLE notice_opt_outs (
           email VARCHAR(255) NOT NULL PRIMARY KEY,
           at BIGINT NOT NULL
         ){OPTS})",
  };
}

// Migration 0018: the people side of notices (issue 16, docs/operations.md "Notices"): a notice address
// per user, per-user preferences by notice kind, removed webhooks kept for their delivery log, and the
// index of a webhook's delivery log.
std::vector<std::string_view> notice_people_schema() {
  return {
      "ALTER TABLE users ADD COLUMN email VARCHAR(255) NOT NULL DEFAULT ''",
      "ALTER TABLE notice_webhooks ADD COLUMN deleted_at BIGINT NULL",
      R"(CREATE TABLE notice_preferences (
           user_id VARCHAR(64) NOT NULL,
           kind VARCHAR(32) NOT NULL,
           enabled SMALLINT NOT NULL,
           PRIMARY KEY (user_id, kind),
           CONSTRAINT fk_notice_preferences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
         ){OPTS})",
      "CREATE INDEX ix_notices_recipient ON notices (channel, organisation, recipient, id)",
  };
}

}  // namespace perkara::persistence::detail
