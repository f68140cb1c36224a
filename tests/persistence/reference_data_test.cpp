#include "persistence/reference_data.hpp"

#include "persistence/errors.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

using namespace perkara;
using namespace perkara::persistence;

namespace {

const std::string org_header =
    "code,name,kind,level,parent,region_code,utc_offset_minutes,office_open,office_close,competent_ki\n";
const std::string ruleset_header =
    "ruleset,version,effective_from,period_key,value,fallback,unit,start_event,source,confidence,note\n";

std::string error_of(auto&& f) {
  try {
    f();
  } catch (const reference_data_error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_SUITE("reference_data") {
  TEST_CASE("the shipped files parse with the expected content") {
    const auto data = load_reference_data(PERKARA_DATA_DIR);
    CHECK(data.organisations.size() == 1142);
    CHECK(data.holidays.size() == 215);
    REQUIRE(data.rulesets.size() == 2);

    const auto find_org = [&](std::string_view code) {
      return std::find_if(data.organisations.begin(), data.organisations.end(),
                          [&](const domain::organisation& o) { return o.code == code; });
    };
    const auto pkp = find_org("kpu-pangkalpinang");
    REQUIRE(pkp != data.organisations.end());
    CHECK(pkp->name == "KPU Kota Pangkalpinang");
    CHECK(pkp->region_code == "19.71");
    CHECK(pkp->competent_ki == "ki-babel");
    CHECK(pkp->hours.open_minute == 8 * 60);
    CHECK(pkp->hours.close_minute == 16 * 60);
    CHECK(find_org("kpu-ri")->competent_ki == "ki-pusat");
    CHECK(find_org("dkpp")->competent_ki == "ki-pusat");
    CHECK(find_org("bawaslu-bangka-barat")->name == "Bawaslu Kabupaten Bangka Barat");
    CHECK_FALSE(find_org("ki-babel")->competent_ki.has_value());

    const auto& perki = data.rulesets[0];
    CHECK(perki.name == "perki_1_2019");
    CHECK(domain::format_iso_date(perki.effective_from) == "2019-02-21");
    CHECK(perki.periods.size() == 9);
    const auto* ppid = perki.find("ppid_response");
    REQUIRE(ppid != nullptr);
    CHECK(ppid->value == 3);
    CHECK(ppid->source == "Pasal 12 (secondary)");
    CHECK(ppid->confidence_level == domain::confidence::secondary);
    const auto* objection = perki.find("objection_filing");
    REQUIRE(objection != nullptr);
    CHECK_FALSE(objection->value.has_value());
    CHECK(objection->fallback == 30);
    CHECK(objection->confidence_level == domain::confidence::unverified);
    CHECK(perki.find("court_objection")->confidence_level == domain::confidence::unverified);

    const auto& general = data.rulesets[1];
    CHECK(general.name == "general");
    CHECK(domain::format_iso_date(general.effective_from) == "2010-04-30");  // UU 14/2008 Pasal 64
    CHECK(general.periods.size() == 12);
    // Registration completeness: optional periods of PERKI 1/2013 Pasal 17 (secondary), start events as data.
    CHECK(general.find("registration_check")->value == 3);
    CHECK(general.find("registration_check")->start_event == "dispute_received");
    CHECK(general.find("registration_completion")->value == 7);
    CHECK(general.find("registration_completion")->start_event == "completion_requested");
    CHECK(general.find("ki_completion")->value == 100);
    CHECK(general.find("ki_completion")->confidence_level == domain::confidence::verified);
    CHECK(general.find("court_objection")->confidence_level == domain::confidence::secondary);
    // The cassation window (UU 14/2008 Pasal 50): 14 days from receiving the first-instance decision.
    for (const auto* rules : {&perki, &general}) {
      const auto* cassation = rules->find("cassation");
      REQUIRE(cassation != nullptr);
      CHECK(cassation->value == 14);
      CHECK(cassation->unit == domain::period_unit::calendar_days);
      CHECK(cassation->start_event == "court_decision_received");
      CHECK(cassation->confidence_level == domain::confidence::secondary);
    }
  }

  TEST_CASE("bad rows fail with file and line") {
    struct row {
      std::string text;
      std::string expected;
    };
    const row org_table[] = {
        {"code,name\n", "orgs.csv:1: expected the header"},
        {org_header + "\nx,X,ki,national,,,420,08:00,16:00\n", "orgs.csv:3: expected 10"},
        {org_header + "x,X,court,national,,,420,08:00,16:00,\n", "orgs.csv:2: kind must be"},
        {org_header + "x,X,ki,planet,,,420,08:00,16:00,\n", "orgs.csv:2: level must be"},
        {org_header + "x,X,ki,province,,,420,08:00,16:00,\n", "orgs.csv:2: region_code"},
        {org_header + "x,X,ki,national,,,WIB,08:00,16:00,\n", "orgs.csv:2: utc_offset_minutes"},
        {org_header + "x,X,ki,national,,,420,8am,16:00,\n", "orgs.csv:2: office_open must be HH:MM"},
        {org_header + "x,X,ki,national,,,420,16:00,08:00,\n", "orgs.csv:2: office_open must be before"},
        {org_header + "x,X,ki,national,,,420,08:00,16:00,\nx,Y,ki,national,,,420,08:00,16:00,\n",
         "orgs.csv:3: duplicate code 'x' (first on line 2)"},
        {"", "orgs.csv: empty file"},
    };
    for (const auto& r : org_table) {
      CAPTURE(r.text);
      CHECK(error_of([&] { parse_organisations_csv(r.text, "orgs.csv"); }).find(r.expected) != std::string::npos);
    }

    const std::string h = "date,kind,name_id,name_en,source\n";
    CHECK(error_of([&] { parse_holidays_csv(h + "2024-02-30,national,X,X,S\n", "h.csv"); }).find("h.csv:2: date") !=
          std::string::npos);
    CHECK(error_of([&] { parse_holidays_csv(h + "2024-02-14,feast,X,X,S\n", "h.csv"); }).find("h.csv:2: kind") !=
          std::string::npos);
    CHECK(error_of([&] { parse_holidays_csv(h + "2024-02-14,local,X,X,S\n", "h.csv"); }).find("organisation") !=
          std::string::npos);

    CHECK(error_of([&] { parse_rulesets_csv(ruleset_header + "g,1,2008-04-30,k,,,working_days,e,s,verified,n\n", "r.csv"); })
              .find("r.csv:2: a period needs a value or a fallback") != std::string::npos);
    CHECK(error_of([&] { parse_rulesets_csv(ruleset_header + "g,1,2008-04-30,k,3,,hours,e,s,verified,n\n", "r.csv"); })
              .find("r.csv:2: unit") != std::string::npos);
    CHECK(error_of([&] { parse_rulesets_csv(ruleset_header + "g,1,2008-04-30,k,3,,working_days,e,s,S-Pasal,n\n", "r.csv"); })
              .find("r.csv:2: confidence") != std::string::npos);
    CHECK(error_of([&] {
            parse_rulesets_csv(ruleset_header + "g,1,2008-04-30,k,3,,working_days,e,s,verified,n\n"
                                                "g,1,2009-01-01,j,3,,working_days,e,s,verified,n\n",
                               "r.csv");
          }).find("r.csv:3: effective_from differs") != std::string::npos);
  }

  TEST_CASE("rule-set periods take an optional remind_days column (default 1)") {
    const auto with = parse_rulesets_csv(
        "ruleset,version,effective_from,period_key,value,fallback,unit,start_event,source,confidence,note,"
        "remind_days\ng,1,2008-04-30,a,3,,working_days,e,s,verified,n,2\ng,1,2008-04-30,b,3,,working_days,e,s,"
        "verified,n,\n",
        "r.csv");
    REQUIRE(with.size() == 1);
    REQUIRE(with[0].periods.size() == 2);
    CHECK(with[0].periods[0].remind_days == 2);
    CHECK(with[0].periods[1].remind_days == 1);
    const auto without = parse_rulesets_csv(ruleset_header + "g,1,2008-04-30,a,3,,working_days,e,s,verified,n\n", "r.csv");
    CHECK(without[0].periods[0].remind_days == 1);
    CHECK(error_of([&] {
            parse_rulesets_csv(ruleset_header.substr(0, ruleset_header.size() - 1) +
                                   ",remind_days\ng,1,2008-04-30,a,3,,working_days,e,s,verified,n,-1\n",
                               "r.csv");
          }).find("remind_days") != std::string::npos);
  }

  TEST_CASE("holidays accept an optional organisation column for local closures") {
    const auto hs = parse_holidays_csv(
        "date,kind,name_id,name_en,source,organisation\r\n2024-02-14,election,Pemilu,Election,K,\r\n"
        "2024-03-01,local,Tutup,Closed,SK,ki-babel\r\n",
        "h.csv");
    REQUIRE(hs.size() == 2);
    CHECK_FALSE(hs[0].organisation.has_value());
    CHECK(hs[1].organisation == "ki-babel");
    CHECK(hs[1].source == "SK");
  }

  TEST_CASE("the data directory can be overridden by the environment") {
    const char* before = std::getenv("PERKARA_DATA_DIR");
    const std::string saved = before == nullptr ? "" : before;
    ::unsetenv("PERKARA_DATA_DIR");
    CHECK(resolve_data_dir() == std::filesystem::path(PERKARA_DATA_DIR));
    ::setenv("PERKARA_DATA_DIR", "/srv/perkara-data", 1);
    CHECK(resolve_data_dir() == std::filesystem::path("/srv/perkara-data"));
    ::setenv("PERKARA_DATA_DIR", "", 1);
    CHECK(resolve_data_dir() == std::filesystem::path(PERKARA_DATA_DIR));
    if (before != nullptr) {
      ::setenv("PERKARA_DATA_DIR", saved.c_str(), 1);
    } else {
      ::unsetenv("PERKARA_DATA_DIR");
    }
  }
}
