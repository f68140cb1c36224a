#pragma once
// Storage ports: interfaces the domain defines, persistence implements and the server wires.
// Every repository works inside the transaction that produced it (see database.hpp).

#include "domain/audit.hpp"
#include "domain/ports/audit_search.hpp"
#include "domain/calendar/holiday.hpp"
#include "domain/deadline_record.hpp"
#include "domain/org/organisation.hpp"
#include "domain/org/user.hpp"
#include "domain/rules/ruleset.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

class organisation_repository {
 public:
  virtual ~organisation_repository() = default;
  virtual std::vector<domain::organisation> list() = 0;
  /// The organisations of one kind (the KIs, to find a respondent's competent KI), in code order.
  virtual std::vector<domain::organisation> list(domain::organisation_kind kind) = 0;
  virtual std::optional<domain::organisation> find(const std::string& code) = 0;
  /// Inserts or replaces by code.
  virtual void upsert(const domain::organisation& org) = 0;
};

struct stored_credentials {
  domain::user user;
  std::string password_hash;  // libsodium crypto_pwhash_str (argon2id)
};

class user_repository {
 public:
  virtual ~user_repository() = default;
  virtual std::optional<domain::user> find(const std::string& id) = 0;
  virtual std::optional<stored_credentials> find_credentials(const std::string& username) = 0;
  /// Users of one organisation, ordered by username.
  virtual std::vector<domain::user> list(const std::string& organisation) = 0;
  /// Inserts a user with `user.id` already assigned; throws conflict_error on a duplicate username.
  virtual void insert(const domain::user& user, const std::string& password_hash) = 0;
  /// Updates display name, roles and active flag.
  virtual void update(const domain::user& user) = 0;
  virtual void set_password_hash(const std::string& id, const std::string& password_hash) = 0;
};

struct stored_session {
  std::string user_id;
  domain::instant created_at{};
  domain::instant expires_at{};
  bool revoked = false;
};

/// A session with the user it belongs to (roles included) and that user's organisation.
struct session_caller {
  stored_session session;
  domain::user user;
  domain::organisation organisation;
};

class session_repository {
 public:
  virtual ~session_repository() = default;
  /// Sessions are stored by the SHA-256 hex of their token only, never the token itself.
  virtual void insert(const std::string& token_hash, const stored_session& session) = 0;
  virtual std::optional<stored_session> find(const std::string& token_hash) = 0;
  /// The session with its user and organisation, read in one statement (every authenticated request
  /// reads it); nullopt when the session, its user or the organisation is unknown. Revoked and expired
  /// sessions and inactive users are returned as stored: the caller decides.
  virtual std::optional<session_caller> find_caller(const std::string& token_hash) = 0;
  virtual void revoke(const std::string& token_hash) = 0;
  virtual void revoke_all_of_user(const std::string& user_id) = 0;
};

class holiday_repository {
 public:
  virtual ~holiday_repository() = default;
  /// Every holiday in force for `organisation` (domain::applies_to): the national rows, those of its
  /// province and regency, and its own closures. An empty organisation returns only the national ones.
  virtual std::vector<domain::holiday> list_for(const std::string& organisation) = 0;
  /// Holidays of one year (all organisations' local ones included), ordered by date.
  virtual std::vector<domain::holiday> list_year(int year) = 0;
  /// The row of one date and scope: an organisation's own, or a region's (region_code), or national.
  virtual std::optional<domain::holiday> find(domain::civil_date date, const std::optional<std::string>& organisation,
                                              const std::string& region_code = {}) = 0;
  /// Inserts (or, for the same date and scope, replaces) and marks it as changed by an admin.
  virtual void put(const domain::holiday& holiday) = 0;
  /// Removes a holiday; returns false when there was none.
  virtual bool remove(domain::civil_date date, const std::optional<std::string>& organisation,
                      const std::string& region_code = {}) = 0;
  /// A token that changes with every change to the holidays and differs between databases, so what
  /// was built from one holiday set can be reused while the token stays the same. Empty when unknown.
  virtual std::string revision() = 0;
};

class ruleset_repository {
 public:
  virtual ~ruleset_repository() = default;
  /// The latest version of every rule set.
  virtual std::vector<domain::ruleset> list_latest() = 0;
  /// All versions of one rule set, oldest first.
  virtual std::vector<domain::ruleset> versions(const std::string& name) = 0;
  /// The version in force on `date` (highest effective_from <= date).
  virtual std::optional<domain::ruleset> in_force(const std::string& name, domain::civil_date date) = 0;
  virtual std::optional<domain::ruleset> find(const std::string& name, int version) = 0;
  /// Stores a new version; throws conflict_error if (name, version) exists.
  virtual void insert(const domain::ruleset& ruleset) = 0;
};

class audit_repository {
 public:
  virtual ~audit_repository() = default;
  virtual void append(const domain::audit_entry& entry) = 0;
  /// Newest first, for one object or (empty type) for everything of an organisation.
  virtual std::vector<domain::audit_entry> list(const std::string& object_type, const std::string& object_id) = 0;
  /// One page of the audit trail (at most `query.limit` entries), newest first, with actor and
  /// organisation names; an actor that is no user (a failed login, the CLI) has no username.
  virtual std::vector<audit_record> search(const audit_search& query) = 0;
};

class deadline_repository {
 public:
  virtual ~deadline_repository() = default;
  /// Inserts (assigning `id` if empty) or updates by id; returns the id.
  virtual std::string save(const domain::deadline_record& record) = 0;
  virtual std::vector<domain::deadline_record> for_case(const std::string& case_type, const std::string& case_id) = 0;
  /// Open deadlines whose due date is on or after `from` (those a calendar change on or after `from` can move).
  virtual std::vector<domain::deadline_record> open_from(domain::civil_date from) = 0;
};

class event_repository {
 public:
  virtual ~event_repository() = default;
  virtual void append(const domain::case_event& event) = 0;
  /// Oldest first.
  virtual std::vector<domain::case_event> for_case(const std::string& case_type, const std::string& case_id) = 0;
};

class sequence_repository {
 public:
  virtual ~sequence_repository() = default;
  /// The next value (1, 2, ...) of the counter named `scope`, e.g. "dispute:ki-babel:2024". The increment
  /// belongs to the transaction: a rolled-back transaction gives its number back (gapless), and
  /// concurrent transactions are serialised on the counter row (unique).
  virtual long long next(const std::string& scope) = 0;
};

}  // namespace perkara::ports
