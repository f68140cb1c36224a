#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

#include <fmt/format.h>

#include <random>
#include <stdexcept>

namespace perkara::persistence::detail {
namespace {

constexpr const char* select_columns =
    "SELECT holiday_date, organisation, region_code, kind, name_id, name_en, source FROM holidays "
    "WHERE deleted_by_admin = 0";

// The organisation column holds '' for holidays that apply to everyone.
std::string org_key(const std::optional<std::string>& organisation) { return organisation.value_or(""); }

std::vector<domain::holiday> query(const db_context& ctx, const std::string& where,
                                   const std::vector<std::string>& params) {
  std::string date, org, region, kind, name_id, name_en, source;
  prepared p(ctx, std::string(select_columns) + where);
  auto& st = p.statement();
  st.exchange(soci::into(date));
  st.exchange(soci::into(org));
  st.exchange(soci::into(region));
  st.exchange(soci::into(kind));
  st.exchange(soci::into(name_id));
  st.exchange(soci::into(name_en));
  st.exchange(soci::into(source));
  for (const auto& param : params) {
    st.exchange(soci::use(param));
  }
  p.bound();
  st.execute();
  std::vector<domain::holiday> out;
  while (st.fetch()) {
    domain::holiday h;
    h.date = date_column(date, "holidays.holiday_date");
    const auto k = domain::parse_holiday_kind(kind);
    if (!k) {
      throw std::runtime_error("corrupt holiday kind '" + kind + "'");
    }
    h.kind = *k;
    h.name_id = name_id;
    h.name_en = name_en;
    h.source = source;
    if (!org.empty()) {
      h.organisation = org;
    }
    h.region_code = region;
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

std::vector<domain::holiday> soci_holiday_repository::list_for(const std::string& organisation) {
  return translated([&] {
    // The organisation's province and regency codes ("19", "19.71"); '' stands in for a missing one.
    std::string region;
    if (!organisation.empty()) {
      prepared(ctx_, "SELECT region_code FROM organisations WHERE code = :c").run(soci::into(region), soci::use(organisation));
    }
    const auto dot = region.find('.');
    const std::string province = region.substr(0, dot);
    const std::string regency = dot == std::string::npos ? std::string{} : region;
    return query(ctx_,
                 " AND ((organisation = '' AND region_code IN ('', :province, :regency)) OR (organisation = :org AND organisation <> '')) "
                 "ORDER BY holiday_date, organisation, region_code",
                 {province, regency, organisation});
  });
}

std::vector<domain::holiday> soci_holiday_repository::list_year(int year) {
  return translated([&] {
    // ISO dates compare correctly as text.
    return query(ctx_, " AND holiday_date >= :from AND holiday_date <= :to ORDER BY holiday_date, organisation, region_code",
                 {fmt::format("{:04}-01-01", year), fmt::format("{:04}-12-31", year)});
  });
}

std::optional<domain::holiday> soci_holiday_repository::find(domain::civil_date date,
                                                            const std::optional<std::string>& organisation,
                                                            const std::string& region_code) {
  return translated([&]() -> std::optional<domain::holiday> {
    return first_row(query(ctx_, " AND holiday_date = :d AND organisation = :org AND region_code = :region",
                           {domain::format_iso_date(date), org_key(organisation), region_code}));
  });
}

void soci_holiday_repository::put(const domain::holiday& holiday) {
  translated([&] {
    const std::string date = domain::format_iso_date(holiday.date);
    const std::string org = org_key(holiday.organisation);
    const std::string kind(domain::to_string(holiday.kind));
    const std::string insert =
        "INSERT INTO holidays (holiday_date, organisation, region_code, kind, name_id, name_en, source, "
        "changed_by_admin, deleted_by_admin) VALUES (:d, :org, :region, :kind, :ni, :ne, :src, 1, 0)";
    // The admin flag is what keeps a later migrate from overwriting this row.
    const std::string update =
        ctx_.kind == backend::sqlite
            ? " ON CONFLICT (holiday_date, organisation, region_code) DO UPDATE SET kind = excluded.kind, name_id = excluded.name_id, "
              "name_en = excluded.name_en, source = excluded.source, changed_by_admin = 1, deleted_by_admin = 0"
            : " ON DUPLICATE KEY UPDATE kind = VALUES(kind), name_id = VALUES(name_id), name_en = VALUES(name_en), "
              "source = VALUES(source), changed_by_admin = 1, deleted_by_admin = 0";
    ctx_.sql << insert + update, soci::use(date), soci::use(org), soci::use(holiday.region_code), soci::use(kind), soci::use(holiday.name_id),
        soci::use(holiday.name_en), soci::use(holiday.source);
    renew_holiday_revision(ctx_.sql);
    forget_holiday_revision();
  });
}

bool soci_holiday_repository::remove(domain::civil_date date, const std::optional<std::string>& organisation,
                                     const std::string& region_code) {
  return translated([&] {
    const std::string d = domain::format_iso_date(date);
    const std::string org = org_key(organisation);
    // A tombstone, not a DELETE: migrate must not re-add a holiday an admin removed.
    soci::statement st = (ctx_.sql.prepare << "UPDATE holidays SET deleted_by_admin = 1, changed_by_admin = 1 "
                                              "WHERE holiday_date = :d AND organisation = :org AND region_code = :region "
                                              "AND deleted_by_admin = 0",
                          soci::use(d), soci::use(org), soci::use(region_code));
    st.execute(true);
    const bool removed = st.get_affected_rows() > 0;
    if (removed) {
      renew_holiday_revision(ctx_.sql);
      forget_holiday_revision();
    }
    return removed;
  });
}

std::string soci_holiday_repository::revision() {
  if (ctx_.memo != nullptr && ctx_.memo->holiday_revision) {
    return *ctx_.memo->holiday_revision;
  }
  return translated([&] {
    std::string token;
    prepared(ctx_, "SELECT token FROM reference_revisions WHERE name = 'holidays'").run(soci::into(token));
    return ctx_.sql.got_data() ? token : std::string{};
  });
}

void renew_holiday_revision(soci::session& sql) {
  // Random rather than a counter: two databases (or one restored from a backup) never share a token.
  static thread_local std::mt19937_64 random{std::random_device{}()};
  const std::string token = fmt::format("{:016x}{:016x}", random(), random());
  sql << "DELETE FROM reference_revisions WHERE name = 'holidays'";
  sql << "INSERT INTO reference_revisions (name, token) VALUES ('holidays', :t)", soci::use(token);
}

}  // namespace perkara::persistence::detail
