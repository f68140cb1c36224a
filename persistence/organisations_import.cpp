// `perkara organisations import`: updates the organisation list from a CSV file (persistence/reference_data.hpp).
#include "persistence/reference_data.hpp"

#include "domain/org/jurisdiction.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <map>

namespace perkara::persistence {
namespace {

// The audited fields of an organisation, as the CSV spells them.
boost::json::object fields_of(const domain::organisation& o) {
  return {{"name", o.name},
          {"kind", domain::to_string(o.kind)},
          {"level", domain::to_string(o.level)},
          {"parent", o.parent.value_or("")},
          {"region_code", o.region_code},
          {"region_name", o.region_name},
          {"utc_offset_minutes", o.utc_offset_minutes},
          {"office_open", o.hours.open_minute},
          {"office_close", o.hours.close_minute},
          {"competent_ki", o.competent_ki.value_or("")}};
}

std::vector<std::string> changed_fields(const boost::json::object& before, const boost::json::object& after) {
  std::vector<std::string> out;
  for (const auto& [key, value] : after) {
    if (before.at(key) != value) {
      out.emplace_back(key);
    }
  }
  return out;
}

}  // namespace

organisations_import_report import_organisations(ports::database& db, std::string_view csv_text, domain::instant now,
                                                 std::string_view file_name) {
  auto imported = parse_organisations_csv(csv_text, file_name);
  auto tx = db.begin(ports::access::write);
  auto& repo = tx->organisations();

  std::map<std::string, domain::organisation, std::less<>> stored;
  for (auto& o : repo.list()) {
    stored.emplace(o.code, std::move(o));
  }
  // Derive missing competent KIs from what is stored plus what is being imported (imported rows win).
  std::vector<domain::organisation> known = imported;
  for (const auto& [code, o] : stored) {
    if (std::none_of(imported.begin(), imported.end(), [&](const domain::organisation& i) { return i.code == code; })) {
      known.push_back(o);
    }
  }
  for (auto& o : imported) {
    if (!o.competent_ki && o.is_respondent()) {
      o.competent_ki = domain::derive_competent_ki(o, known);
    }
  }

  organisations_import_report report;
  for (const auto& o : imported) {
    const auto after = fields_of(o);
    const auto it = stored.find(o.code);
    boost::json::object details;
    if (it == stored.end()) {
      report.added.push_back(o.code);
      details = {{"before", nullptr}, {"after", after}};
    } else {
      const auto before = fields_of(it->second);
      auto fields = changed_fields(before, after);
      if (fields.empty()) {
        ++report.unchanged;
        continue;
      }
      report.changed.push_back({o.code, std::move(fields)});
      details = {{"before", before}, {"after", after}};
    }
    repo.upsert(o);
    domain::audit_entry entry;
    entry.actor = "cli";
    entry.organisation = o.code;
    entry.at = now;
    entry.action = "organisation.import";
    entry.object_type = "organisation";
    entry.object_id = o.code;
    entry.details_json = boost::json::serialize(details);
    tx->audit().append(entry);
  }
  tx->commit();
  return report;
}

}  // namespace perkara::persistence
