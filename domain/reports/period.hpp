#pragma once
// The period a report covers (docs/open-data.md "Periods"): two inclusive dates, given as from/to or as
// a preset naming a year ("2024"), a quarter ("2024-Q1"), a month ("2024-02") or an election's stages
// ("pemilu-2024", the codes of data/election_periods.csv).

#include "domain/elections/election_period.hpp"
#include "domain/time/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::reports {

struct period {
  civil_date from{};  // inclusive
  civil_date to{};    // inclusive

  [[nodiscard]] bool contains(civil_date d) const { return from <= d && d <= to; }
};

/// "2024" (a year), "2024-Q1".."2024-Q4" (a quarter) or "2024-01".."2024-12" (a month); nullopt for
/// anything else or a year outside the input bounds.
std::optional<period> parse_preset(std::string_view text);

/// An election's stages (tahapan) as a report period: the rows of data/election_periods.csv with one code
/// (a pilkada has one per region), from the earliest start to the latest end. `name` is that of the national
/// row, or of the only row; several regional rows only are "Pemilihan Kepala Daerah" and the code's year.
struct election_preset {
  std::string code;  // "pemilu-2024"
  std::string name;  // "Pemilihan Umum 2024"
  period dates;
};

/// One preset per election code, in order of start.
std::vector<election_preset> election_presets(const std::vector<election_period>& periods);

/// parse_preset, or the stages of the election `text` names among `elections`.
std::optional<period> parse_preset(std::string_view text, const std::vector<election_period>& elections);

/// The longest period a report may cover: five years (a national report over more says nothing a
/// yearly one does not, and costs five times the reading).
inline constexpr int max_period_days = 5 * 366;

/// The first day of each month that [p.from, p.to] touches, in order (the trend's rows).
std::vector<civil_date> months_of(const period& p);

}  // namespace perkara::domain::reports
