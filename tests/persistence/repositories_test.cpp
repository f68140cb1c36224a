// Contract tests of every repository, run unchanged on SQLite and on MariaDB.
#include "domain/ports/database.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

using namespace perkara;
using perkara::testing::test_database;

namespace {

domain::civil_date date(const char* iso) { return *domain::parse_iso_date(iso); }
domain::instant at(long long s) { return domain::instant{std::chrono::seconds{s}}; }

domain::user make_user(std::string id, std::string username, std::string org = "ki-babel") {
  domain::user u;
  u.id = std::move(id);
  u.username = std::move(username);
  u.display_name = "Budi Śantoso 🗳";
  u.organisation = std::move(org);
  u.roles = {domain::role::registrar, domain::role::ki_admin};
  u.created_at = at(1'707'300'000);
  return u;
}

/// A local holiday of ki-babel on 4 March 2024 (an office closure), as an admin would put it.
domain::holiday babel_office_closed(std::string name_id) {
  domain::holiday h;
  h.date = date("2024-03-04");
  h.kind = domain::holiday_kind::local;
  h.name_id = std::move(name_id);
  h.name_en = "Office closed";
  h.source = "SK KI Babel 1/2024";
  h.organisation = "ki-babel";
  return h;
}

}  // namespace

TEST_SUITE("repositories") {
  TEST_CASE("organisations upsert find and list") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    domain::organisation o;
    o.code = "ki-sumsel";
    o.name = "Komisi Informasi Provinsi Sumatera Selatan — uji ✓";
    o.kind = domain::organisation_kind::ki;
    o.level = domain::organisation_level::province;
    o.parent = "ki-pusat";
    o.region_code = "16";
    o.utc_offset_minutes = 420;
    o.hours = {7 * 60 + 30, 15 * 60 + 30};
    tx->organisations().upsert(o);
    auto got = tx->organisations().find("ki-sumsel");
    REQUIRE(got.has_value());
    CHECK(got->name == o.name);
    CHECK(got->parent == "ki-pusat");
    CHECK_FALSE(got->competent_ki.has_value());
    CHECK(got->hours.open_minute == 450);
    CHECK(got->hours.close_minute == 930);

    o.parent.reset();
    o.competent_ki = "ki-pusat";
    o.kind = domain::organisation_kind::kpu;
    tx->organisations().upsert(o);
    got = tx->organisations().find("ki-sumsel");
    CHECK_FALSE(got->parent.has_value());
    CHECK(got->competent_ki == "ki-pusat");
    CHECK(got->kind == domain::organisation_kind::kpu);
    CHECK(tx->organisations().list().size() == 1143);
    CHECK_FALSE(tx->organisations().find("nope").has_value());
    const auto all = tx->organisations().list();
    CHECK(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.code < b.code; }));
    // One kind: the same rows of that kind, in the same order (ki-sumsel is a KPU now).
    std::vector<std::string> ki_codes, listed;
    for (const auto& org : all) {
      if (org.kind == domain::organisation_kind::ki) {
        ki_codes.push_back(org.code);
      }
    }
    for (const auto& org : tx->organisations().list(domain::organisation_kind::ki)) {
      listed.push_back(org.code);
    }
    CHECK(listed.size() > 30);
    CHECK(listed == ki_codes);
    CHECK(std::find(listed.begin(), listed.end(), "ki-sumsel") == listed.end());
  }

  TEST_CASE("users with unicode names roles credentials and conflicts") {
    test_database db;
    auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      tx->users().insert(make_user("u1", "budi"), "$argon2id$hash1");
      tx->users().insert(make_user("u2", "ani", "ki-babel"), "$argon2id$hash2");
      tx->users().insert(make_user("u3", "citra", "kpu-ri"), "$argon2id$hash3");
      tx->commit();
    }
    {
      auto tx = database->begin(ports::access::write);
      CHECK_THROWS_AS(tx->users().insert(make_user("u9", "budi"), "x"), ports::conflict_error);
    }
    {
      auto tx = database->begin(ports::access::read);
      const auto u = tx->users().find("u1");
      REQUIRE(u.has_value());
      CHECK(u->display_name == "Budi Śantoso 🗳");
      CHECK(u->roles == std::vector<domain::role>{domain::role::ki_admin, domain::role::registrar});
      CHECK(u->active);
      CHECK(u->created_at == at(1'707'300'000));
      const auto c = tx->users().find_credentials("budi");
      REQUIRE(c.has_value());
      CHECK(c->password_hash == "$argon2id$hash1");
      CHECK(c->user.id == "u1");
      CHECK_FALSE(tx->users().find_credentials("BUDI").has_value());  // usernames compare exactly
      CHECK_FALSE(tx->users().find("u9").has_value());
      const auto babel = tx->users().list("ki-babel");
      REQUIRE(babel.size() == 2);
      CHECK(babel[0].username == "ani");
      CHECK(babel[1].username == "budi");
      CHECK(babel[1].roles.size() == 2);
    }
    {
      auto tx = database->begin(ports::access::write);
      auto u = *tx->users().find("u1");
      u.display_name = "Budi S.";
      u.active = false;
      u.roles = {domain::role::commissioner};
      tx->users().update(u);
      tx->users().set_password_hash("u1", "$argon2id$new");
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    const auto u = tx->users().find("u1");
    CHECK(u->display_name == "Budi S.");
    CHECK_FALSE(u->active);
    CHECK(u->roles == std::vector<domain::role>{domain::role::commissioner});
    CHECK(tx->users().find_credentials("budi")->password_hash == "$argon2id$new");
  }

  TEST_CASE("sessions insert find and revoke") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    tx->users().insert(make_user("u1", "budi"), "h");
    auto ani = make_user("u2", "ani", "kpu-pangkalpinang");
    ani.roles.clear();
    ani.active = false;
    tx->users().insert(ani, "h");
    const std::string h1(64, 'a'), h2(64, 'b'), h3(64, 'c');
    tx->sessions().insert(h1, {"u1", at(100), at(200), false});
    tx->sessions().insert(h2, {"u1", at(110), at(210), false});
    tx->sessions().insert(h3, {"u2", at(120), at(220), false});
    // Read before any caller lookup (which keeps the caller's organisation in the transaction's memo).
    const auto babel = tx->organisations().find("ki-babel");
    const auto pkp = tx->organisations().find("kpu-pangkalpinang");
    // The session with its user (roles in domain order) and organisation, as authentication reads it.
    const auto c1 = tx->sessions().find_caller(h1);
    REQUIRE(c1.has_value());
    CHECK(c1->session.user_id == "u1");
    CHECK(c1->session.expires_at == at(200));
    CHECK(c1->user.username == "budi");
    CHECK(c1->user.display_name == "Budi Śantoso 🗳");
    CHECK(c1->user.active);
    CHECK(c1->user.roles == tx->users().find("u1")->roles);
    CHECK(c1->user.roles.size() == 2);
    CHECK(c1->organisation.code == "ki-babel");
    CHECK(c1->organisation.name == babel->name);
    // A user without roles is still found (one row, no role); an inactive one is returned as stored.
    const auto c3 = tx->sessions().find_caller(h3);
    REQUIRE(c3.has_value());
    CHECK(c3->user.roles.empty());
    CHECK_FALSE(c3->user.active);
    CHECK(c3->organisation.code == "kpu-pangkalpinang");
    CHECK(c3->organisation.parent == pkp->parent);
    CHECK(c3->organisation.region_code == pkp->region_code);
    CHECK(c3->organisation.region_name == pkp->region_name);
    CHECK(c3->organisation.utc_offset_minutes == pkp->utc_offset_minutes);
    CHECK(c3->organisation.hours.close_minute == pkp->hours.close_minute);
    CHECK(c3->organisation.competent_ki == pkp->competent_ki);
    CHECK_FALSE(tx->sessions().find_caller(std::string(64, 'd')).has_value());
    CHECK_THROWS_AS(tx->sessions().insert(h1, {"u1", at(1), at(2), false}), ports::conflict_error);
    auto s = tx->sessions().find(h1);
    REQUIRE(s.has_value());
    CHECK(s->user_id == "u1");
    CHECK(s->created_at == at(100));
    CHECK(s->expires_at == at(200));
    CHECK_FALSE(s->revoked);
    tx->sessions().revoke(h1);
    CHECK(tx->sessions().find(h1)->revoked);
    CHECK(tx->sessions().find_caller(h1)->session.revoked);
    CHECK_FALSE(tx->sessions().find(h2)->revoked);
    tx->sessions().revoke_all_of_user("u1");
    CHECK(tx->sessions().find(h2)->revoked);
    CHECK_FALSE(tx->sessions().find(h3)->revoked);
    CHECK_FALSE(tx->sessions().find(std::string(64, 'd')).has_value());
  }

  TEST_CASE(
      "the caller lookup keeps the organisation and the holidays' revision for the transaction, until they are "
      "written") {
    test_database db;
    auto database = db.open(1);
    std::string renewed;
    {
      auto tx = database->begin(ports::access::write);
      tx->users().insert(make_user("u1", "budi"), "h");
      const std::string h1(64, 'a');
      tx->sessions().insert(h1, {"u1", at(100), at(200), false});
      const auto stored_revision = tx->holidays().revision();
      CHECK_FALSE(stored_revision.empty());
      REQUIRE(tx->sessions().find_caller(h1).has_value());
      CHECK(tx->holidays().revision() == stored_revision);
      // A holiday written in the same transaction renews the token: the next read sees the new one.
      tx->holidays().put(babel_office_closed("Kantor tutup"));
      renewed = tx->holidays().revision();
      CHECK_FALSE(renewed.empty());
      CHECK(renewed != stored_revision);
      REQUIRE(tx->sessions().find_caller(h1).has_value());
      CHECK(tx->holidays().revision() == renewed);
      // The organisation as the caller lookup read it, and as written after it.
      auto babel = *tx->organisations().find("ki-babel");
      CHECK(babel.name == tx->sessions().find_caller(h1)->organisation.name);
      babel.name = "Komisi Informasi Babel (renamed)";
      tx->organisations().upsert(babel);
      CHECK(tx->organisations().find("ki-babel")->name == "Komisi Informasi Babel (renamed)");
      tx->commit();
    }
    // Another transaction reads its own.
    auto read = database->begin(ports::access::read);
    CHECK(read->holidays().revision() == renewed);
    CHECK(read->organisations().find("ki-babel")->name == "Komisi Informasi Babel (renamed)");
  }

  TEST_CASE("holidays national and local") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    const auto local = babel_office_closed("Kantor tutup — renovasi");
    tx->holidays().put(local);

    const auto year = tx->holidays().list_year(2024);
    CHECK(year.size() == 30);  // 29 rows in the CSV + the local closure
    CHECK(std::is_sorted(year.begin(), year.end(), [](const auto& a, const auto& b) { return a.date < b.date; }));
    const auto for_babel = tx->holidays().list_for("ki-babel");
    const auto for_pusat = tx->holidays().list_for("ki-pusat");
    const auto national = tx->holidays().list_for("");
    CHECK(for_babel.size() == national.size() + 1);
    CHECK(for_pusat.size() == national.size());
    CHECK(std::none_of(national.begin(), national.end(), [](const auto& h) { return h.organisation.has_value(); }));

    const auto got = tx->holidays().find(date("2024-03-04"), std::string("ki-babel"));
    REQUIRE(got.has_value());
    CHECK(got->name_id == "Kantor tutup — renovasi");
    CHECK(got->kind == domain::holiday_kind::local);
    CHECK_FALSE(tx->holidays().find(date("2024-03-04"), std::nullopt).has_value());

    const auto election = tx->holidays().find(date("2024-02-14"), std::nullopt);
    REQUIRE(election.has_value());
    CHECK(election->kind == domain::holiday_kind::election);
    CHECK_FALSE(election->organisation.has_value());

    CHECK(tx->holidays().remove(date("2024-03-04"), std::string("ki-babel")));
    CHECK_FALSE(tx->holidays().find(date("2024-03-04"), std::string("ki-babel")).has_value());
    // Putting a deleted holiday back revives it.
    tx->holidays().put(local);
    CHECK(tx->holidays().find(date("2024-03-04"), std::string("ki-babel")).has_value());
  }

  TEST_CASE("regional holidays are in force for the organisations of their province or regency") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    domain::holiday province;
    province.date = date("2025-09-03");
    province.kind = domain::holiday_kind::local;
    province.name_id = "Libur daerah provinsi (uji)";
    province.source = "Pergub uji";
    province.region_code = "19";
    tx->holidays().put(province);

    const auto has = [&](const std::string& org, const char* day) {
      const auto list = tx->holidays().list_for(org);
      return std::any_of(list.begin(), list.end(), [&](const auto& h) { return h.date == date(day); });
    };
    struct row {
      const char* organisation;
      bool pangkalpinang_27_aug;  // data/holidays-id.csv, region 19.71
      bool province_3_sep;        // the row above, region 19
    };
    const row rows[] = {
        {"kpu-pangkalpinang", true, true}, {"bawaslu-pangkalpinang", true, true}, {"kpu-bangka", false, true},
        {"kpu-babel", false, true},        {"ki-babel", false, true},             {"kpu-ri", false, false},
        {"ki-pusat", false, false},        {"kpu-prov-jambi", false, false},      {"", false, false},
    };
    for (const auto& r : rows) {
      CAPTURE(r.organisation);
      CHECK(has(r.organisation, "2025-08-27") == r.pangkalpinang_27_aug);
      CHECK(has(r.organisation, "2025-09-03") == r.province_3_sep);
    }

    // One date may hold a national row and regional ones side by side: the key includes the region.
    const auto shipped = tx->holidays().find(date("2025-08-27"), std::nullopt, "19.71");
    REQUIRE(shipped.has_value());
    CHECK(shipped->region_code == "19.71");
    CHECK(domain::scope_of(*shipped) == domain::holiday_scope::regency);
    CHECK_FALSE(tx->holidays().find(date("2025-08-27"), std::nullopt).has_value());
    CHECK(tx->holidays().remove(date("2025-09-03"), std::nullopt, "19"));
    CHECK_FALSE(has("kpu-bangka", "2025-09-03"));
    CHECK_FALSE(tx->holidays().remove(date("2025-09-03"), std::nullopt, "19"));
  }

  TEST_CASE("rulesets versions and the version in force") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    auto v2 = *tx->rulesets().find("perki_1_2019", 1);
    v2.version = 2;
    v2.effective_from = date("2025-01-01");
    v2.counting.cuti_bersama_is_holiday = false;
    v2.periods.front().value = 4;
    v2.periods.front().note = "amended — uji";
    tx->rulesets().insert(v2);
    CHECK_THROWS_AS(tx->rulesets().insert(v2), ports::conflict_error);

    const auto latest = tx->rulesets().list_latest();
    REQUIRE(latest.size() == 2);
    CHECK(latest[0].name == "general");
    CHECK(latest[1].name == "perki_1_2019");
    CHECK(latest[1].version == 2);
    CHECK_FALSE(latest[1].counting.cuti_bersama_is_holiday);
    CHECK(latest[1].periods.front().value == 4);
    CHECK(latest[1].periods.front().note == "amended — uji");

    const auto all = tx->rulesets().versions("perki_1_2019");
    REQUIRE(all.size() == 2);
    CHECK(all[0].version == 1);
    CHECK(all[1].version == 2);

    struct row {
      const char* day;
      std::optional<int> version;
    };
    const row table[] = {{"2019-02-20", std::nullopt}, {"2019-02-21", 1}, {"2024-12-31", 1}, {"2025-01-01", 2}};
    for (const auto& r : table) {
      CAPTURE(r.day);
      const auto got = tx->rulesets().in_force("perki_1_2019", date(r.day));
      CHECK((got ? std::optional<int>(got->version) : std::nullopt) == r.version);
    }
    // UU 14/2008 took effect two years after its promulgation (Pasal 64): nothing general before 30 Apr 2010.
    const row general[] = {{"2008-04-30", std::nullopt}, {"2010-04-29", std::nullopt}, {"2010-04-30", 1}, {"2024-02-07", 1}};
    for (const auto& r : general) {
      CAPTURE(r.day);
      const auto got = tx->rulesets().in_force("general", date(r.day));
      CHECK((got ? std::optional<int>(got->version) : std::nullopt) == r.version);
    }
    CHECK_FALSE(tx->rulesets().find("perki_1_2019", 3).has_value());
    CHECK(tx->rulesets().find("general", 1)->counting.after_hours_next_working_day);
  }

  TEST_CASE("audit log newest first per object and per organisation") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    tx->audit().append({"u1", "ki-babel", at(100), "holiday.create", "holiday", "2024-03-04", R"({"a":"ü"})"});
    tx->audit().append({"u1", "ki-babel", at(200), "holiday.update", "holiday", "2024-03-04", "{}"});
    tx->audit().append({"u2", "kpu-ri", at(150), "user.update", "user", "u2", "{}"});
    const auto one = tx->audit().list("holiday", "2024-03-04");
    REQUIRE(one.size() == 2);
    CHECK(one[0].action == "holiday.update");
    CHECK(one[1].details_json == R"({"a":"ü"})");
    CHECK(one[1].at == at(100));
    const auto babel = tx->audit().list("", "ki-babel");
    CHECK(babel.size() == 2);
    CHECK(tx->audit().list("", "kpu-ri").size() == 1);
    CHECK(tx->audit().list("user", "nobody").empty());
  }

  TEST_CASE("audit search: scope, filters, names and keyset paging newest first") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    tx->users().insert(make_user("u2", "ani", "ki-babel"), "h");
    tx->audit().append({"u2", "ki-babel", at(100), "user.update", "user", "u9", "{}"});
    tx->audit().append({"u2", "ki-babel", at(100), "user.create", "user", "u8", "{}"});
    tx->audit().append({"u2", "ki-babel", at(200), "holiday.delete", "holiday", "2024-03-04", "{}"});
    tx->audit().append({"", "ki-babel", at(300), "session.login_failed", "user", "", R"({"username":"x"})"});
    tx->audit().append({"u1", "kpu-ri", at(250), "user.update", "user", "u3", "{}"});

    ports::audit_search q;
    q.organisation = "ki-babel";
    auto page = tx->audit().search(q);
    REQUIRE(page.size() == 4);
    CHECK(page[0].entry.action == "session.login_failed");
    CHECK_FALSE(page[0].actor_username.has_value());
    CHECK(page[1].entry.action == "holiday.delete");
    CHECK(page[1].actor_username == "ani");
    CHECK(page[1].actor_display_name == "Budi Śantoso 🗳");
    CHECK(page[1].organisation_name == "Komisi Informasi Provinsi Kepulauan Bangka Belitung");
    CHECK(page[1].organisation_utc_offset_minutes == 420);
    // Same second: the later entry (higher id) first.
    CHECK(page[2].entry.action == "user.create");
    CHECK(page[3].entry.action == "user.update");
    CHECK(page[3].entry.at == at(100));

    q.limit = 2;
    q.before = ports::audit_search::position{page[1].entry.at.time_since_epoch().count(), page[1].id};
    const auto rest = tx->audit().search(q);
    REQUIRE(rest.size() == 2);
    CHECK(rest[0].id == page[2].id);
    CHECK(rest[1].id == page[3].id);

    ports::audit_search all;
    CHECK(tx->audit().search(all).size() == 5);
    all.action_prefix = "user.";
    CHECK(tx->audit().search(all).size() == 3);
    all.action_prefix = "User.";
    CHECK(tx->audit().search(all).empty());  // case-sensitive on both backends
    all.action_prefix.reset();
    all.actor_username = "ani";
    CHECK(tx->audit().search(all).size() == 3);
    all.actor_username.reset();
    all.object_type = "user";
    all.object_id = "u9";
    CHECK(tx->audit().search(all).size() == 1);
    all = {};
    all.from = at(200);
    all.until = at(300);
    CHECK(tx->audit().search(all).size() == 2);  // 200 and 250; 300 is excluded
  }

  TEST_CASE("deadlines save update and open_from") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    domain::deadline_record r;
    r.case_type = "request";
    r.case_id = "r1";
    r.key = "ppid_response";
    r.organisation = "kpu-pangkalpinang";
    r.ruleset = "perki_1_2019";
    r.start_at = at(1'707'300'000);
    r.days = 3;
    r.due = date("2024-02-12");
    const std::string id = tx->deadlines().save(r);
    CHECK(id.size() == 32);

    domain::deadline_record other = r;
    other.id = "fixed-id";
    other.key = "atasan_response";
    other.due = date("2024-03-01");
    other.unit = domain::period_unit::calendar_days;
    CHECK(tx->deadlines().save(other) == "fixed-id");

    auto mine = tx->deadlines().for_case("request", "r1");
    REQUIRE(mine.size() == 2);
    CHECK(mine[0].id == id);
    CHECK(mine[0].start_at == at(1'707'300'000));
    CHECK_FALSE(mine[0].met_on.has_value());
    CHECK(mine[1].unit == domain::period_unit::calendar_days);

    CHECK(tx->deadlines().open_from(date("2024-02-12")).size() == 2);
    CHECK(tx->deadlines().open_from(date("2024-02-13")).size() == 1);

    mine[0].met_on = date("2024-02-09");
    mine[0].days = 5;
    mine[0].extension_days = 2;
    CHECK(tx->deadlines().save(mine[0]) == id);
    const auto again = tx->deadlines().for_case("request", "r1");
    REQUIRE(again.size() == 2);
    CHECK(again[0].met_on == date("2024-02-09"));
    CHECK(again[0].extension_days == 2);
    CHECK(tx->deadlines().open_from(date("2024-01-01")).size() == 1);
    CHECK(tx->deadlines().for_case("dispute", "r1").empty());
  }

  TEST_CASE("case events are append-only in insertion order") {
    test_database db;
    auto database = db.open(1);
    auto tx = database->begin(ports::access::write);
    tx->events().append({"request", "r1", 1, "u1", at(10), "create", R"({"x":"Śantoso 🗳"})"});
    tx->events().append({"request", "r1", 2, "u1", at(20), "respond", "{}"});
    tx->events().append({"dispute", "r1", 1, "u1", at(30), "create", "{}"});
    // A system event (deadline moved by a calendar change) repeats the aggregate's version.
    tx->events().append({"request", "r1", 2, "system", at(15), "deadline_moved", "{}"});
    const auto events = tx->events().for_case("request", "r1");
    REQUIRE(events.size() == 3);
    CHECK(events[0].version == 1);
    CHECK(events[0].payload_json == R"({"x":"Śantoso 🗳"})");
    CHECK(events[1].action == "respond");
    CHECK(events[1].at == at(20));
    CHECK(events[2].action == "deadline_moved");
    CHECK(events[2].version == 2);
    CHECK(tx->events().for_case("dispute", "r1").size() == 1);
  }

}
