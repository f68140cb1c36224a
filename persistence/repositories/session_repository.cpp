#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"
#include "persistence/repositories/rows.hpp"

#include <soci/soci.h>

#include <algorithm>

namespace perkara::persistence::detail {

void soci_session_repository::insert(const std::string& token_hash, const ports::stored_session& session) {
  translated([&] {
    const long long created = epoch_seconds(session.created_at);
    const long long expires = epoch_seconds(session.expires_at);
    const int revoked = session.revoked ? 1 : 0;
    prepared(ctx_,
             "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, revoked) "
             "VALUES (:hash, :user, :created, :expires, :revoked)")
        .run(soci::use(token_hash), soci::use(session.user_id), soci::use(created), soci::use(expires),
             soci::use(revoked));
  });
}

std::optional<ports::stored_session> soci_session_repository::find(const std::string& token_hash) {
  return translated([&]() -> std::optional<ports::stored_session> {
    ports::stored_session s;
    long long created = 0;
    long long expires = 0;
    int revoked = 0;
    prepared(ctx_, "SELECT user_id, created_at, expires_at, revoked FROM sessions WHERE token_hash = :hash")
        .run(soci::into(s.user_id), soci::into(created), soci::into(expires), soci::into(revoked),
             soci::use(token_hash));
    if (!ctx_.sql.got_data()) {
      return std::nullopt;
    }
    s.created_at = from_epoch_seconds(created);
    s.expires_at = from_epoch_seconds(expires);
    s.revoked = revoked != 0;
    return s;
  });
}

std::optional<ports::session_caller> soci_session_repository::find_caller(const std::string& token_hash) {
  return translated([&]() -> std::optional<ports::session_caller> {
    // One row per role of the user (one row with a NULL role when it has none): one statement instead
    // of four (session, user, roles, organisation; docs/performance.md). It also reads the holidays'
    // revision token, which the request's calendar reads next, and keeps it and the caller's organisation
    // in the transaction's memo.
    long long created = 0;
    long long expires = 0;
    int revoked = 0;
    user_row user;
    organisation_row org;
    std::string role;
    soci::indicator role_ind = soci::i_ok;
    std::string holiday_revision;
    soci::indicator revision_ind = soci::i_ok;
    prepared p(ctx_, std::string("SELECT sessions.created_at, sessions.expires_at, sessions.revoked, ") + user_columns +
                         ", " + organisation_columns +
                         ", user_roles.role, (SELECT token FROM reference_revisions WHERE name = 'holidays') "
                         "FROM sessions JOIN users ON users.id = sessions.user_id "
                         "JOIN organisations ON organisations.code = users.organisation "
                         "LEFT JOIN user_roles ON user_roles.user_id = users.id WHERE sessions.token_hash = :hash");
    auto& st = p.statement();
    st.exchange(soci::into(created));
    st.exchange(soci::into(expires));
    st.exchange(soci::into(revoked));
    user.bind(st);
    org.bind(st);
    st.exchange(soci::into(role, role_ind));
    st.exchange(soci::into(holiday_revision, revision_ind));
    st.exchange(soci::use(token_hash));
    p.bound();
    st.execute();
    std::optional<ports::session_caller> out;
    while (st.fetch()) {
      if (!out) {
        out.emplace(ports::session_caller{
            ports::stored_session{user.id, from_epoch_seconds(created), from_epoch_seconds(expires), revoked != 0},
            user.get(), org.get()});
      }
      if (role_ind == soci::i_ok) {
        if (const auto r = domain::parse_role(role)) {
          out->user.roles.push_back(*r);
        }
      }
    }
    if (out) {
      // Stable order: the order of domain::all_roles, as user_repository::find gives them.
      std::sort(out->user.roles.begin(), out->user.roles.end());
      if (ctx_.memo != nullptr) {
        ctx_.memo->holiday_revision = revision_ind == soci::i_ok ? holiday_revision : std::string{};
        ctx_.memo->organisations.insert_or_assign(out->organisation.code, out->organisation);
      }
    }
    return out;
  });
}

void soci_session_repository::revoke(const std::string& token_hash) {
  translated(
      [&] { prepared(ctx_, "UPDATE sessions SET revoked = 1 WHERE token_hash = :hash").run(soci::use(token_hash)); });
}

void soci_session_repository::revoke_all_of_user(const std::string& user_id) {
  translated([&] { prepared(ctx_, "UPDATE sessions SET revoked = 1 WHERE user_id = :user").run(soci::use(user_id)); });
}

}  // namespace perkara::persistence::detail
