#pragma once
// Internal: the SOCI implementations of the storage ports. Each works on the session of the transaction
// that created it; statements are prepared per call, except on SQLite where each connection keeps the
// ones it has prepared (detail/statement_cache.hpp).

#include "domain/ports/deadline_sweep.hpp"
#include "domain/ports/letter_repository.hpp"
#include "domain/ports/document_repository.hpp"
#include "domain/ports/login_attempt_repository.hpp"
#include "domain/ports/notice_outbox.hpp"
#include "domain/ports/repositories.hpp"
#include "persistence/database_url.hpp"

#include <soci/session.h>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perkara::persistence::detail {

/// Rule-set versions are never changed once stored (a change is a new version), so a database keeps
/// the ones it has read, with their periods, for every later transaction.
class ruleset_cache {
 public:
  std::optional<domain::ruleset> find(const std::string& name, int version) const;
  void keep(const domain::ruleset& ruleset);

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, domain::ruleset> kept_;
};

/// What one transaction already read and need not read again (docs/performance.md "Statements per request
/// on MariaDB"): the caller's lookup also brings the caller's organisation and the holidays' revision
/// token, which most requests read next, and every organisation found by its code is kept. A write of
/// either forgets it.
struct transaction_memo {
  std::optional<std::string> holiday_revision;
  std::map<std::string, domain::organisation, std::less<>> organisations;
  /// A dispute's clocks and the kinds in its case file, read with the dispute (soci_dispute_repository::find,
  /// not for update) and taken by the next deadline_repository::for_case and document_repository::present_kinds
  /// of that case, by case_memo_key. A clock written forgets every case's clocks; a document or a paper
  /// original written, every case's kinds.
  std::map<std::string, std::vector<domain::deadline_record>, std::less<>> clocks;
  std::map<std::string, std::vector<std::string>, std::less<>> present_kinds;
};

/// The transaction memo's key of a case: its type (or case-file kind) and its id.
std::string case_memo_key(std::string_view type, std::string_view id);

/// What every repository needs: the leased session and the SQL dialect (and the database's caches).
class statement_cache;

struct db_context {
  soci::session& sql;
  backend kind;
  ruleset_cache* rulesets = nullptr;
  /// The connection's kept statements (SQLite), or null: statements are then prepared per call.
  statement_cache* statements = nullptr;
  /// The transaction's memo, or null (tools and the group committer's own context read everything).
  transaction_memo* memo = nullptr;
};

class soci_organisation_repository final : public ports::organisation_repository {
 public:
  explicit soci_organisation_repository(db_context ctx) : ctx_(ctx) {}
  std::vector<domain::organisation> list() override;
  std::vector<domain::organisation> list(domain::organisation_kind kind) override;
  std::optional<domain::organisation> find(const std::string& code) override;
  void upsert(const domain::organisation& org) override;

 private:
  db_context ctx_;
};

class soci_user_repository final : public ports::user_repository {
 public:
  explicit soci_user_repository(db_context ctx) : ctx_(ctx) {}
  std::optional<domain::user> find(const std::string& id) override;
  std::optional<ports::stored_credentials> find_credentials(const std::string& username) override;
  std::vector<domain::user> list(const std::string& organisation) override;
  void insert(const domain::user& user, const std::string& password_hash) override;
  void update(const domain::user& user) override;
  void set_password_hash(const std::string& id, const std::string& password_hash) override;

 private:
  std::vector<domain::role> roles_of(const std::string& id);
  void write_roles(const domain::user& user);
  db_context ctx_;
};

class soci_session_repository final : public ports::session_repository {
 public:
  explicit soci_session_repository(db_context ctx) : ctx_(ctx) {}
  void insert(const std::string& token_hash, const ports::stored_session& session) override;
  std::optional<ports::stored_session> find(const std::string& token_hash) override;
  std::optional<ports::session_caller> find_caller(const std::string& token_hash) override;
  void revoke(const std::string& token_hash) override;
  void revoke_all_of_user(const std::string& user_id) override;

 private:
  db_context ctx_;
};

class soci_holiday_repository final : public ports::holiday_repository {
 public:
  explicit soci_holiday_repository(db_context ctx) : ctx_(ctx) {}
  std::vector<domain::holiday> list_for(const std::string& organisation) override;
  std::vector<domain::holiday> list_year(int year) override;
  std::optional<domain::holiday> find(domain::civil_date date, const std::optional<std::string>& organisation,
                                      const std::string& region_code = {}) override;
  void put(const domain::holiday& holiday) override;
  bool remove(domain::civil_date date, const std::optional<std::string>& organisation,
              const std::string& region_code = {}) override;
  std::string revision() override;

 private:
  void forget_holiday_revision() {
    if (ctx_.memo != nullptr) {
      ctx_.memo->holiday_revision.reset();
    }
  }
  db_context ctx_;
};

/// Gives the holidays a fresh revision token (in the caller's transaction).
void renew_holiday_revision(soci::session& sql);

class soci_ruleset_repository final : public ports::ruleset_repository {
 public:
  explicit soci_ruleset_repository(db_context ctx) : ctx_(ctx) {}
  std::vector<domain::ruleset> list_latest() override;
  std::vector<domain::ruleset> versions(const std::string& name) override;
  std::optional<domain::ruleset> in_force(const std::string& name, domain::civil_date date) override;
  std::optional<domain::ruleset> find(const std::string& name, int version) override;
  void insert(const domain::ruleset& ruleset) override;

 private:
  void load_periods(domain::ruleset& ruleset);
  /// The first of `headers` (none: nullopt) with its periods: from the cache when this version was read
  /// before, else from the database.
  std::optional<domain::ruleset> first_complete(std::vector<domain::ruleset> headers);
  db_context ctx_;
  bool inserted_ = false;  // this transaction stored a version: what it reads may still roll back
};

class soci_audit_repository final : public ports::audit_repository {
 public:
  explicit soci_audit_repository(db_context ctx) : ctx_(ctx) {}
  void append(const domain::audit_entry& entry) override;
  std::vector<domain::audit_entry> list(const std::string& object_type, const std::string& object_id) override;
  std::vector<ports::audit_record> search(const ports::audit_search& query) override;

 private:
  db_context ctx_;
};

class soci_deadline_repository final : public ports::deadline_repository {
 public:
  explicit soci_deadline_repository(db_context ctx) : ctx_(ctx) {}
  std::string save(const domain::deadline_record& record) override;
  std::vector<domain::deadline_record> for_case(const std::string& case_type, const std::string& case_id) override;
  std::vector<domain::deadline_record> open_from(domain::civil_date from) override;

 private:
  db_context ctx_;
};

class soci_event_repository final : public ports::event_repository {
 public:
  explicit soci_event_repository(db_context ctx) : ctx_(ctx) {}
  void append(const domain::case_event& event) override;
  std::vector<domain::case_event> for_case(const std::string& case_type, const std::string& case_id) override;
  /// The events this transaction appended, whose notices its commit queues.
  [[nodiscard]] const std::vector<domain::case_event>& appended() const { return appended_; }

 private:
  db_context ctx_;
  std::vector<domain::case_event> appended_;
};

class soci_notice_outbox final : public ports::notice_outbox {
 public:
  explicit soci_notice_outbox(db_context ctx) : ctx_(ctx) {}
  /// Queues the notices of `events` in this transaction (called by its commit, before the commit).
  void queue_for(const std::vector<domain::case_event>& events);
  std::vector<ports::queued_notice> claim(const std::string& owner, domain::instant now, domain::instant lease_until,
                                          int limit, const std::vector<domain::notices::channel>& channels) override;
  bool settle(long long id, const std::string& owner, domain::instant at, bool sent, const std::string& detail,
              std::optional<domain::instant> retry_at) override;
  std::vector<ports::queued_notice> for_case(const std::string& case_type, const std::string& case_id) override;
  std::vector<ports::notice_delivery> deliveries(long long notice_id) override;
  ports::notice_counts counts() override;
  std::vector<ports::webhook_endpoint> webhooks(const std::string& organisation) override;
  long long add_webhook(const ports::webhook_endpoint& endpoint, domain::instant at) override;
  void opt_out(const std::string& email, domain::instant at) override;
  // notice_admin.cpp
  std::optional<ports::webhook_endpoint> webhook(const std::string& organisation, long long id) override;
  void update_webhook(const ports::webhook_endpoint& endpoint) override;
  void remove_webhook(long long id, domain::instant at) override;
  std::vector<ports::queued_notice> for_webhook(const ports::webhook_endpoint& endpoint, int limit) override;
  void queue_notice(const domain::notices::notice& n, const std::string& organisation, const std::string& case_type,
                    const std::string& case_id, const std::string& action, domain::instant at) override;
  std::vector<std::string> muted_kinds(const std::string& user_id) override;
  void set_preference(const std::string& user_id, const std::string& kind, bool enabled) override;
  std::optional<ports::opted_out> opt_out_by_token(const std::string& token, domain::instant at) override;
  std::optional<ports::last_attempt> last_delivery(domain::notices::channel via, bool sent) override;

  /// The facts of a case for its notices; nullopt when the case is unknown.
  std::optional<domain::notices::case_facts> facts_of(const std::string& case_type, const std::string& case_id);
  /// Queues `n` about the case of `f`: a webhook notice once per active endpoint of `f.organisation`.
  void queue_notice(const domain::notices::notice& n, const domain::notices::case_facts& f, const std::string& action,
                    domain::instant at);

 private:
  /// The staff of the case's organisations and a dispute's panel (notice_admin.cpp).
  void add_staff(domain::notices::case_facts& f, const std::string& dispute_body);
  void insert(const domain::notices::notice& n, const domain::notices::case_facts& f, const std::string& action,
              domain::instant at);
  db_context ctx_;
};

class soci_deadline_sweep_repository final : public ports::deadline_sweep_repository {
 public:
  explicit soci_deadline_sweep_repository(db_context ctx) : ctx_(ctx) {}
  std::vector<domain::deadline_record> open_unmarked(domain::notices::sweep_kind kind, domain::civil_date from,
                                                     domain::civil_date until,
                                                     const std::optional<ports::sweep_position>& after,
                                                     int limit) override;
  bool mark(const ports::sweep_mark& mark, domain::instant at) override;
  std::optional<domain::notices::case_facts> case_facts(const std::string& case_type,
                                                        const std::string& case_id) override;
  std::optional<std::string> organisation_email(const std::string& organisation) override;
  void queue(const domain::notices::notice& notice, const domain::notices::case_facts& facts,
             const std::string& action, domain::instant at) override;
  std::vector<ports::digest_recipient> digest_recipients() override;
  std::vector<domain::notices::digest_item> digest_items(const std::string& organisation,
                                                         domain::civil_date until) override;

 private:
  db_context ctx_;
};

class soci_sequence_repository final : public ports::sequence_repository {
 public:
  explicit soci_sequence_repository(db_context ctx) : ctx_(ctx) {}
  long long next(const std::string& scope) override;

 private:
  db_context ctx_;
};

class soci_login_attempt_repository final : public ports::login_attempt_repository {
 public:
  explicit soci_login_attempt_repository(db_context ctx) : ctx_(ctx) {}
  domain::login_history history(const std::string& username, const std::string& address,
                                domain::instant address_since) override;
  void record_failure(const std::string& username, const std::string& address, domain::instant at,
                      domain::instant pair_expired_before, domain::instant address_expired_before) override;
  void clear_pair(const std::string& username, const std::string& address) override;

 private:
  db_context ctx_;
};

class soci_letter_repository final : public ports::letter_repository {
 public:
  explicit soci_letter_repository(db_context ctx) : ctx_(ctx) {}
  std::optional<ports::letterhead> find_letterhead(const std::string& organisation) override;
  void put_letterhead(const ports::letterhead& head) override;
  void insert(const ports::issued_letter& letter) override;
  std::optional<ports::issued_letter> find(const std::string& id) override;
  std::vector<ports::issued_letter> for_case(const std::string& case_type, const std::string& case_id) override;

 private:
  db_context ctx_;
};

class soci_document_repository final : public ports::document_repository {
 public:
  explicit soci_document_repository(db_context ctx) : ctx_(ctx) {}
  void insert(const domain::documents::document& doc) override;
  std::optional<domain::documents::document> find(const std::string& id) override;
  std::vector<domain::documents::document> for_case(const domain::documents::case_ref& owner) override;
  std::uint64_t case_bytes(const domain::documents::case_ref& owner) override;
  bool retract(const std::string& id, const domain::documents::retraction& r) override;
  void set_publishable(const std::string& id, bool publishable) override;
  std::vector<std::string> all_checksums() override;
  std::vector<domain::documents::document> published(const std::vector<std::string>& dispute_ids,
                                                     const std::string& kind) override;
  std::vector<domain::documents::paper_original> papers_for_case(const domain::documents::case_ref& owner) override;
  std::vector<std::string> present_kinds(const domain::documents::case_ref& owner) override;
  void insert_paper(const domain::documents::paper_original& paper) override;

 private:
  std::vector<domain::documents::document> select(const std::string& where, const std::vector<std::string>& params);
  void forget_present_kinds();
  db_context ctx_;
};

/// The deadline rows of `SELECT <the deadline columns> FROM deadlines` + `where` (which may order and
/// limit), with `params` bound in order (persistence/repositories/deadline_repository.cpp).
std::vector<domain::deadline_record> select_deadlines(const db_context& ctx, const std::string& where,
                                                      const std::vector<std::string>& params);

/// A case's clocks and case-file kinds as columns of the case's own read (transaction_memo): SQL for a
/// scalar subquery each, of the case whose id is the SQL expression `id_sql`, yielding a JSON array (or
/// NULL on MariaDB where there is none), and what such a column holds.
std::string clocks_json_column(backend kind, std::string_view case_type, std::string_view id_sql);
std::vector<domain::deadline_record> clocks_from_json(const std::string& json);
/// Two columns: the kinds of the case file's documents, then of its paper originals (present_kinds).
std::string present_kinds_json_columns(backend kind, std::string_view case_kind, std::string_view id_sql);
std::vector<std::string> kinds_from_json(const std::string& documents, const std::string& papers);

/// Column conversions shared by the repositories.
domain::civil_date date_column(const std::string& text, const char* column);
long long epoch_seconds(domain::instant t);
domain::instant from_epoch_seconds(long long s);
/// 128 random bits as 32 hex characters, for ids the database assigns.
std::string random_id();
/// The first of `rows`; nullopt when there is none.
template <class T>
std::optional<T> first_row(std::vector<T> rows) {
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::move(rows.front());
}
/// `%text%` for `LIKE ... ESCAPE '!'`, with the pattern characters of the text escaped ('!' escapes the
/// same way on SQLite and MariaDB).
std::string like_pattern(std::string_view text);

}  // namespace perkara::persistence::detail
