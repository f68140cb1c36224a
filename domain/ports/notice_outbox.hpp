#pragma once
// Storage port of the notice outbox (issue 16, docs/operations.md "Notices"). Notices are queued by the
// storage itself when a transaction that appended case events commits (in that same transaction), so no
// workflow service queues them; this port is what the dispatcher and the pages that show the delivery
// log use.

#include "domain/enum_names.hpp"
#include "domain/notices/notice.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

enum class notice_state { pending, sent, failed };
/// The states' names, stored in `notices.state` and shown; the first row is also the name of a value
/// the table lacks (domain/enum_names.hpp).
inline constexpr domain::enum_name<notice_state> notice_state_names[] = {
    {notice_state::pending, "pending"}, {notice_state::sent, "sent"}, {notice_state::failed, "failed"}};

struct queued_notice {
  long long id = 0;
  std::string idempotency_key;  // the receiver's duplicate check: Message-ID / Idempotency-Key header
  std::string organisation;
  std::string case_type;
  std::string case_id;
  std::string event_action;
  std::string kind;
  domain::notices::channel via = domain::notices::channel::email;
  std::string audience;
  std::string recipient;
  std::string subject;
  std::string body_text;
  std::string body_html;
  std::string payload_json;
  notice_state state = notice_state::pending;
  int attempts = 0;  // claims so far, this one included
  domain::instant created_at{};
  std::optional<domain::instant> sent_at;
  std::string last_error;
};

/// One attempt of the delivery log.
struct notice_delivery {
  long long notice_id = 0;
  domain::instant at{};
  std::string outcome;  // "sent", "retry", "failed"
  std::string detail;   // the receiver's answer or the error
  std::string dispatcher;
};

struct notice_counts {
  long long pending = 0;
  long long sent = 0;
  long long failed = 0;
  std::optional<domain::instant> oldest_pending;  // created_at of the oldest pending notice
};

struct webhook_endpoint {
  long long id = 0;
  std::string organisation;
  std::string url;
  std::string secret;
  bool active = true;
  domain::instant created_at{};
};

/// An applicant's opt-out by token: which notice's link was used, and whose address.
struct opted_out {
  long long notice_id = 0;
  std::string organisation;
  std::string email;
};

/// The latest attempt of a channel with a given result, for the status page.
struct last_attempt {
  domain::instant at{};
  std::string outcome;
  std::string detail;
};

class notice_outbox {
 public:
  virtual ~notice_outbox() = default;
  /// Claims up to `limit` pending notices due at `now` for `owner` until `lease_until`: nobody else
  /// claims them before then (MariaDB: FOR UPDATE SKIP LOCKED, so claimers never wait on each other).
  /// A claim that is never settled (its server died) becomes due again at `lease_until`. Only notices
  /// of `channels` are claimed (a server without SMTP leaves email to one that has it).
  virtual std::vector<queued_notice> claim(const std::string& owner, domain::instant now, domain::instant lease_until,
                                           int limit, const std::vector<domain::notices::channel>& channels) = 0;
  /// Settles a claim: sent; or failed with `error`, retried at `retry_at` or (nullopt) given up. Logs the
  /// attempt. False, and nothing changed, when `owner` no longer holds the lease.
  virtual bool settle(long long id, const std::string& owner, domain::instant at, bool sent, const std::string& detail,
                      std::optional<domain::instant> retry_at) = 0;
  /// The notices of one case, oldest first, and the attempts of one notice.
  virtual std::vector<queued_notice> for_case(const std::string& case_type, const std::string& case_id) = 0;
  virtual std::vector<notice_delivery> deliveries(long long notice_id) = 0;
  virtual notice_counts counts() = 0;
  virtual std::vector<webhook_endpoint> webhooks(const std::string& organisation) = 0;
  /// Adds an endpoint; returns its id.
  virtual long long add_webhook(const webhook_endpoint& endpoint, domain::instant at) = 0;
  virtual void opt_out(const std::string& email, domain::instant at) = 0;

  // Managing webhooks, preferences and opt-outs (docs/operations.md "Notices"). A removed endpoint is
  // kept (its delivery log stays) but is no longer listed, queued for or delivered to.
  /// One endpoint of `organisation` that was not removed.
  virtual std::optional<webhook_endpoint> webhook(const std::string& organisation, long long id) = 0;
  /// Writes url, secret and active of an existing endpoint.
  virtual void update_webhook(const webhook_endpoint& endpoint) = 0;
  virtual void remove_webhook(long long id, domain::instant at) = 0;
  /// The notices sent to one endpoint, newest first, at most `limit`.
  virtual std::vector<queued_notice> for_webhook(const webhook_endpoint& endpoint, int limit) = 0;
  /// Queues one notice that belongs to no case event (a webhook's test delivery).
  virtual void queue_notice(const domain::notices::notice& n, const std::string& organisation,
                            const std::string& case_type, const std::string& case_id, const std::string& action,
                            domain::instant at) = 0;
  /// The notice kinds a user turned off, and turning one on or off.
  virtual std::vector<std::string> muted_kinds(const std::string& user_id) = 0;
  virtual void set_preference(const std::string& user_id, const std::string& kind, bool enabled) = 0;
  /// Opts out the applicant an email notice went to, by that notice's key (the token of its opt-out
  /// link). Nullopt when no applicant email has that key. Idempotent.
  virtual std::optional<opted_out> opt_out_by_token(const std::string& token, domain::instant at) = 0;
  /// The latest successful (`sent`) or unsuccessful (retry or failed) attempt on `via`.
  virtual std::optional<last_attempt> last_delivery(domain::notices::channel via, bool sent) = 0;
};

}  // namespace perkara::ports
