#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

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

void soci_session_repository::revoke(const std::string& token_hash) {
  translated(
      [&] { prepared(ctx_, "UPDATE sessions SET revoked = 1 WHERE token_hash = :hash").run(soci::use(token_hash)); });
}

void soci_session_repository::revoke_all_of_user(const std::string& user_id) {
  translated([&] { prepared(ctx_, "UPDATE sessions SET revoked = 1 WHERE user_id = :user").run(soci::use(user_id)); });
}

}  // namespace perkara::persistence::detail
