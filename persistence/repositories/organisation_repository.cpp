#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"
#include "persistence/repositories/rows.hpp"

#include <soci/soci.h>

namespace perkara::persistence::detail {
namespace {

std::vector<domain::organisation> query(const db_context& ctx, const std::string& where, const std::string* code) {
  organisation_row row;
  prepared p(ctx, std::string("SELECT ") + organisation_columns + " FROM organisations" + where);
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

std::vector<domain::organisation> soci_organisation_repository::list(domain::organisation_kind kind) {
  return translated([&] {
    const std::string text(domain::to_string(kind));
    return query(ctx_, " WHERE kind = :kind ORDER BY code", &text);
  });
}

std::optional<domain::organisation> soci_organisation_repository::find(const std::string& code) {
  if (ctx_.memo != nullptr) {
    if (const auto it = ctx_.memo->organisations.find(code); it != ctx_.memo->organisations.end()) {
      return it->second;
    }
  }
  auto found = translated(
      [&]() -> std::optional<domain::organisation> { return first_row(query(ctx_, " WHERE code = :code", &code)); });
  if (found && ctx_.memo != nullptr) {
    ctx_.memo->organisations.insert_or_assign(code, *found);
  }
  return found;
}

void soci_organisation_repository::upsert(const domain::organisation& org) {
  if (ctx_.memo != nullptr) {
    ctx_.memo->organisations.erase(org.code);
  }
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
