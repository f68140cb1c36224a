#pragma once
// Reference data files (data/*.csv): organisations, national holidays, default rule sets. Plain
// comma-separated text without quoting; a bad row fails with its file name and line number.

#include "domain/calendar/holiday.hpp"
#include "domain/org/organisation.hpp"
#include "domain/ports/database.hpp"
#include "domain/rules/ruleset.hpp"
#include "domain/time/instant.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace perkara::persistence {

/// The environment variable PERKARA_DATA_DIR when set and non-empty, else the build-time default
/// (the compile definition PERKARA_DATA_DIR, i.e. the source tree's data/).
std::filesystem::path resolve_data_dir();

/// code,name,kind,level,parent,region_code,utc_offset_minutes,office_open,office_close,competent_ki[,region_name]
/// An empty competent_ki stays empty here; load_reference_data and import_organisations derive it
/// (domain/org/jurisdiction.hpp). Throws reference_data_error.
std::vector<domain::organisation> parse_organisations_csv(std::string_view text, std::string_view file_name);

/// date,kind,name_id,name_en,source[,organisation[,region_code]]; the scope must fit the kind
/// (domain::scope_problem). Throws reference_data_error.
std::vector<domain::holiday> parse_holidays_csv(std::string_view text, std::string_view file_name);

/// ruleset,version,effective_from,period_key,value,fallback,unit,start_event,source,confidence,note
/// Rows of one (ruleset, version) form one rule set, periods in file order. Throws reference_data_error.
std::vector<domain::ruleset> parse_rulesets_csv(std::string_view text, std::string_view file_name);

struct reference_data {
  std::vector<domain::organisation> organisations;
  std::vector<domain::holiday> holidays;
  std::vector<domain::ruleset> rulesets;
};

/// Reads organisations.csv, holidays-id.csv and rulesets.csv from `dir`; empty competent_ki values are
/// derived from the organisations in the file.
reference_data load_reference_data(const std::filesystem::path& dir);

/// What `organisations import` did: codes added, codes changed (with the fields that changed), and the
/// number of rows already stored exactly as in the file. Organisations missing from the file are kept
/// (cases and users refer to them).
struct organisations_import_report {
  struct change {
    std::string code;
    std::vector<std::string> fields;  // e.g. "name", "office_open"
  };
  std::vector<std::string> added;
  std::vector<change> changed;
  std::size_t unchanged = 0;
};

/// `perkara organisations import FILE.csv`: in one transaction, inserts the new codes and updates the
/// changed ones, auditing each (actor "cli", with the old and new values); an unchanged row is neither
/// written nor audited, so importing the same file twice reports and audits nothing the second time.
/// Empty competent_ki values are derived from the stored organisations together with the imported ones.
/// Throws reference_data_error on a bad row (nothing is written then).
organisations_import_report import_organisations(ports::database& db, std::string_view csv_text, domain::instant now,
                                                 std::string_view file_name = "organisations import");

}  // namespace perkara::persistence
