#include "domain/deadline/status.hpp"

#include "domain/deadline/compute.hpp"
#include "domain/deadline/in_force.hpp"
#include "domain/deadline/recompute.hpp"
#include "domain/support/holidays_fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace perkara::domain;
using perkara::test::d;
using perkara::test::real_calendar;

TEST_SUITE("deadline_status") {
  TEST_CASE("pending, met and missed with working days remaining (due Thu 2024-02-15)") {
    const auto cal = real_calendar();
    struct row {
      const char* what;
      const char* today;
      const char* met_on;  // nullptr: not met
      clock_status status;
      std::optional<int> remaining;
    };
    const row rows[] = {
        {"day 0", "2024-02-07", nullptr, clock_status::pending, 3},
        {"over the long weekend", "2024-02-10", nullptr, clock_status::pending, 3},
        {"election day", "2024-02-14", nullptr, clock_status::pending, 1},
        {"the due day", "2024-02-15", nullptr, clock_status::pending, 0},
        {"one working day late", "2024-02-16", nullptr, clock_status::missed, -1},
        {"the weekend after: still -1", "2024-02-18", nullptr, clock_status::missed, -1},
        {"Monday after: -2", "2024-02-19", nullptr, clock_status::missed, -2},
        {"met early", "2024-02-20", "2024-02-12", clock_status::met, std::nullopt},
        {"met on the due day", "2024-02-20", "2024-02-15", clock_status::met, std::nullopt},
        {"met late", "2024-02-20", "2024-02-16", clock_status::missed, std::nullopt},
    };
    for (const auto& r : rows) {
      const std::string what_text{r.what};
      CAPTURE(what_text);
      std::optional<civil_date> met;
      if (r.met_on) {
        met = d(r.met_on);
      }
      const auto s = evaluate(d("2024-02-15"), met, d(r.today), cal);
      CHECK(s.status == r.status);
      CHECK(s.days_remaining == r.remaining);
    }
    CHECK(to_string(clock_status::missed) == "missed");
  }
}

TEST_SUITE("deadline_recompute") {
  TEST_CASE("a voting-day holiday declared late moves an open clock, a non-event leaves it") {
    // Keppres 10/2024 was signed 6 Feb 2024 for 14 Feb (docs/legal-sources.md §10.3): clocks started before it
    // were counted without that holiday.
    std::vector<holiday> before_keppres;
    for (const auto& h : perkara::test::national_holidays()) {
      if (h.date != d("2024-02-14")) {
        before_keppres.push_back(h);
      }
    }
    const working_calendar old_cal{before_keppres, counting_rules{}};
    const auto new_cal = real_calendar();
    const office_hours hours{};
    deadline_record rec;
    rec.start_at = parse_rfc3339("2024-02-07T10:15:00+07:00")->utc;
    rec.days = 5;
    rec.extension_days = 2;
    rec.unit = period_unit::working_days;
    rec.due = due_date(old_cal, deem_received(old_cal, hours, 420, {}, rec.start_at).deemed_received, rec.days, rec.unit);
    CHECK(format_iso_date(rec.due) == "2024-02-16");
    CHECK_FALSE(recompute_due(rec, old_cal, hours, 420).has_value());
    const auto moved = recompute_due(rec, new_cal, hours, 420);
    REQUIRE(moved);
    CHECK(format_iso_date(*moved) == "2024-02-19");
  }

  TEST_CASE("recompute reads the start instant in the organisation's offset") {
    const auto cal = real_calendar();
    deadline_record rec;
    rec.start_at = parse_rfc3339("2024-05-07T16:00:00+08:00")->utc;  // 16:00 WITA = 15:00 WIB
    rec.days = 3;
    rec.due = d("2024-05-15");  // as computed in WITA
    CHECK_FALSE(recompute_due(rec, cal, office_hours{}, 480).has_value());
    CHECK(recompute_due(rec, cal, office_hours{}, 420) == d("2024-05-14"));
  }
}

TEST_SUITE("ruleset_in_force") {
  TEST_CASE("the version with the latest effective_from on or before the date") {
    std::vector<ruleset> versions(4);
    versions[0].name = "perki_1_2019";
    versions[0].version = 1;
    versions[0].effective_from = d("2019-02-21");
    versions[1].name = "perki_1_2019";
    versions[1].version = 2;
    versions[1].effective_from = d("2024-06-01");
    versions[2].name = "general";
    versions[2].version = 1;
    versions[2].effective_from = d("2010-04-30");
    versions[3].name = "perki_1_2019";
    versions[3].version = 3;
    versions[3].effective_from = d("2024-06-01");  // same day as v2: the higher version wins
    struct row {
      const char* on;
      const char* name;
      int version;  // 0: none
    };
    const row rows[] = {{"2019-02-20", "perki_1_2019", 0}, {"2019-02-21", "perki_1_2019", 1},
                        {"2024-05-31", "perki_1_2019", 1}, {"2024-06-01", "perki_1_2019", 3},
                        {"2030-01-01", "perki_1_2019", 3}, {"2024-02-07", "general", 1}, {"2010-04-29", "general", 0},
                        {"2024-02-07", "nothing", 0}};
    for (const auto& r : rows) {
      const std::string on_text{r.on};
      CAPTURE(on_text);
      const std::string name_text{r.name};
      CAPTURE(name_text);
      const auto* found = ruleset_in_force(versions, r.name, d(r.on));
      CHECK((found ? found->version : 0) == r.version);
    }
    CHECK(find_ruleset_version(versions, "perki_1_2019", 2) == &versions[1]);
    CHECK(find_ruleset_version(versions, "perki_1_2019", 9) == nullptr);
    const std::vector<ruleset> one_name{versions[0], versions[1]};
    CHECK(ruleset_in_force(one_name, d("2024-07-01"))->version == 2);
  }
}
