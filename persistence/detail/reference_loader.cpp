#include "persistence/detail/reference_loader.hpp"

#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

namespace perkara::persistence::detail {

void load_reference(soci::session& sql, backend kind, const reference_data& data, migration_report& report) {
  const db_context ctx{sql, kind};

  soci_organisation_repository organisations(ctx);
  for (const auto& o : data.organisations) {
    if (!organisations.find(o.code)) {
      organisations.upsert(o);
      ++report.organisations_added;
    }
  }

  soci_ruleset_repository rulesets(ctx);
  for (const auto& r : data.rulesets) {
    if (!rulesets.find(r.name, r.version)) {
      rulesets.insert(r);
      ++report.rulesets_added;
    }
  }

  for (const auto& h : data.holidays) {
    const std::string date = domain::format_iso_date(h.date);
    const std::string org = h.organisation.value_or("");
    const std::string kind_text(domain::to_string(h.kind));
    int changed = 0;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT changed_by_admin FROM holidays WHERE holiday_date = :d AND organisation = :o", soci::into(changed, ind),
        soci::use(date), soci::use(org);
    if (!sql.got_data()) {
      sql << "INSERT INTO holidays (holiday_date, organisation, kind, name_id, name_en, source, changed_by_admin, "
             "deleted_by_admin) VALUES (:d, :o, :k, :ni, :ne, :s, 0, 0)",
          soci::use(date), soci::use(org), soci::use(kind_text), soci::use(h.name_id), soci::use(h.name_en),
          soci::use(h.source);
      ++report.holidays_added;
      continue;
    }
    if (changed != 0) {
      continue;  // an admin's edit or deletion wins over the file
    }
    // Refresh from the file only when something differs, so a second run reports nothing.
    soci::statement st = (sql.prepare << "UPDATE holidays SET kind = :k, name_id = :ni, name_en = :ne, source = :s "
                                         "WHERE holiday_date = :d AND organisation = :o AND changed_by_admin = 0 AND "
                                         "NOT (kind = :k2 AND name_id = :ni2 AND name_en = :ne2 AND source = :s2)",
                          soci::use(kind_text), soci::use(h.name_id), soci::use(h.name_en), soci::use(h.source),
                          soci::use(date), soci::use(org), soci::use(kind_text), soci::use(h.name_id),
                          soci::use(h.name_en), soci::use(h.source));
    st.execute(true);
    if (st.get_affected_rows() > 0) {
      ++report.holidays_updated;
    }
  }
  // Always: a database migrated by a binary that did not keep the token yet must get one.
  renew_holiday_revision(sql);
}

}  // namespace perkara::persistence::detail
