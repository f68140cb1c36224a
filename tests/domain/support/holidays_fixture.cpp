#include "domain/support/holidays_fixture.hpp"

#include "domain/time/civil_date.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace perkara::test {
namespace {

std::vector<std::string> split(const std::string& line) {
  // No field of holidays-id.csv contains a comma (docs/legal-sources.md §10.1).
  std::vector<std::string> out;
  std::stringstream ss{line};
  std::string field;
  while (std::getline(ss, field, ',')) {
    out.push_back(field);
  }
  if (!line.empty() && line.back() == ',') {
    out.emplace_back();  // getline drops the last, empty field
  }
  return out;
}

std::vector<domain::holiday> load(const std::string& path) {
  std::ifstream in{path};
  if (!in) {
    throw std::runtime_error("cannot open " + path);
  }
  std::vector<domain::holiday> rows;
  std::string line;
  std::getline(in, line);  // header
  if (line.rfind("date,kind,name_id,name_en,source", 0) != 0) {
    throw std::runtime_error("unexpected header in " + path);
  }
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.empty()) {
      continue;
    }
    const auto f = split(line);
    const bool shape = f.size() == 5 || f.size() == 7;  // date,kind,name_id,name_en,source[,organisation,region_code]
    const auto date = shape ? domain::parse_iso_date(f[0]) : std::nullopt;
    const auto kind = shape ? domain::parse_holiday_kind(f[1]) : std::nullopt;
    if (!date || !kind) {
      throw std::runtime_error("malformed row in " + path + ": " + line);
    }
    if (f.size() == 7 && (!f[5].empty() || !f[6].empty())) {
      continue;  // a regional or one organisation's row: not national
    }
    rows.push_back({*date, *kind, f[2], f[3], f[4], std::nullopt, ""});
  }
  return rows;
}

}  // namespace

std::string holidays_csv_path() {
  return (std::filesystem::path{PERKARA_SOURCE_DIR} / "data" / "holidays-id.csv").string();
}

const std::vector<domain::holiday>& national_holidays() {
  static const std::vector<domain::holiday> rows = load(holidays_csv_path());
  return rows;
}

domain::working_calendar real_calendar(bool cuti_bersama_is_holiday, const std::vector<domain::holiday>& extra) {
  std::vector<domain::holiday> all = national_holidays();
  all.insert(all.end(), extra.begin(), extra.end());
  domain::counting_rules rules;
  rules.cuti_bersama_is_holiday = cuti_bersama_is_holiday;
  return domain::working_calendar{all, rules};
}

domain::civil_date d(std::string_view iso) {
  const auto date = domain::parse_iso_date(iso);
  if (!date) {
    std::abort();
  }
  return *date;
}

}  // namespace perkara::test
