#include "domain/reports/period.hpp"

#include "domain/whole_number.hpp"

#include <algorithm>

namespace perkara::domain::reports {
namespace {

civil_date last_of_month(std::chrono::year y, std::chrono::month m) {
  return civil_date{std::chrono::year_month_day_last{y, std::chrono::month_day_last{m}}};
}

}  // namespace

std::optional<period> parse_preset(std::string_view text) {
  if (text.size() < 4) {
    return std::nullopt;
  }
  const auto year = parse_whole_number<int>(text.substr(0, 4));
  if (!year || *year < min_input_year || *year > max_input_year) {
    return std::nullopt;
  }
  const std::chrono::year y{*year};
  if (text.size() == 4) {
    return period{civil_date{y, std::chrono::January, std::chrono::day{1}},
                  civil_date{y, std::chrono::December, std::chrono::day{31}}};
  }
  if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q')) {
    const auto q = parse_whole_number<int>(text.substr(6, 1));
    if (!q || *q < 1 || *q > 4) {
      return std::nullopt;
    }
    const auto first = static_cast<unsigned>((*q - 1) * 3 + 1);
    return period{civil_date{y, std::chrono::month{first}, std::chrono::day{1}},
                  last_of_month(y, std::chrono::month{first + 2})};
  }
  if (text.size() == 7 && text[4] == '-') {
    const auto m = parse_whole_number<int>(text.substr(5, 2));
    if (!m || *m < 1 || *m > 12) {
      return std::nullopt;
    }
    const std::chrono::month month{static_cast<unsigned>(*m)};
    return period{civil_date{y, month, std::chrono::day{1}}, last_of_month(y, month)};
  }
  return std::nullopt;
}

std::vector<election_preset> election_presets(const std::vector<election_period>& periods) {
  struct gathered {
    election_preset preset;
    int rows = 0;
    bool national = false;
  };
  std::vector<gathered> all;
  for (const auto& e : periods) {
    auto it = std::find_if(all.begin(), all.end(), [&](const gathered& x) { return x.preset.code == e.code; });
    if (it == all.end()) {
      all.push_back({{e.code, e.name, {e.start, e.end}}, 1, e.region_prefix.empty()});
      continue;
    }
    it->preset.dates.from = std::min(it->preset.dates.from, e.start);
    it->preset.dates.to = std::max(it->preset.dates.to, e.end);
    ++it->rows;
    if (e.region_prefix.empty()) {
      it->preset.name = e.name;
      it->national = true;
    }
  }
  std::vector<election_preset> out;
  for (auto& g : all) {
    const auto& code = g.preset.code;
    if (g.rows > 1 && !g.national && code.size() >= 4 && parse_whole_number<int>(code.substr(code.size() - 4))) {
      g.preset.name = "Pemilihan Kepala Daerah " + code.substr(code.size() - 4);
    }
    out.push_back(std::move(g.preset));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const election_preset& a, const election_preset& b) { return a.dates.from < b.dates.from; });
  return out;
}

std::optional<period> parse_preset(std::string_view text, const std::vector<election_period>& elections) {
  if (auto p = parse_preset(text)) {
    return p;
  }
  for (const auto& e : election_presets(elections)) {
    if (e.code == text) {
      return e.dates;
    }
  }
  return std::nullopt;
}

std::vector<civil_date> months_of(const period& p) {
  std::vector<civil_date> out;
  auto month = std::chrono::year_month{p.from.year(), p.from.month()};
  const auto last = std::chrono::year_month{p.to.year(), p.to.month()};
  for (; month <= last; month += std::chrono::months{1}) {
    out.emplace_back(month.year(), month.month(), std::chrono::day{1});
  }
  return out;
}

}  // namespace perkara::domain::reports
