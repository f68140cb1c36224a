#pragma once
// A tiny pure parser for data/election_periods.csv: text in, periods and line-numbered errors out.
// Format: RFC 4180-style CSV (fields may be double-quoted, "" inside quotes is a quote), header line
// `code,name,kind,region_prefix,start,end,source,confidence`; blank lines and lines starting with '#'
// are ignored. Dates are YYYY-MM-DD; confidence is verified/secondary/unverified.

#include "domain/elections/election_period.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

struct csv_error {
  int line = 0;  // 1-based line number in the text
  std::string message;
};

struct election_periods_parse_result {
  std::vector<election_period> periods;
  std::vector<csv_error> errors;

  [[nodiscard]] bool ok() const { return errors.empty(); }
};

inline constexpr std::string_view election_periods_header = "code,name,kind,region_prefix,start,end,source,confidence";

election_periods_parse_result parse_election_periods_csv(std::string_view text);

}  // namespace perkara::domain
