#include "persistence/repositories/rows.hpp"

#include "persistence/repositories/repositories.hpp"

#include <stdexcept>

namespace perkara::persistence::detail {

void user_row::bind(soci::statement& st) {
  st.exchange(soci::into(id));
  st.exchange(soci::into(username));
  st.exchange(soci::into(display_name));
  st.exchange(soci::into(organisation));
  st.exchange(soci::into(active));
  st.exchange(soci::into(created_at));
  st.exchange(soci::into(email));
}

domain::user user_row::get() const {
  domain::user u;
  u.id = id;
  u.username = username;
  u.display_name = display_name;
  u.organisation = organisation;
  u.active = active != 0;
  u.created_at = from_epoch_seconds(created_at);
  u.email = email;
  return u;
}

void organisation_row::bind(soci::statement& st) {
  st.exchange(soci::into(code));
  st.exchange(soci::into(name));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(level));
  st.exchange(soci::into(parent, parent_ind));
  st.exchange(soci::into(region_code));
  st.exchange(soci::into(offset));
  st.exchange(soci::into(open));
  st.exchange(soci::into(close));
  st.exchange(soci::into(competent_ki, competent_ind));
  st.exchange(soci::into(region_name));
}

domain::organisation organisation_row::get() const {
  domain::organisation o;
  o.code = code;
  o.name = name;
  const auto k = domain::parse_organisation_kind(kind);
  const auto l = domain::parse_organisation_level(level);
  if (!k || !l) {
    throw std::runtime_error("corrupt organisation kind or level for " + code);
  }
  o.kind = *k;
  o.level = *l;
  if (parent_ind == soci::i_ok) {
    o.parent = parent;
  }
  o.region_code = region_code;
  o.region_name = region_name;
  o.utc_offset_minutes = offset;
  o.hours.open_minute = open;
  o.hours.close_minute = close;
  if (competent_ind == soci::i_ok) {
    o.competent_ki = competent_ki;
  }
  return o;
}

}  // namespace perkara::persistence::detail
