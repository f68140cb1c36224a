// `perkara organisations import`: updates the organisation list from a CSV file (persistence/reference_data.hpp).
#include "persistence/reference_data.hpp"

#include "domain/org/jurisdiction.hpp"

#include "domain/json_text.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace perkara::persistence {
namespace {

// The audited fields of an organisation as (name, JSON value) pairs, named as the CSV columns.
using field_list = std::vector<std::pair<std::string, std::string>>;

field_list fields_of(const domain::organisation& o) {
  using domain::json_quote;
  return {{"name", json_quote(o.name)},
          {"kind", json_quote(domain::to_string(o.kind))},
          {"level", json_quote(domain::to_string(o.level))},
          {"parent", json_quote(o.parent.value_or(""))},
          {"region_code", json_quote(o.region_code)},
          {"region_name", json_quote(o.region_name)},
          {"utc_offset_minutes", std::to_string(o.utc_offset_minutes)},
          {"office_open", std::to_string(o.hours.open_minute)},
          {"office_close", std::to_string(o.hours.close_minute)},
          {"competent_ki", json_quote(o.competent_ki.value_or(""))}};
}

std::string to_json(const field_list& fields) {
  std::string out = "{";
  for (const auto& [key, value] : fields) {
    out += (out.size() > 1 ? "," : "") + domain::json_quote(key) + ":" + value;
  }
  return out + "}";
}

std::vector<std::string> changed_fields(const field_list& before, const field_list& after) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (before[i].second != after[i].second) {
      out.push_back(after[i].first);
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
  // Derive missing competent KIs from the KIs stored plus those being imported (imported rows win).
  std::map<std::string, const domain::organisation*, std::less<>> imported_by_code;
  for (const auto& o : imported) {
    imported_by_code.emplace(o.code, &o);
  }
  std::vector<domain::organisation> known;
  for (const auto& o : imported) {
    if (o.kind == domain::organisation_kind::ki) {
      known.push_back(o);
    }
  }
  for (const auto& [code, o] : stored) {
    if (o.kind == domain::organisation_kind::ki && !imported_by_code.contains(code)) {
      known.push_back(o);
    }
  }
  for (auto& o : imported) {
    if (!o.competent_ki && o.is_respondent()) {
      o.competent_ki = domain::derive_competent_ki(o, known);
    }
  }

  organisations_import_report report;
  for (auto& o : imported) {
    const auto it = stored.find(o.code);
    std::string details;
    if (it == stored.end()) {
      report.added.push_back(o.code);
      details = R"({"before":null,"after":)" + to_json(fields_of(o)) + "}";
    } else {
      if (o.region_name.empty()) {
        o.region_name = it->second.region_name;  // a file without the region_name column keeps the names
      }
      const auto before = fields_of(it->second);
      const auto after = fields_of(o);
      auto fields = changed_fields(before, after);
      if (fields.empty()) {
        ++report.unchanged;
        continue;
      }
      report.changed.push_back({o.code, std::move(fields)});
      details = R"({"before":)" + to_json(before) + R"(,"after":)" + to_json(after) + "}";
    }
    repo.upsert(o);
    domain::audit_entry entry;
    entry.actor = "cli";
    entry.organisation = o.code;
    entry.at = now;
    entry.action = "organisation.import";
    entry.object_type = "organisation";
    entry.object_id = o.code;
    entry.details_json = std::move(details);
    tx->audit().append(entry);
  }
  tx->commit();
  return report;
}

}  // namespace perkara::persistence
