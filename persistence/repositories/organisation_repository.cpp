#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

#include <stdexcept>

namespace perkara::persistence::detail {
namespace {

constexpr const char* select_columns =
    "SELECT code, name, kind, level, parent, region_code, utc_offset_minutes, office_open, office_close, competent_ki, "
    "region_name "
    "FROM organisations";

// Positional into-targets of one organisations row.
struct org_row {
  std::string code, name, kind, level, parent, region_code, competent_ki, region_name;
  soci::indicator parent_ind = soci::i_ok;
  soci::indicator competent_ind = soci::i_ok;
  int offset = 0, open = 0, close = 0;

  void bind(soci::statement& st) {
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

  domain::organisation get() const {
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
};

std::vector<domain::organisation> query(const db_context& ctx, const std::string& where, const std::string* code) {
  org_row row;
  prepared p(ctx, std::string(select_columns) + where);
  auto& st = p.statement();
  row.bind(st);
  if (code != nullptr) {
    st.exchange(soci::use(*code));
  }
  p.bound();
  st.execute();
  std::vector<domain::organisation> out;
  while (st.fetch()) {
    out.push_back(row.get());
  }
  return out;
}

}  // namespace

std::vector<domain::organisation> soci_organisation_repository::list() {
  return translated([&] { return query(ctx_, " ORDER BY code", nullptr); });
}

std::optional<domain::organisation> soci_organisation_repository::find(const std::string& code) {
  return translated([&]() -> std::optional<domain::organisation> {
    auto rows = query(ctx_, " WHERE code = :code", &code);
    if (rows.empty()) {
      return std::nullopt;
    }
    return std::move(rows.front());
  });
}

void soci_organisation_repository::upsert(const domain::organisation& org) {
  translated([&] {
    const std::string kind(domain::to_string(org.kind));
    const std::string level(domain::to_string(org.level));
    const std::string parent = org.parent.value_or("");
    const std::string competent = org.competent_ki.value_or("");
    soci::indicator parent_ind = org.parent ? soci::i_ok : soci::i_null;
    soci::indicator competent_ind = org.competent_ki ? soci::i_ok : soci::i_null;
    const std::string insert =
        "INSERT INTO organisations (code, name, kind, level, parent, region_code, utc_offset_minutes, office_open, "
        "office_close, competent_ki, region_name) VALUES (:code, :name, :kind, :level, :parent, :region, :offset, :open, "
        ":close, :competent, :region_name)";
    const std::string update =
        ctx_.kind == backend::sqlite
            ? " ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, level = excluded.level, "
              "parent = excluded.parent, region_code = excluded.region_code, utc_offset_minutes = "
              "excluded.utc_offset_minutes, office_open = excluded.office_open, office_close = excluded.office_close, "
              "competent_ki = excluded.competent_ki, region_name = excluded.region_name"
            : " ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), level = VALUES(level), parent = "
              "VALUES(parent), region_code = VALUES(region_code), utc_offset_minutes = VALUES(utc_offset_minutes), "
              "office_open = VALUES(office_open), office_close = VALUES(office_close), competent_ki = "
              "VALUES(competent_ki), region_name = VALUES(region_name)";
    ctx_.sql << insert + update, soci::use(org.code), soci::use(org.name), soci::use(kind), soci::use(level),
        soci::use(parent, parent_ind), soci::use(org.region_code), soci::use(org.utc_offset_minutes),
        soci::use(org.hours.open_minute), soci::use(org.hours.close_minute), soci::use(competent, competent_ind), soci::use(org.region_name);
  });
}

}  // namespace perkara::persistence::detail
