#include "api/auth/crypto.hpp"
#include "api/handlers/audit.hpp"
#include "server/seed_demo.hpp"

#include <boost/json/serialize.hpp>

#include <stdexcept>

namespace perkara::server {
namespace {

struct demo_user {
  const char* username;
  const char* display_name;
  domain::role role;
  const char* organisation;
  const char* email;  // the notice address (docs/operations.md "Notices"); "" for none
};

// One user per role, at the organisations the Bangka Belitung demo cases use.
constexpr demo_user demo_users[] = {
    {"admin", "Administrator Sistem", domain::role::sysadmin, "ki-pusat", ""},
    {"admin.babel", "Admin KI Babel", domain::role::ki_admin, "ki-babel", "admin@ki-babel.example.id"},
    {"panitera.babel", "Rina Panitera", domain::role::registrar, "ki-babel", "panitera@ki-babel.example.id"},
    {"komisioner.babel", "Agus Komisioner", domain::role::commissioner, "ki-babel", "agus@ki-babel.example.id"},
    {"mediator.babel", "Dewi Mediator", domain::role::commissioner, "ki-babel", "dewi@ki-babel.example.id"},
    {"ppid.pangkalpinang", "Sari PPID KPU Pangkalpinang", domain::role::ppid, "kpu-pangkalpinang",
     "ppid@kpu-pangkalpinang.example.id"},
    {"atasan.pangkalpinang", "Hendra Atasan PPID", domain::role::ppid_superior, "kpu-pangkalpinang",
     "atasan@kpu-pangkalpinang.example.id"},
    {"ppid.bawaslu-babel", "Yusuf PPID Bawaslu Babel", domain::role::ppid, "bawaslu-babel", ""},
    {"pemohon.demo", "Budi Pemohon", domain::role::applicant, "ki-babel", ""},
};

}  // namespace

domain::case_actor demo_actor(ports::transaction& tx, const std::string& username) {
  const auto cred = tx.users().find_credentials(username);
  if (!cred) {
    throw std::runtime_error("demo user missing: " + username);
  }
  return domain::actor_of(cred->user);
}

std::vector<demo_login> seed_demo_users(ports::database& db, const ports::clock& clock) {
  std::vector<demo_login> created;
  const auto now = clock.now();
  auto tx = db.begin(ports::access::write);
  for (const auto& u : demo_users) {
    if (tx->users().find_credentials(u.username)) {
      continue;
    }
    demo_login login{u.username, api::random_password(), std::string{domain::to_string(u.role)}, u.organisation};
    const domain::user user{api::random_hex(12), u.username, u.display_name, u.organisation, {u.role}, true, now,
                            u.email};
    tx->users().insert(user, api::hash_password(login.password));
    auto details = api::change_details(nullptr, api::audited_user_fields(user));
    details["source"] = "seed-demo";
    tx->audit().append({"cli", u.organisation, now, "user.create", "user", user.id, boost::json::serialize(details)});
    created.push_back(std::move(login));
  }
  tx->commit();
  return created;
}

}  // namespace perkara::server
