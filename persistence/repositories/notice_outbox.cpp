// The notice outbox on SOCI (issue 16, docs/operations.md "Notices"): queueing in the event's own
// transaction, the dispatcher's leased claims, the delivery log, webhooks and opt-outs.
#include "persistence/detail/session_setup.hpp"
#include "persistence/repositories/repositories.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <utility>

namespace perkara::persistence::detail {
namespace {

using domain::notices::channel;

ports::notice_state parse_state(const std::string& s) {
  return domain::value_in(ports::notice_state_names, s).value_or(ports::notice_state::pending);
}

/// The applicant's email in a stored dispute document (api/disputes/dispute_document.cpp), if any.
std::optional<std::string> dispute_applicant_email(const std::string& body) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(body, ec);
  if (ec || !doc.is_object()) return std::nullopt;
  const auto* applicant = doc.as_object().if_contains("applicant");
  if (!applicant || !applicant->is_object()) return std::nullopt;
  const auto* email = applicant->as_object().if_contains("email");
  if (!email || !email->is_string() || email->as_string().empty()) return std::nullopt;
  return std::string(email->as_string());
}

constexpr const char* notice_columns =
    "id, idempotency_key, organisation, case_type, case_id, event_action, kind, channel, audience, recipient, "
    "subject, body_text, body_html, payload_json, state, attempts, created_at";

/// Reads the rows of `query`, which selects notice_columns, sent_at, last_error (rowset<row> would
/// need the backend's exact integer types, which differ between SQLite and MariaDB).
std::vector<ports::queued_notice> read_notices(soci::session& sql, const std::string& query,
                                               const std::vector<std::string>& params) {
  std::vector<ports::queued_notice> out;
  ports::queued_notice n;
  std::string via;
  std::string state;
  long long created = 0;
  long long sent_at = 0;
  soci::indicator sent_ind = soci::i_null;
  std::string error;
  soci::indicator error_ind = soci::i_null;
  soci::statement st(sql);
  st.exchange(soci::into(n.id));
  st.exchange(soci::into(n.idempotency_key));
  st.exchange(soci::into(n.organisation));
  st.exchange(soci::into(n.case_type));
  st.exchange(soci::into(n.case_id));
  st.exchange(soci::into(n.event_action));
  st.exchange(soci::into(n.kind));
  st.exchange(soci::into(via));
  st.exchange(soci::into(n.audience));
  st.exchange(soci::into(n.recipient));
  st.exchange(soci::into(n.subject));
  st.exchange(soci::into(n.body_text));
  st.exchange(soci::into(n.body_html));
  st.exchange(soci::into(n.payload_json));
  st.exchange(soci::into(state));
  st.exchange(soci::into(n.attempts));
  st.exchange(soci::into(created));
  st.exchange(soci::into(sent_at, sent_ind));
  st.exchange(soci::into(error, error_ind));
  for (const auto& p : params) st.exchange(soci::use(p));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    auto row = n;
    row.via = domain::notices::parse_channel(via).value_or(channel::email);
    row.state = parse_state(state);
    row.created_at = from_epoch_seconds(created);
    row.sent_at = sent_ind == soci::i_ok ? std::optional(from_epoch_seconds(sent_at)) : std::nullopt;
    row.last_error = error_ind == soci::i_ok ? error : std::string();
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

std::optional<domain::notices::case_facts> soci_notice_outbox::facts_of(const std::string& case_type,
                                                                          const std::string& case_id) {
  domain::notices::case_facts f;
  f.case_type = case_type;
  f.case_id = case_id;
  if (case_type == "request") {
    std::string email;
    soci::indicator email_ind = soci::i_null;
    ctx_.sql << "SELECT respondent, number, applicant_email FROM requests WHERE id = :id", soci::into(f.organisation),
        soci::into(f.number), soci::into(email, email_ind), soci::use(case_id);
    if (!ctx_.sql.got_data()) return std::nullopt;
    if (email_ind == soci::i_ok && !email.empty()) f.applicant_email = email;
    add_staff(f, "");
  } else if (case_type == "dispute") {
    std::string number;
    std::string body;
    soci::indicator number_ind = soci::i_null;
    ctx_.sql << "SELECT ki, register_number, body FROM disputes WHERE id = :id", soci::into(f.organisation),
        soci::into(number, number_ind), soci::into(body), soci::use(case_id);
    if (!ctx_.sql.got_data()) return std::nullopt;
    if (number_ind == soci::i_ok) f.number = number;
    f.applicant_email = dispute_applicant_email(body);
    add_staff(f, body);
  } else {
    return std::nullopt;
  }
  int offset = 7 * 60;
  ctx_.sql << "SELECT utc_offset_minutes FROM organisations WHERE code = :code", soci::into(offset),
      soci::use(f.organisation);
  f.utc_offset_minutes = offset;
  long long hooks = 0;
  ctx_.sql << "SELECT COUNT(*) FROM notice_webhooks WHERE organisation = :org AND active = 1", soci::into(hooks),
      soci::use(f.organisation);
  f.organisation_has_webhooks = hooks > 0;
  if (f.applicant_email) {
    long long opted = 0;
    ctx_.sql << "SELECT COUNT(*) FROM notice_opt_outs WHERE email = :email", soci::into(opted),
        soci::use(*f.applicant_email);
    f.applicant_opted_out = opted > 0;
  }
  return f;
}

void soci_notice_outbox::insert(const domain::notices::notice& n, const domain::notices::case_facts& f,
                                const std::string& action, domain::instant at) {
  const long long when = epoch_seconds(at);
  const std::string key = random_id();
  const std::string via(domain::notices::to_string(n.via));
  // The opt-out link's token is the notice's own key (docs/operations.md "Notices").
  const auto with_token = [&key](std::string text) {
    const auto placeholder = domain::notices::opt_out_token_placeholder;
    for (auto pos = text.find(placeholder); pos != std::string::npos; pos = text.find(placeholder, pos + key.size())) {
      text.replace(pos, placeholder.size(), key);
    }
    return text;
  };
  const auto body_text = with_token(n.body_text);
  const auto body_html = with_token(n.body_html);
  ctx_.sql << "INSERT INTO notices (idempotency_key, organisation, case_type, case_id, event_action, kind, channel, "
              "audience, recipient, subject, body_text, body_html, payload_json, state, attempts, created_at, "
              "next_attempt_at) VALUES (:key, :org, :ct, :cid, :action, :kind, :channel, :audience, :recipient, "
              ":subject, :text, :html, :payload, 'pending', 0, :created, :next)",
      soci::use(key), soci::use(f.organisation), soci::use(f.case_type), soci::use(f.case_id), soci::use(action),
      soci::use(n.kind), soci::use(via), soci::use(n.audience), soci::use(n.recipient), soci::use(n.subject),
      soci::use(body_text), soci::use(body_html), soci::use(n.payload_json), soci::use(when), soci::use(when);
}

void soci_notice_outbox::queue_for(const std::vector<domain::case_event>& events) {
  translated([&] {
    for (const auto& e : events) {
      const auto facts = facts_of(e.case_type, e.case_id);
      if (!facts) continue;
      soci_deadline_repository deadlines(ctx_);
      const auto clocks = deadlines.for_case(e.case_type, e.case_id);
      for (const auto& n : domain::notices::notices_for_event(e, *facts, clocks)) {
        queue_notice(n, *facts, e.action, e.at);
      }
    }
  });
}

void soci_notice_outbox::queue_notice(const domain::notices::notice& n, const domain::notices::case_facts& f,
                                      const std::string& action, domain::instant at) {
  if (n.via != channel::webhook) {
    insert(n, f, action, at);
    return;
  }
  // One notice per endpoint, so each is retried and logged on its own.
  for (const auto& hook : webhooks(f.organisation)) {
    if (!hook.active) continue;
    auto copy = n;
    copy.recipient = hook.url;
    insert(copy, f, action, at);
  }
}

std::vector<ports::queued_notice> soci_notice_outbox::claim(const std::string& owner, domain::instant now,
                                                            domain::instant lease_until, int limit,
                                                            const std::vector<channel>& channels) {
  return translated([&] {
    const long long t = epoch_seconds(now);
    const long long until = epoch_seconds(lease_until);
    // The lease is next_attempt_at itself: a claimed row is not due again before the lease ends.
    // One indexed range per channel (ix_notices_due: state, channel, next_attempt_at, id), oldest first,
    // then the oldest `limit` of them all. A single "channel IN (...)" read walked every due row of the
    // channels this server does not send (800,000 waiting emails on a server without SMTP, every five
    // seconds: docs/performance.md "Deadline sweep and dispatch").
    std::vector<std::pair<long long, long long>> due;  // (next_attempt_at, id)
    const std::string query = fmt::format(
        "SELECT next_attempt_at, id FROM notices WHERE state = 'pending' AND channel = :channel AND "
        "next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT {}{}",
        limit, ctx_.kind == backend::mysql ? " FOR UPDATE SKIP LOCKED" : "");
    for (const auto c : channels) {
      const std::string name{domain::notices::to_string(c)};
      long long at = 0;
      long long id = 0;
      soci::statement st = (ctx_.sql.prepare << query, soci::into(at), soci::into(id), soci::use(name), soci::use(t));
      st.execute();
      while (st.fetch()) due.emplace_back(at, id);
    }
    std::sort(due.begin(), due.end());
    if (due.size() > static_cast<std::size_t>(std::max(limit, 0))) due.resize(static_cast<std::size_t>(limit));
    std::vector<long long> ids;
    ids.reserve(due.size());
    for (const auto& [at, id] : due) ids.push_back(id);
    std::vector<ports::queued_notice> out;
    for (const long long id : ids) {
      ctx_.sql << "UPDATE notices SET lease_owner = :owner, lease_until = :until, next_attempt_at = :until2, "
                  "attempts = attempts + 1 WHERE id = :id AND state = 'pending'",
          soci::use(owner), soci::use(until), soci::use(until), soci::use(id);
      auto rows = read_notices(ctx_.sql, fmt::format("SELECT {}, sent_at, last_error FROM notices WHERE id = {}", notice_columns, id), {});
      for (auto& r : rows) out.push_back(std::move(r));
    }
    return out;
  });
}

bool soci_notice_outbox::settle(long long id, const std::string& owner, domain::instant at, bool sent,
                                const std::string& detail, std::optional<domain::instant> retry_at) {
  return translated([&] {
    const long long t = epoch_seconds(at);
    const std::string short_detail = detail.substr(0, 1000);
    soci::statement st = [&]() -> soci::statement {
      if (sent) {
        return (ctx_.sql.prepare << "UPDATE notices SET state = 'sent', sent_at = :at, lease_owner = NULL, "
                                    "lease_until = NULL, last_error = NULL WHERE id = :id AND state = 'pending' "
                                    "AND lease_owner = :owner",
                soci::use(t), soci::use(id), soci::use(owner));
      }
      if (retry_at) {
        const long long next = epoch_seconds(*retry_at);
        return (ctx_.sql.prepare << "UPDATE notices SET next_attempt_at = :next, lease_owner = NULL, lease_until = "
                                    "NULL, last_error = :err WHERE id = :id AND state = 'pending' AND lease_owner = "
                                    ":owner",
                soci::use(next), soci::use(short_detail), soci::use(id), soci::use(owner));
      }
      return (ctx_.sql.prepare << "UPDATE notices SET state = 'failed', lease_owner = NULL, lease_until = NULL, "
                                  "last_error = :err WHERE id = :id AND state = 'pending' AND lease_owner = :owner",
              soci::use(short_detail), soci::use(id), soci::use(owner));
    }();
    st.execute(true);
    if (st.get_affected_rows() != 1) return false;
    const std::string outcome = sent ? "sent" : (retry_at ? "retry" : "failed");
    ctx_.sql << "INSERT INTO notice_deliveries (notice_id, at, outcome, detail, dispatcher) "
                "VALUES (:id, :at, :outcome, :detail, :owner)",
        soci::use(id), soci::use(t), soci::use(outcome), soci::use(short_detail), soci::use(owner);
    return true;
  });
}

std::vector<ports::queued_notice> soci_notice_outbox::for_case(const std::string& case_type,
                                                               const std::string& case_id) {
  return translated([&] {
    return read_notices(ctx_.sql,
                        fmt::format("SELECT {}, sent_at, last_error FROM notices WHERE case_type = :t AND "
                                    "case_id = :id ORDER BY id",
                                    notice_columns),
                        {case_type, case_id});
  });
}

std::vector<ports::queued_notice> soci_notice_outbox::for_webhook(const ports::webhook_endpoint& endpoint, int limit) {
  return translated([&] {
    return read_notices(ctx_.sql,
                        fmt::format("SELECT {}, sent_at, last_error FROM notices WHERE channel = 'webhook' AND "
                                    "organisation = :org AND recipient = :url ORDER BY id DESC LIMIT {}",
                                    notice_columns, limit),
                        {endpoint.organisation, endpoint.url});
  });
}

std::vector<ports::notice_delivery> soci_notice_outbox::deliveries(long long notice_id) {
  return translated([&] {
    std::vector<ports::notice_delivery> out;
    ports::notice_delivery d;
    long long at = 0;
    soci::statement st = (ctx_.sql.prepare << "SELECT notice_id, at, outcome, detail, dispatcher FROM "
                                              "notice_deliveries WHERE notice_id = :id ORDER BY id",
                          soci::into(d.notice_id), soci::into(at), soci::into(d.outcome), soci::into(d.detail),
                          soci::into(d.dispatcher), soci::use(notice_id));
    st.execute();
    while (st.fetch()) {
      d.at = from_epoch_seconds(at);
      out.push_back(d);
    }
    return out;
  });
}

ports::notice_counts soci_notice_outbox::counts() {
  return translated([&] {
    ports::notice_counts c;
    std::string state;
    long long n = 0;
    soci::statement st =
        (ctx_.sql.prepare << "SELECT state, COUNT(*) FROM notices GROUP BY state", soci::into(state), soci::into(n));
    st.execute();
    while (st.fetch()) {
      switch (parse_state(state)) {
        case ports::notice_state::pending: c.pending = n; break;
        case ports::notice_state::sent: c.sent = n; break;
        case ports::notice_state::failed: c.failed = n; break;
      }
    }
    long long oldest = 0;
    soci::indicator ind = soci::i_null;
    ctx_.sql << "SELECT MIN(created_at) FROM notices WHERE state = 'pending'", soci::into(oldest, ind);
    if (ind == soci::i_ok) c.oldest_pending = from_epoch_seconds(oldest);
    return c;
  });
}

std::vector<ports::webhook_endpoint> soci_notice_outbox::webhooks(const std::string& organisation) {
  return translated([&] {
    std::vector<ports::webhook_endpoint> out;
    ports::webhook_endpoint w;
    int active = 0;
    long long created = 0;
    soci::statement st = (ctx_.sql.prepare << "SELECT id, organisation, url, secret, active, created_at FROM "
                                              "notice_webhooks WHERE organisation = :org AND deleted_at IS NULL "
                                              "ORDER BY id",
                          soci::into(w.id), soci::into(w.organisation), soci::into(w.url), soci::into(w.secret),
                          soci::into(active), soci::into(created), soci::use(organisation));
    st.execute();
    while (st.fetch()) {
      w.active = active != 0;
      w.created_at = from_epoch_seconds(created);
      out.push_back(w);
    }
    return out;
  });
}

long long soci_notice_outbox::add_webhook(const ports::webhook_endpoint& endpoint, domain::instant at) {
  return translated([&] {
    const long long t = epoch_seconds(at);
    const int active = endpoint.active ? 1 : 0;
    ctx_.sql << "INSERT INTO notice_webhooks (organisation, url, secret, active, created_at) "
                "VALUES (:org, :url, :secret, :active, :at)",
        soci::use(endpoint.organisation), soci::use(endpoint.url), soci::use(endpoint.secret), soci::use(active),
        soci::use(t);
    long long id = 0;
    ctx_.sql << "SELECT MAX(id) FROM notice_webhooks WHERE organisation = :org", soci::into(id),
        soci::use(endpoint.organisation);
    return id;
  });
}

void soci_notice_outbox::opt_out(const std::string& email, domain::instant at) {
  translated([&] {
    long long exists = 0;
    ctx_.sql << "SELECT COUNT(*) FROM notice_opt_outs WHERE email = :email", soci::into(exists), soci::use(email);
    if (exists == 0) {
      const long long t = epoch_seconds(at);
      ctx_.sql << "INSERT INTO notice_opt_outs (email, at) VALUES (:email, :at)", soci::use(email), soci::use(t);
    }
  });
}

}  // namespace perkara::persistence::detail
