#include "api/auth/login.hpp"

#include "api/auth/crypto.hpp"
#include "api/handlers/audit.hpp"
#include "api/http/problem.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <optional>
#include <string_view>

namespace perkara::api {
namespace {

constexpr std::string_view failed_action = "session.login_failed";

// What is known before the password is checked, read in one read transaction that ends before it.
struct attempt {
  std::optional<ports::stored_credentials> stored;
  std::optional<domain::organisation> organisation;
  domain::login_history history;
};

attempt read_attempt(services& s, const std::string& username, const std::string& address, domain::instant now) {
  auto tx = s.db.begin(ports::access::read);
  attempt a;
  a.stored = tx->users().find_credentials(username);
  if (a.stored) {
    a.organisation = tx->organisations().find(a.stored->user.organisation);
  }
  a.history = tx->login_attempts().history(username, address, now - s.config.login_throttle.address_window);
  return a;
}

// A failed login: counted by the throttle and audited with its reason, in one short write.
void record_failure(services& s, const attempt& a, const std::string& username, const std::string& address,
                    domain::instant now, std::string_view reason) {
  const auto& policy = s.config.login_throttle;
  const boost::json::object details{{"username", username}, {"client_address", address}, {"reason", reason}};
  auto tx = s.db.begin(ports::access::write);
  tx->login_attempts().record_failure(username, address, now, now - policy.pair_memory, now - policy.address_window);
  // No actor: nobody is logged in. The organisation is the target user's, when the name exists.
  tx->audit().append(domain::audit_entry{"", a.stored ? a.stored->user.organisation : "", now,
                                         std::string{failed_action}, "user", a.stored ? a.stored->user.id : "",
                                         boost::json::serialize(details)});
  tx->commit();
}

}  // namespace

login_success log_in_with_password(services& s, const std::string& username, const std::string& password,
                                   const std::string& client_address) {
  const auto now = s.clock.now();
  const auto a = read_attempt(s, username, client_address, now);

  // A refusal by the throttle checks no password and writes nothing: a flood of refused attempts must
  // not become a flood of writes. The failures that caused it are audited; the 429s are counted in
  // /metrics and the access log.
  if (const auto wait = domain::login_wait(s.config.login_throttle, a.history, now)) {
    problem p{429, "Terlalu banyak percobaan masuk yang gagal; coba lagi nanti / Too many failed logins; try later"};
    p.headers.emplace_back("Retry-After", std::to_string(wait->count()));
    throw p;
  }

  bool password_ok = false;
  {
    const auto slot = s.verifications.try_take(std::max<std::size_t>(1, s.config.max_concurrent_verifications));
    if (!slot) {
      problem p{503, "Terlalu banyak login sekaligus; coba lagi sebentar lagi / Too many logins at once; retry shortly"};
      p.headers.emplace_back("Retry-After", "1");
      throw p;
    }
    // Verify even for an unknown user against a fixed hash, so timing does not reveal which names exist.
    static const std::string dummy_hash = hash_password("perkara-dummy-password");
    password_ok = s.config.password_check(password, a.stored ? a.stored->password_hash : dummy_hash);
  }

  const char* reason = nullptr;
  if (!a.stored || !a.organisation) {
    reason = "unknown_user";  // a user whose organisation is gone cannot act anywhere
  } else if (!password_ok) {
    reason = "wrong_password";
  } else if (!a.stored->user.active) {
    reason = "inactive";
  }
  if (reason != nullptr) {
    record_failure(s, a, username, client_address, now, reason);
    throw problem{401, "Nama pengguna atau kata sandi salah / Wrong username or password"};
  }

  login_success out{caller{a.stored->user, *a.organisation, {}, false}, new_session_token(), now + s.config.session_ttl};
  out.who.token_hash = token_hash(out.token);
  auto tx = s.db.begin(ports::access::write);
  tx->login_attempts().clear_pair(username, client_address);
  tx->sessions().insert(out.who.token_hash, ports::stored_session{out.who.user.id, now, out.expires_at, false});
  audit(*tx, out.who, now, "session.create", "user", out.who.user.id);
  tx->commit();
  return out;
}

}  // namespace perkara::api
