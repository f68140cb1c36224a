#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"
#include "persistence/repositories/rows.hpp"

#include <soci/soci.h>

#include <algorithm>

namespace perkara::persistence::detail {
namespace {

// Users matching `where` (one string parameter), roles not yet loaded.
std::vector<ports::stored_credentials> query(const db_context& ctx, const std::string& where,
                                             const std::string& param) {
  user_row row;
  std::string password_hash;
  prepared p(ctx, std::string("SELECT ") + user_columns + ", users.password_hash FROM users" + where);
  auto& st = p.statement();
  row.bind(st);
  st.exchange(soci::into(password_hash));
  st.exchange(soci::use(param));
  p.bound();
  st.execute();
  std::vector<ports::stored_credentials> out;
  while (st.fetch()) {
    out.push_back(ports::stored_credentials{row.get(), password_hash});
  }
  return out;
}

}  // namespace

std::vector<domain::role> soci_user_repository::roles_of(const std::string& id) {
  std::vector<domain::role> roles;
  std::string text;
  soci::statement st = (ctx_.sql.prepare << "SELECT role FROM user_roles WHERE user_id = :id", soci::into(text),
                        soci::use(id));
  st.execute();
  while (st.fetch()) {
    if (const auto r = domain::parse_role(text)) {
      roles.push_back(*r);
    }
  }
  // Stable order: the order of domain::all_roles.
  std::sort(roles.begin(), roles.end());
  return roles;
}

void soci_user_repository::write_roles(const domain::user& user) {
  ctx_.sql << "DELETE FROM user_roles WHERE user_id = :id", soci::use(user.id);
  std::vector<domain::role> roles = user.roles;
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  for (const auto r : roles) {
    const std::string text(domain::to_string(r));
    ctx_.sql << "INSERT INTO user_roles (user_id, role) VALUES (:id, :role)", soci::use(user.id), soci::use(text);
  }
}

std::optional<domain::user> soci_user_repository::find(const std::string& id) {
  return translated([&]() -> std::optional<domain::user> {
    auto rows = query(ctx_, " WHERE id = :id", id);
    if (rows.empty()) {
      return std::nullopt;
    }
    auto user = std::move(rows.front().user);
    user.roles = roles_of(user.id);
    return user;
  });
}

std::optional<ports::stored_credentials> soci_user_repository::find_credentials(const std::string& username) {
  return translated([&]() -> std::optional<ports::stored_credentials> {
    auto rows = query(ctx_, " WHERE username = :username", username);
    if (rows.empty()) {
      return std::nullopt;
    }
    auto creds = std::move(rows.front());
    creds.user.roles = roles_of(creds.user.id);
    return creds;
  });
}

std::vector<domain::user> soci_user_repository::list(const std::string& organisation) {
  return translated([&] {
    auto rows = query(ctx_, " WHERE organisation = :org ORDER BY username", organisation);
    std::vector<domain::user> out;
    out.reserve(rows.size());
    for (auto& r : rows) {
      out.push_back(std::move(r.user));
    }
    // Roles after the users query has finished: MariaDB's backend cannot nest statements.
    for (auto& u : out) {
      u.roles = roles_of(u.id);
    }
    return out;
  });
}

void soci_user_repository::insert(const domain::user& user, const std::string& password_hash) {
  translated([&] {
    const int active = user.active ? 1 : 0;
    const long long created = epoch_seconds(user.created_at);
    ctx_.sql << "INSERT INTO users (id, username, display_name, organisation, password_hash, active, created_at, "
                "email) VALUES (:id, :username, :display, :org, :hash, :active, :created, :email)",
        soci::use(user.id), soci::use(user.username), soci::use(user.display_name), soci::use(user.organisation),
        soci::use(password_hash), soci::use(active), soci::use(created), soci::use(user.email);
    write_roles(user);
  });
}

void soci_user_repository::update(const domain::user& user) {
  translated([&] {
    const int active = user.active ? 1 : 0;
    ctx_.sql << "UPDATE users SET display_name = :display, active = :active, email = :email WHERE id = :id",
        soci::use(user.display_name), soci::use(active), soci::use(user.email), soci::use(user.id);
    write_roles(user);
  });
}

void soci_user_repository::set_password_hash(const std::string& id, const std::string& password_hash) {
  translated([&] {
    ctx_.sql << "UPDATE users SET password_hash = :hash WHERE id = :id", soci::use(password_hash), soci::use(id);
  });
}

}  // namespace perkara::persistence::detail
