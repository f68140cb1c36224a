#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

namespace perkara::persistence::detail {

domain::login_history soci_login_attempt_repository::history(const std::string& username, const std::string& address,
                                                              domain::instant address_since) {
  return translated([&] {
    domain::login_history out;
    int failures = 0;
    long long last = 0;
    if (prepared(ctx_,
                 "SELECT failures, last_failure_at FROM login_failure_pairs "
                 "WHERE username = :user AND client_address = :address")
            .run(soci::into(failures), soci::into(last), soci::use(username), soci::use(address))) {
      out.pair = domain::pair_failures{failures, from_epoch_seconds(last)};
    }
    const long long since = epoch_seconds(address_since);
    long long count = 0;
    long long oldest = 0;
    soci::indicator oldest_ind = soci::i_ok;
    prepared(ctx_, "SELECT COUNT(*), MIN(at) FROM login_failures WHERE client_address = :address AND at > :since")
        .run(soci::into(count), soci::into(oldest, oldest_ind), soci::use(address), soci::use(since));
    out.address_failures = static_cast<int>(count);
    if (oldest_ind == soci::i_ok) {
      out.oldest_address_failure = from_epoch_seconds(oldest);
    }
    return out;
  });
}

void soci_login_attempt_repository::record_failure(const std::string& username, const std::string& address,
                                                   domain::instant at, domain::instant pair_expired_before,
                                                   domain::instant address_expired_before) {
  translated([&] {
    const long long when = epoch_seconds(at);
    // Expiry on write, first, so an expired pair starts again from one. Both deletes walk an index on
    // the time column and find nothing most of the time.
    const long long pair_cutoff = epoch_seconds(pair_expired_before);
    const long long address_cutoff = epoch_seconds(address_expired_before);
    prepared(ctx_, "DELETE FROM login_failure_pairs WHERE last_failure_at < :cutoff").run(soci::use(pair_cutoff));
    prepared(ctx_, "DELETE FROM login_failures WHERE at < :cutoff").run(soci::use(address_cutoff));
    // One statement creates or increments the pair's row, so two servers counting the same pair at
    // once queue on its lock instead of colliding on the insert (as sequence_repository does).
    const char* bump = ctx_.kind == backend::mysql
                           ? "INSERT INTO login_failure_pairs (username, client_address, failures, last_failure_at) "
                             "VALUES (:user, :address, 1, :at) "
                             "ON DUPLICATE KEY UPDATE failures = failures + 1, last_failure_at = VALUES(last_failure_at)"
                           : "INSERT INTO login_failure_pairs (username, client_address, failures, last_failure_at) "
                             "VALUES (:user, :address, 1, :at) ON CONFLICT (username, client_address) "
                             "DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at";
    prepared(ctx_, bump).run(soci::use(username), soci::use(address), soci::use(when));
    prepared(ctx_, "INSERT INTO login_failures (client_address, at) VALUES (:address, :at)")
        .run(soci::use(address), soci::use(when));
  });
}

void soci_login_attempt_repository::clear_pair(const std::string& username, const std::string& address) {
  translated([&] {
    prepared(ctx_, "DELETE FROM login_failure_pairs WHERE username = :user AND client_address = :address")
        .run(soci::use(username), soci::use(address));
  });
}

}  // namespace perkara::persistence::detail
