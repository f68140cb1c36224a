#include "domain/elections/election_periods_csv.hpp"

#include <fmt/format.h>

#include <optional>
#include <set>
#include <utility>

namespace perkara::domain {
namespace {

// Splits one CSV record (no embedded newlines) into fields; nullopt on an unterminated quote.
std::optional<std::vector<std::string>> split_record(std::string_view line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  bool field_was_quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field.push_back(c);
      }
    } else if (c == '"' && field.empty() && !field_was_quoted) {
      quoted = true;
      field_was_quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
    } else {
      field.push_back(c);
    }
  }
  if (quoted) {
    return std::nullopt;
  }
  fields.push_back(std::move(field));
  return fields;
}

// "" or two-digit segments joined by dots: "19", "19.71", "19.71.01".
bool valid_region_prefix(std::string_view p) {
  if (p.empty()) {
    return true;
  }
  std::size_t seg = 0;
  for (const char c : p) {
    if (c == '.') {
      if (seg == 0) {
        return false;
      }
      seg = 0;
    } else if (c >= '0' && c <= '9') {
      ++seg;
    } else {
      return false;
    }
  }
  return seg > 0;
}

}  // namespace

election_periods_parse_result parse_election_periods_csv(std::string_view text) {
  election_periods_parse_result result;
  bool header_seen = false;
  int line_no = 0;
  std::set<std::pair<std::string, std::string>> seen;  // (code, region_prefix)
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    auto line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') {
      continue;
    }
    const auto err = [&](std::string message) { result.errors.push_back({line_no, std::move(message)}); };
    if (!header_seen) {
      header_seen = true;
      if (line != election_periods_header) {
        err(fmt::format("expected header '{}'", election_periods_header));
        return result;
      }
      continue;
    }
    const auto fields = split_record(line);
    if (!fields) {
      err("unterminated quoted field");
      continue;
    }
    if (fields->size() != 8) {
      err(fmt::format("expected 8 fields, found {}", fields->size()));
      continue;
    }
    const auto& f = *fields;
    election_period p;
    const auto before = result.errors.size();
    p.code = f[0];
    if (p.code.empty()) {
      err("code is empty");
    }
    p.name = f[1];
    if (p.name.empty()) {
      err("name is empty");
    }
    if (const auto kind = parse_election_kind(f[2])) {
      p.kind = *kind;
    } else {
      err(fmt::format("kind '{}' is not pemilu or pilkada", f[2]));
    }
    p.region_prefix = f[3];
    if (!valid_region_prefix(p.region_prefix)) {
      err(fmt::format("region_prefix '{}' is not a dotted Kemendagri code", f[3]));
    }
    const auto start = parse_iso_date(f[4]);
    const auto end = parse_iso_date(f[5]);
    if (!start) {
      err(fmt::format("start '{}' is not a YYYY-MM-DD date", f[4]));
    }
    if (!end) {
      err(fmt::format("end '{}' is not a YYYY-MM-DD date", f[5]));
    }
    if (start && end && *end < *start) {
      err(fmt::format("end {} is before start {}", f[5], f[4]));
    }
    p.source = f[6];
    if (const auto conf = parse_confidence(f[7])) {
      p.confidence_level = *conf;
    } else {
      err(fmt::format("confidence '{}' is not verified, secondary or unverified", f[7]));
    }
    if (!seen.insert({p.code, p.region_prefix}).second) {
      err(fmt::format("duplicate period {} for region '{}'", p.code, p.region_prefix));
    }
    if (result.errors.size() == before) {
      p.start = *start;
      p.end = *end;
      result.periods.push_back(std::move(p));
    }
  }
  if (!header_seen) {
    result.errors.push_back({line_no, "empty file: no header"});
  }
  return result;
}

}  // namespace perkara::domain
