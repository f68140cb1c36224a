#include "domain/elections/election_period.hpp"
#include "domain/elections/election_periods_csv.hpp"
#include "domain/reports/period.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace perkara::domain;

namespace {

civil_date day(const char* text) { return *parse_iso_date(text); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<election_period> real_periods() {
  const auto text = read_file(std::string{PERKARA_SOURCE_DIR} + "/data/election_periods.csv");
  REQUIRE_FALSE(text.empty());
  auto parsed = parse_election_periods_csv(text);
  for (const auto& e : parsed.errors) {
    CAPTURE(e.line);
    CAPTURE(e.message);
    CHECK(false);
  }
  return parsed.periods;
}

}  // namespace

TEST_SUITE("election_periods") {
  TEST_CASE("region prefixes match whole segments") {
    struct row {
      const char* prefix;
      const char* code;
      bool match;
    };
    for (const row& c : {row{"", "19.71", true}, row{"", "", true}, row{"19", "19.71", true}, row{"19", "19", true},
                         row{"19.71", "19.71", true}, row{"19.71", "19.7", false}, row{"19.7", "19.71", false},
                         row{"1", "19.71", false}, row{"19.71", "19", false}, row{"19", "31.71", false},
                         row{"19.71", "19.71.01", true}}) {
      const std::string prefix_text{c.prefix};
      CAPTURE(prefix_text);
      const std::string code_text{c.code};
      CAPTURE(code_text);
      CHECK(region_matches(c.prefix, c.code) == c.match);
    }
  }

  TEST_CASE("the real data file parses") {
    const auto periods = real_periods();
    CHECK(periods.size() == 217);  // pilkada-2020 per region: 9 provinces and 202 kabupaten/kota outside them
    const auto pemilu =
        std::find_if(periods.begin(), periods.end(), [](const auto& p) { return p.code == "pemilu-2024"; });
    REQUIRE(pemilu != periods.end());
    CHECK(pemilu->start == day("2022-06-14"));
    CHECK(pemilu->end == day("2024-10-20"));
    CHECK(pemilu->kind == election_kind::pemilu);
    CHECK(pemilu->region_prefix.empty());
    CHECK(pemilu->confidence_level == confidence::secondary);
    CHECK(pemilu->source.find("PKPU 3/2022") != std::string::npos);
  }

  TEST_CASE("choose_ruleset on the real periods") {
    const auto periods = real_periods();
    struct row {
      const char* name;
      const char* date;
      const char* region;
      const char* ruleset;
      const char* election;  // "" = none
    };
    const row rows[] = {
        {"before any 2024 stage", "2022-06-13", "19.71", "general", ""},
        {"first day of Pemilu 2024 stages (inclusive)", "2022-06-14", "19.71", "perki_1_2019", "pemilu-2024"},
        {"Pemilu 2024 only, national body", "2023-06-01", "", "perki_1_2019", "pemilu-2024"},
        {"voting day 2024: both run, the later start wins", "2024-02-14", "", "perki_1_2019", "pilkada-2024"},
        {"Pemilu 2024 and Pilkada 2024 overlap: the later start wins", "2024-03-01", "31.71", "perki_1_2019",
         "pilkada-2024"},
        {"Babel province during Pilkada 2024: the provincial row", "2024-11-27", "19", "perki_1_2019", "pilkada-2024"},
        {"national Pilkada 2024 last day (inclusive)", "2025-02-20", "31.71", "perki_1_2019", "pilkada-2024"},
        {"national Pilkada 2024 over elsewhere", "2025-02-21", "31.71", "general", ""},
        {"Babel governor dispute still running", "2025-03-10", "19.04", "perki_1_2019", "pilkada-2024"},
        {"Babel last day (inclusive)", "2025-04-17", "19", "perki_1_2019", "pilkada-2024"},
        {"Babel after the governor's inauguration", "2025-04-18", "19.04", "general", ""},
        {"Pangkalpinang re-election", "2025-08-27", "19.71", "perki_1_2019", "pilkada-ulang-2025-pangkalpinang"},
        {"Pangkalpinang re-election last day", "2025-10-15", "19.71", "perki_1_2019",
         "pilkada-ulang-2025-pangkalpinang"},
        {"Pangkalpinang after it", "2025-10-16", "19.71", "general", ""},
        {"Bangka province, other kab, during the Pangkalpinang re-election", "2025-08-27", "19.04", "general", ""},
        {"Kabupaten Bangka re-election voting day", "2025-08-27", "19.01", "perki_1_2019", "pilkada-ulang-2025-bangka"},
        {"Kabupaten Bangka after the governor's inauguration: its re-election", "2025-04-18", "19.01", "perki_1_2019",
         "pilkada-ulang-2025-bangka"},
        {"Kabupaten Bangka re-election last day (inclusive)", "2025-10-31", "19.01", "perki_1_2019",
         "pilkada-ulang-2025-bangka"},
        {"Kabupaten Bangka after it", "2025-11-01", "19.01", "general", ""},
        {"the province's own bodies are not in the Bangka re-election", "2025-08-27", "19", "general", ""},
        {"Pemilu 2019 start (20 months before voting)", "2017-08-17", "19.71", "perki_1_2019", "pemilu-2019"},
        {"day before Pemilu 2019 stages", "2017-08-16", "19.71", "general", ""},
        // Pilkada 2020 only where it was held (data/election_periods.csv): not in Pangkalpinang.
        {"Pangkalpinang during Pilkada 2020 stages: Pemilu 2019 still runs", "2019-10-01", "19.71", "perki_1_2019",
         "pemilu-2019"},
        {"Pangkalpinang after Pemilu 2019, during Pilkada 2020 elsewhere", "2020-12-09", "19.71", "general", ""},
        {"Kabupaten Bangka Tengah on the Pilkada 2020 voting day", "2020-12-09", "19.04", "perki_1_2019",
         "pilkada-2020"},
        {"Belitung Timur last day of its Pilkada 2020 stages", "2021-01-31", "19.06", "perki_1_2019", "pilkada-2020"},
        {"Kabupaten Bangka held no 2020 election", "2020-12-09", "19.01", "general", ""},
        {"a kabupaten in Sumatera Barat: its governor election covers it", "2020-12-09", "13.06", "perki_1_2019",
         "pilkada-2020"},
        {"Jakarta held no 2020 election", "2020-12-09", "31.71", "general", ""},
        {"Kota Surabaya on the Pilkada 2020 voting day", "2020-12-09", "35.78", "perki_1_2019", "pilkada-2020"},
        {"Kabupaten Merauke (Papua in 2020, today Papua Selatan 93.01)", "2020-12-09", "93.01", "perki_1_2019",
         "pilkada-2020"},
        {"Kota Surabaya after the Pilkada 2020 stages", "2021-02-01", "35.78", "general", ""},
        {"Kabupaten Bogor held no 2020 election", "2020-12-09", "32.01", "general", ""},
        {"between elections", "2021-06-01", "19.71", "general", ""},
    };
    for (const auto& c : rows) {
      const std::string name = c.name;
      CAPTURE(name);
      const auto s = choose_ruleset(day(c.date), c.region, periods);
      CHECK(s.ruleset == c.ruleset);
      CHECK((s.election ? s.election->code : std::string{}) == c.election);
    }
    // The most local row wins and the others are listed for the explanation.
    const auto s = choose_ruleset(day("2025-02-01"), "19.71", periods);
    REQUIRE(s.election);
    CHECK(s.election->code == "pilkada-ulang-2025-pangkalpinang");
    CHECK(s.also_matching == std::vector<std::string>{"pilkada-2024", "pilkada-2024"});
  }

  TEST_CASE("Pilkada 2020 in its 270 regions, each region code a real one") {
    // data/election_periods.csv header notes: 9 province rows, which cover every kabupaten/kota inside them, and one
    // row per kabupaten/kota that voted outside those provinces; each region_prefix is a region of
    // data/organisations.csv.
    std::set<std::string> region_codes;
    {
      std::istringstream orgs(read_file(std::string{PERKARA_SOURCE_DIR} + "/data/organisations.csv"));
      std::string line;
      while (std::getline(orgs, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("code,", 0) == 0) continue;
        std::vector<std::string> cells;
        std::istringstream fields(line);
        for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
        if (cells.size() > 5 && !cells[5].empty()) region_codes.insert(cells[5]);
      }
    }
    REQUIRE(region_codes.size() > 500);
    std::vector<election_period> provinces;
    std::vector<election_period> regions;
    for (const auto& p : real_periods()) {
      if (p.code != "pilkada-2020") continue;
      (p.region_prefix.find('.') == std::string::npos ? provinces : regions).push_back(p);
    }
    CHECK(provinces.size() == 9);
    CHECK(regions.size() == 202);
    const auto kota = std::count_if(regions.begin(), regions.end(),
                                    [](const auto& p) { return p.name.rfind("Pemilihan Wali Kota ", 0) == 0; });
    CHECK(kota == 27);
    std::set<std::string> seen;
    for (const auto& r : regions) {
      CAPTURE(r.region_prefix);
      CHECK(seen.insert(r.region_prefix).second);  // one row per kabupaten/kota
      CHECK(region_codes.count(r.region_prefix) == 1);
      for (const auto& p : provinces) CHECK_FALSE(region_matches(p.region_prefix, r.region_prefix));
      CHECK(r.start == day("2019-09-30"));
      CHECK(r.end == day("2021-01-31"));
    }
    for (const auto& p : provinces) CHECK(region_codes.count(p.region_prefix) == 1);
    // Inside the 9 provinces (no row of their own), as the press lists them per province: Sumatera Barat 13 (2 kota),
    // Jambi 5 (1), Bengkulu 8, Kepulauan Riau 6 (1), Kalimantan Selatan 7 (2), Sulawesi Utara 7 (3), Sulawesi
    // Tengah 8 (1); Kalimantan Tengah and Kalimantan Utara 5 kabupaten by difference (UNVERIFIED).
    const long inside_kota = 2 + 1 + 1 + 2 + 3 + 1;
    const long inside = 13 + 5 + 8 + 6 + 7 + 7 + 8 + 5;
    CHECK(kota + inside_kota == 37);                                                  // 37 kota
    CHECK(static_cast<long>(regions.size()) - kota + (inside - inside_kota) == 224);  // 224 kabupaten
    CHECK(static_cast<long>(provinces.size() + regions.size()) + inside == 270);      // 270 regions
  }

  TEST_CASE("CSV parsing errors carry line numbers") {
    const std::string header = "code,name,kind,region_prefix,start,end,source,confidence\n";
    struct row {
      const char* name;
      std::string text;
      int line;
      const char* contains;
    };
    const std::vector<row> rows{
        {"empty", "", 1, "no header"},
        {"wrong header", "code,name\n", 1, "expected header"},
        {"too few fields", header + "a,b,pemilu,,2024-01-01,2024-02-01,src\n", 2, "expected 8 fields"},
        {"bad kind", header + "a,b,pileg,,2024-01-01,2024-02-01,src,secondary\n", 2, "kind"},
        {"bad date", header + "a,b,pemilu,,2024-02-30,2024-03-01,src,secondary\n", 2, "start"},
        {"end before start", header + "a,b,pemilu,,2024-03-01,2024-02-01,src,secondary\n", 2, "before start"},
        {"bad confidence", header + "a,b,pemilu,,2024-01-01,2024-02-01,src,sure\n", 2, "confidence"},
        {"bad region", header + "a,b,pemilu,19.,2024-01-01,2024-02-01,src,secondary\n", 2, "region_prefix"},
        {"letters in region", header + "a,b,pemilu,ab,2024-01-01,2024-02-01,src,secondary\n", 2, "region_prefix"},
        {"empty code", header + ",b,pemilu,,2024-01-01,2024-02-01,src,secondary\n", 2, "code"},
        {"unterminated quote", header + "a,\"b,pemilu,,2024-01-01,2024-02-01,src,secondary\n", 2, "unterminated"},
        {"duplicate after comment",
         "# comment\n" + header + "a,b,pemilu,,2024-01-01,2024-02-01,src,secondary\n\n" +
             "a,c,pemilu,,2024-01-01,2024-02-01,src,secondary\n",
         5, "duplicate"},
    };
    for (const auto& c : rows) {
      const std::string name_text{c.name};
      CAPTURE(name_text);
      const auto r = parse_election_periods_csv(c.text);
      REQUIRE_FALSE(r.ok());
      CHECK(r.errors.front().line == c.line);
      CHECK(r.errors.front().message.find(c.contains) != std::string::npos);
    }
  }

  TEST_CASE("CSV quoting, CRLF and comments") {
    const std::string text =
        "# x\r\ncode,name,kind,region_prefix,start,end,source,confidence\r\n"
        "p,\"Name, with \"\"comma\"\"\",pilkada,19.71,2025-01-01,2025-10-15,\"UU 10/2016, Pasal 54D\",unverified\r\n";
    const auto r = parse_election_periods_csv(text);
    REQUIRE(r.ok());
    REQUIRE(r.periods.size() == 1);
    CHECK(r.periods[0].name == "Name, with \"comma\"");
    CHECK(r.periods[0].source == "UU 10/2016, Pasal 54D");
    CHECK(r.periods[0].region_prefix == "19.71");
    CHECK(r.periods[0].kind == election_kind::pilkada);
    CHECK(r.periods[0].confidence_level == confidence::unverified);
  }
}

// An election's stages as a report period (docs/open-data.md "Periods"), from the real file.
TEST_CASE("report periods: an election's stages from data/election_periods.csv") {
  const auto periods = real_periods();
  struct row {
    const char* preset;
    const char* from;
    const char* to;
  };
  // pilkada-2024: the national row ends 2025-02-20, Kepulauan Bangka Belitung's 2025-04-17 (the MK).
  const row rows[] = {{"pemilu-2024", "2022-06-14", "2024-10-20"},
                      {"pemilu-2019", "2017-08-17", "2019-10-20"},
                      {"pilkada-2024", "2024-01-26", "2025-04-17"},
                      {"pilkada-2020", "2019-09-30", "2021-01-31"},
                      {"2024-Q1", "2024-01-01", "2024-03-31"}};
  for (const auto& r : rows) {
    CAPTURE(r.preset);
    const auto p = reports::parse_preset(r.preset, periods);
    REQUIRE(p);
    CHECK(p->from == day(r.from));
    CHECK(p->to == day(r.to));
  }
  CHECK_FALSE(reports::parse_preset("pemilu-2029", periods));
  CHECK_FALSE(reports::parse_preset("pemilu-2024", {}));

  const auto presets = reports::election_presets(periods);
  REQUIRE(presets.size() == 6);
  CHECK(presets.front().code == "pemilu-2019");
  const auto named = [&](std::string_view code) {
    return std::find_if(presets.begin(), presets.end(), [&](const auto& p) { return p.code == code; })->name;
  };
  CHECK(named("pemilu-2024") == "Pemilihan Umum 2024");
  CHECK(named("pilkada-2024") == "Pemilihan Serentak 2024");                          // the national row's
  CHECK(named("pilkada-2020") == "Pemilihan Kepala Daerah 2020");                     // regional rows only
  CHECK(named("pilkada-ulang-2025-bangka") == "Pemilihan Ulang Bupati Bangka 2025");  // the only row
}
