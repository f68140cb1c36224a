#include "persistence/reference_data.hpp"

#include "domain/org/jurisdiction.hpp"
#include "persistence/errors.hpp"
#include "domain/whole_number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace perkara::persistence {
namespace {

// One data line split on commas, with its position for error messages.
struct csv_row {
  std::size_t line = 0;
  std::vector<std::string_view> fields;
};

struct csv_context {
  std::string_view file;
  std::size_t line;

  [[noreturn]] void fail(std::string_view why) const {
    throw reference_data_error(fmt::format("{}:{}: {}", file, line, why));
  }
};

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto comma = line.find(',', start);
    out.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) {
      return out;
    }
    start = comma + 1;
  }
}

// Checks the header and returns the data rows; blank and # comment lines are skipped, CRLF tolerated.
std::vector<csv_row> read_csv(std::string_view text, std::string_view file, std::string_view header,
                              std::string_view optional_column = {}) {
  std::vector<csv_row> rows;
  std::size_t line_no = 0;
  std::size_t columns = 0;
  bool seen_header = false;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    // Blank lines and '#' comment lines (a generated file's provenance) carry no data.
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') {
      continue;
    }
    const csv_context ctx{file, line_no};
    if (!seen_header) {
      // Optional trailing columns may be given in part, in order: "a,b" accepts header, header+a, header+a,b.
      bool with_optional = false;
      for (std::size_t end = 0; !optional_column.empty() && end != std::string_view::npos;) {
        end = optional_column.find(',', end + 1);
        with_optional = with_optional || line == fmt::format("{},{}", header, optional_column.substr(0, end));
      }
      if (line != header && !with_optional) {
        ctx.fail(fmt::format("expected the header '{}'", header));
      }
      columns = split(line).size();
      seen_header = true;
      continue;
    }
    auto fields = split(line);
    if (fields.size() != columns) {
      ctx.fail(fmt::format("expected {} comma-separated fields, found {} (fields cannot contain commas)", columns,
                           fields.size()));
    }
    rows.push_back({line_no, std::move(fields)});
  }
  if (!seen_header) {
    throw reference_data_error(fmt::format("{}: empty file (expected the header '{}')", file, header));
  }
  return rows;
}

// The column's value as `parse` read it from `text`; else "<column> must be <what>, got '<text>'".
template <class T>
T require(const csv_context& ctx, std::optional<T> parsed, std::string_view text, std::string_view column,
          std::string_view what) {
  if (!parsed) {
    ctx.fail(fmt::format("{} must be {}, got '{}'", column, what, text));
  }
  return *parsed;
}

int require_int(const csv_context& ctx, std::string_view text, std::string_view column) {
  return require(ctx, domain::parse_whole_number<int>(text), text, column, "an integer");
}

int parse_clock(const csv_context& ctx, std::string_view text, std::string_view column) {
  const auto h = text.size() == 5 && text[2] == ':' ? domain::parse_whole_number<int>(text.substr(0, 2)) : std::nullopt;
  const auto m = text.size() == 5 ? domain::parse_whole_number<int>(text.substr(3, 2)) : std::nullopt;
  if (!h || !m || *h > 24 || *m > 59 || (*h == 24 && *m != 0)) {
    ctx.fail(fmt::format("{} must be HH:MM, got '{}'", column, text));
  }
  return *h * 60 + *m;
}

domain::civil_date require_date(const csv_context& ctx, std::string_view text, std::string_view column) {
  return require(ctx, domain::parse_iso_date(text), text, column, "a YYYY-MM-DD date");
}

void require_nonempty(const csv_context& ctx, std::string_view text, std::string_view column) {
  if (text.empty()) {
    ctx.fail(fmt::format("{} must not be empty", column));
  }
}

std::optional<std::string> optional_text(std::string_view text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// Titles of the rule sets the CSV knows; its columns carry only the periods.
struct ruleset_meta {
  std::string_view name;
  std::string_view title;
  std::string_view source;
};
constexpr ruleset_meta known_rulesets[] = {
    {"perki_1_2019", "PERKI 1/2019: informasi Pemilu dan Pemilihan (election track)",
     "Peraturan Komisi Informasi Nomor 1 Tahun 2019"},
    {"general", "UU 14/2008: informasi publik (general track)", "UU 14/2008; PERKI 1/2013; PERKI 1/2021"},
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw reference_data_error(fmt::format("{}: cannot be read", path.string()));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

std::filesystem::path resolve_data_dir() {
  if (const char* env = std::getenv("PERKARA_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return PERKARA_DATA_DIR;
}

std::vector<domain::organisation> parse_organisations_csv(std::string_view text, std::string_view file_name) {
  std::vector<domain::organisation> out;
  std::map<std::string, std::size_t, std::less<>> lines;  // code -> line, for duplicates
  for (const auto& row : read_csv(text, file_name,
                                  "code,name,kind,level,parent,region_code,utc_offset_minutes,office_open,"
                                  "office_close,competent_ki",
                                  "region_name")) {
    const csv_context ctx{file_name, row.line};
    const auto& f = row.fields;
    domain::organisation o;
    require_nonempty(ctx, f[0], "code");
    require_nonempty(ctx, f[1], "name");
    o.code = std::string(f[0]);
    o.name = std::string(f[1]);
    o.kind = require(ctx, domain::parse_organisation_kind(f[2]), f[2], "kind", "ki, kpu, bawaslu or dkpp");
    o.level = require(ctx, domain::parse_organisation_level(f[3]), f[3], "level", "national, province or regency");
    o.parent = optional_text(f[4]);
    o.region_code = std::string(f[5]);
    if (o.level != domain::organisation_level::national && o.region_code.empty()) {
      ctx.fail("region_code must not be empty below the national level");
    }
    o.utc_offset_minutes = require_int(ctx, f[6], "utc_offset_minutes");
    if (o.utc_offset_minutes < -14 * 60 || o.utc_offset_minutes > 14 * 60) {
      ctx.fail("utc_offset_minutes is out of range");
    }
    o.hours.open_minute = parse_clock(ctx, f[7], "office_open");
    o.hours.close_minute = parse_clock(ctx, f[8], "office_close");
    if (o.hours.open_minute >= o.hours.close_minute) {
      ctx.fail("office_open must be before office_close");
    }
    o.competent_ki = optional_text(f[9]);
    if (f.size() > 10) {
      o.region_name = std::string(f[10]);
    }
    if (const auto [first, added] = lines.try_emplace(o.code, row.line); !added) {
      ctx.fail(fmt::format("duplicate code '{}' (first on line {})", o.code, first->second));
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<domain::holiday> parse_holidays_csv(std::string_view text, std::string_view file_name) {
  std::vector<domain::holiday> out;
  for (const auto& row : read_csv(text, file_name, "date,kind,name_id,name_en,source", "organisation,region_code")) {
    const csv_context ctx{file_name, row.line};
    const auto& f = row.fields;
    domain::holiday h;
    h.date = require_date(ctx, f[0], "date");
    h.kind = require(ctx, domain::parse_holiday_kind(f[1]), f[1], "kind", "national, cuti_bersama, election or local");
    require_nonempty(ctx, f[2], "name_id");
    h.name_id = std::string(f[2]);
    h.name_en = std::string(f[3]);
    h.source = std::string(f[4]);
    if (f.size() > 5) {
      h.organisation = optional_text(f[5]);
    }
    if (f.size() > 6) {
      h.region_code = std::string(f[6]);
    }
    if (const auto problem = domain::scope_problem(h)) {
      ctx.fail(*problem);
    }
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<domain::ruleset> parse_rulesets_csv(std::string_view text, std::string_view file_name) {
  std::vector<domain::ruleset> out;
  for (const auto& row : read_csv(text, file_name,
                                  "ruleset,version,effective_from,period_key,value,fallback,unit,start_event,source,"
                                  "confidence,note",
                                  "remind_days")) {
    const csv_context ctx{file_name, row.line};
    const auto& f = row.fields;
    require_nonempty(ctx, f[0], "ruleset");
    const int version = require_int(ctx, f[1], "version");
    if (version < 1) {
      ctx.fail("version must be 1 or more");
    }
    const auto effective = require_date(ctx, f[2], "effective_from");

    domain::period p;
    require_nonempty(ctx, f[3], "period_key");
    p.key = std::string(f[3]);
    if (!f[4].empty()) {
      p.value = require_int(ctx, f[4], "value");
    }
    if (!f[5].empty()) {
      p.fallback = require_int(ctx, f[5], "fallback");
    }
    if (!p.effective_value()) {
      ctx.fail("a period needs a value or a fallback");
    }
    p.unit = require(ctx, domain::parse_period_unit(f[6]), f[6], "unit", "working_days or calendar_days");
    require_nonempty(ctx, f[7], "start_event");
    p.start_event = std::string(f[7]);
    p.source = std::string(f[8]);
    p.confidence_level =
        require(ctx, domain::parse_confidence(f[9]), f[9], "confidence", "verified, secondary or unverified");
    p.note = std::string(f[10]);
    if (f.size() > 11 && !f[11].empty()) {
      p.remind_days = require_int(ctx, f[11], "remind_days");
      if (p.remind_days < 0 || p.remind_days > 100) {
        ctx.fail("remind_days must be 0 to 100");
      }
    }

    auto it = std::find_if(out.begin(), out.end(),
                           [&](const domain::ruleset& r) { return r.name == f[0] && r.version == version; });
    if (it == out.end()) {
      domain::ruleset r;
      r.name = std::string(f[0]);
      r.version = version;
      r.effective_from = effective;
      r.title = r.name;
      for (const auto& meta : known_rulesets) {
        if (meta.name == r.name) {
          r.title = std::string(meta.title);
          r.source = std::string(meta.source);
        }
      }
      out.push_back(std::move(r));
      it = std::prev(out.end());
    } else if (it->effective_from != effective) {
      ctx.fail(fmt::format("effective_from differs from earlier rows of {} version {}", it->name, version));
    }
    if (it->find(p.key) != nullptr) {
      ctx.fail(fmt::format("duplicate period '{}' in {} version {}", p.key, it->name, version));
    }
    it->periods.push_back(std::move(p));
  }
  return out;
}

reference_data load_reference_data(const std::filesystem::path& dir) {
  reference_data data;
  const auto orgs = dir / "organisations.csv";
  const auto holidays = dir / "holidays-id.csv";
  const auto rulesets = dir / "rulesets.csv";
  data.organisations = parse_organisations_csv(read_file(orgs), orgs.string());
  // Only KIs can be competent: searching those alone keeps this linear in the ~1,150 rows.
  std::vector<domain::organisation> kis;
  std::copy_if(data.organisations.begin(), data.organisations.end(), std::back_inserter(kis),
               [](const domain::organisation& o) { return o.kind == domain::organisation_kind::ki; });
  for (auto& o : data.organisations) {
    if (!o.competent_ki && o.is_respondent()) {
      o.competent_ki = domain::derive_competent_ki(o, kis);
    }
  }
  data.holidays = parse_holidays_csv(read_file(holidays), holidays.string());
  data.rulesets = parse_rulesets_csv(read_file(rulesets), rulesets.string());
  return data;
}

}  // namespace perkara::persistence
