#include "persistence/detail/reference_loader.hpp"

#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

#include <deque>
#include <set>

namespace perkara::persistence::detail {
namespace {

// Rows per INSERT: with 11 columns well under SQLite's 32766 bound parameters and MariaDB's 65535.
constexpr std::size_t organisations_per_insert = 250;

// Inserts `rows` with multi-row INSERTs: a test database loads ~1,200 organisations, and one statement
// per row made every migrate (so every database test) measurably slower (docs/performance.md).
void insert_organisations(soci::session& sql, backend kind, const std::vector<const domain::organisation*>& rows) {
  for (std::size_t first = 0; first < rows.size(); first += organisations_per_insert) {
    const auto last = std::min(rows.size(), first + organisations_per_insert);
    std::string text =
        "INSERT INTO organisations (code, name, kind, level, parent, region_code, utc_offset_minutes, office_open, "
        "office_close, competent_ki, region_name) VALUES ";
    // SOCI binds by reference: the values live in deques (stable addresses) until the statement ran.
    std::deque<std::string> texts;
    std::deque<int> numbers;
    std::deque<soci::indicator> indicators;
    soci::statement st(sql);
    // SOCI's MariaDB backend substitutes named placeholders (:v0, :v1, ...), not '?'. SQLite takes '?':
    // it resolves each name by a linear search, quadratic over a statement of 2,750 of them.
    std::size_t bound = 0;
    const auto placeholder = [&] {
      text += text.back() == '(' ? "" : ",";
      text += kind == backend::sqlite ? std::string("?") : ":v" + std::to_string(bound++);
    };
    const auto text_value = [&](std::string value, soci::indicator ind = soci::i_ok) {
      placeholder();
      st.exchange(soci::use(texts.emplace_back(std::move(value)), indicators.emplace_back(ind)));
    };
    const auto number_value = [&](int value) {
      placeholder();
      st.exchange(soci::use(numbers.emplace_back(value)));
    };
    for (std::size_t i = first; i < last; ++i) {
      const auto& o = *rows[i];
      text += i == first ? "(" : ",(";
      text_value(o.code);
      text_value(o.name);
      text_value(std::string(domain::to_string(o.kind)));
      text_value(std::string(domain::to_string(o.level)));
      text_value(o.parent.value_or(""), o.parent ? soci::i_ok : soci::i_null);
      text_value(o.region_code);
      number_value(o.utc_offset_minutes);
      number_value(o.hours.open_minute);
      number_value(o.hours.close_minute);
      text_value(o.competent_ki.value_or(""), o.competent_ki ? soci::i_ok : soci::i_null);
      text_value(o.region_name);
      text += ')';
    }
    st.alloc();
    st.prepare(text);
    st.define_and_bind();
    st.execute(true);
  }
}

}  // namespace

void load_reference(soci::session& sql, backend kind, const reference_data& data, migration_report& report) {
  const db_context ctx{sql, kind};

  std::set<std::string> stored;
  {
    std::string code;
    soci::statement st = (sql.prepare << "SELECT code FROM organisations", soci::into(code));
    st.execute();
    while (st.fetch()) {
      stored.insert(code);
    }
  }
  std::vector<const domain::organisation*> missing;
  for (const auto& o : data.organisations) {
    if (!stored.contains(o.code)) {
      missing.push_back(&o);
    }
  }
  insert_organisations(sql, kind, missing);
  report.organisations_added += missing.size();

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
    const std::string& region = h.region_code;
    const std::string kind_text(domain::to_string(h.kind));
    int changed = 0;
    soci::indicator ind = soci::i_ok;
    sql << "SELECT changed_by_admin FROM holidays WHERE holiday_date = :d AND organisation = :o AND region_code = :r",
        soci::into(changed, ind), soci::use(date), soci::use(org), soci::use(region);
    if (!sql.got_data()) {
      sql << "INSERT INTO holidays (holiday_date, organisation, region_code, kind, name_id, name_en, source, "
             "changed_by_admin, deleted_by_admin) VALUES (:d, :o, :r, :k, :ni, :ne, :s, 0, 0)",
          soci::use(date), soci::use(org), soci::use(region), soci::use(kind_text), soci::use(h.name_id),
          soci::use(h.name_en), soci::use(h.source);
      ++report.holidays_added;
      continue;
    }
    if (changed != 0) {
      continue;  // an admin's edit or deletion wins over the file
    }
    // Refresh from the file only when something differs, so a second run reports nothing.
    soci::statement st = (sql.prepare << "UPDATE holidays SET kind = :k, name_id = :ni, name_en = :ne, source = :s "
                                         "WHERE holiday_date = :d AND organisation = :o AND region_code = :r AND "
                                         "changed_by_admin = 0 AND "
                                         "NOT (kind = :k2 AND name_id = :ni2 AND name_en = :ne2 AND source = :s2)",
                          soci::use(kind_text), soci::use(h.name_id), soci::use(h.name_en), soci::use(h.source),
                          soci::use(date), soci::use(org), soci::use(region), soci::use(kind_text),
                          soci::use(h.name_id), soci::use(h.name_en), soci::use(h.source));
    st.execute(true);
    if (st.get_affected_rows() > 0) {
      ++report.holidays_updated;
    }
  }
  // Always: a database migrated by a binary that did not keep the token yet must get one.
  renew_holiday_revision(sql);
}

}  // namespace perkara::persistence::detail
