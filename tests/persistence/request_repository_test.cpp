// Contract of ports::request_repository on the selected backend (SQLite, or MariaDB with
// PERKARA_TEST_BACKEND=mysql): round trip of every field, version-guarded update, row lock, list
// filters and keyset paging, and the election periods loaded at migrate.
#include "persistence/detail/schema.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace perkara;

namespace {

domain::civil_date date(const char* text) { return *domain::parse_iso_date(text); }
domain::offset_instant at(const char* text) { return *domain::parse_rfc3339(text); }

ports::stored_request sample(const std::string& id, const std::string& number, const char* received,
                             std::optional<domain::civil_date> next_due) {
  ports::stored_request s;
  auto& r = s.request;
  r.id = id;
  r.number = number;
  r.respondent = "kpu-pangkalpinang";
  r.received_at = at(received);
  r.channel = domain::request_channel::email;
  r.applicant = {domain::applicant_kind::individual, "Siti Aminah", "1971010101010001", "Jl. Merdeka 1",
                 "siti@example.id", "+62811000111"};
  r.information_requested = "Salinan Berita Acara rekapitulasi suara Kecamatan Gerunggang";
  r.purpose = "Penelitian";
  r.format = "softcopy";
  r.delivery_medium = "email";
  r.ruleset = {"perki_1_2019", 1, domain::ruleset_reason::election_period, "pemilu-2024", "Pemilihan Umum 2024",
               std::nullopt};
  s.next_due = next_due;
  s.awaiting_party = domain::awaiting_party::respondent;
  s.awaiting_due = next_due;
  return s;
}

std::vector<std::string> ids(const std::vector<ports::stored_request>& rows) {
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back(r.request.id);
  }
  return out;
}

}  // namespace

TEST_SUITE("request_repository") {
  TEST_CASE("insert and find round-trip every field") {
    const testing::test_database db;
    const auto database = db.open(2);
    auto s = sample("r1", "0001/PPID-KPU-PANGKALPINANG/II/2024", "2024-02-07T10:15:00+07:00", date("2024-02-12"));
    auto& r = s.request;
    r.state = domain::request_state::objection_answered;
    r.version = 5;
    r.ruleset.override_reason = "alasan";
    r.extension = domain::request_extension{"perlu waktu", domain::instant{std::chrono::seconds{1707300000}}};
    r.response = domain::request_response{domain::response_decision::partly_granted, "sebagian dikecualikan",
                                          at("2024-02-09T09:00:00+07:00")};
    r.objection = domain::request_objection{"0001/KEB-KPU-PANGKALPINANG/II/2024",
                                            {domain::objection_ground::a, domain::objection_ground::d},
                                            "tidak sesuai", at("2024-02-12T11:00:00+08:00")};
    r.objection_answer = domain::request_objection_answer{domain::objection_decision::overturned, "dibuka",
                                                          at("2024-02-14T13:00:00+07:00")};
    r.closed = domain::request_closure{"selesai", domain::instant{std::chrono::seconds{1707900000}}};
    r.dispute_id = "d1";
    s.dispute_ki = "ki-babel";
    s.response_due = date("2024-02-13");
    {
      auto tx = database->begin(ports::access::write);
      tx->requests().insert(s);
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    const auto got = tx->requests().find("r1", false);
    REQUIRE(got);
    const auto& g = got->request;
    CHECK(g.number == r.number);
    CHECK(g.received_at.utc == r.received_at.utc);
    CHECK(g.received_at.offset_minutes == 420);
    CHECK(g.channel == domain::request_channel::email);
    CHECK(g.applicant.id_number == r.applicant.id_number);
    CHECK(g.applicant.email == r.applicant.email);
    CHECK(g.ruleset.election_code == "pemilu-2024");
    CHECK(g.ruleset.override_reason == "alasan");
    CHECK(g.state == domain::request_state::objection_answered);
    CHECK(g.version == 5);
    REQUIRE(g.extension);
    CHECK(g.extension->at == r.extension->at);
    REQUIRE(g.response);
    CHECK(g.response->decision == domain::response_decision::partly_granted);
    REQUIRE(g.objection);
    CHECK(g.objection->grounds == r.objection->grounds);
    CHECK(g.objection->received_at.offset_minutes == 480);
    REQUIRE(g.objection_answer);
    CHECK(g.objection_answer->decision == domain::objection_decision::overturned);
    REQUIRE(g.closed);
    CHECK(g.closed->reason == "selesai");
    CHECK(g.dispute_id == "d1");
    CHECK(got->dispute_ki == "ki-babel");
    CHECK(got->next_due == date("2024-02-12"));
    CHECK(got->response_due == date("2024-02-13"));
    CHECK_FALSE(tx->requests().find("nope", false).has_value());

    // Migration 0028 fills the reports' due date from the deadlines: the latest ppid_response clock's.
    {
      auto wtx = database->begin(ports::access::write);
      for (const auto& [key, due] : {std::pair{"ppid_response", "2024-02-12"}, std::pair{"ppid_response", "2024-02-19"},
                                     std::pair{"objection_filing", "2024-03-30"}}) {
        domain::deadline_record c;
        c.case_type = "request";
        c.case_id = "r1";
        c.key = key;
        c.organisation = "kpu-pangkalpinang";
        c.ruleset = "perki_1_2019";
        c.start_at = r.received_at.utc;
        c.days = 3;
        c.due = date(due);
        wtx->deadlines().save(c);
      }
      wtx->commit();
    }
    db.execute("UPDATE requests SET response_due = NULL");
    const auto& migrations = persistence::detail::all_migrations();
    const auto fill = std::find_if(migrations.begin(), migrations.end(), [](const auto& m) { return m.version == 28; });
    REQUIRE(fill != migrations.end());
    for (const auto& statement : fill->statements) {
      if (statement.rfind("UPDATE requests", 0) == 0) {
        db.execute(persistence::detail::expand_dialect(statement, db.kind()));
      }
    }
    auto later = database->begin(ports::access::read);
    CHECK(later->requests().find("r1", false)->response_due == date("2024-02-19"));
  }

  TEST_CASE("a duplicate number is a conflict") {
    const testing::test_database db;
    const auto database = db.open(2);
    auto tx = database->begin(ports::access::write);
    tx->requests().insert(sample("r1", "N1", "2024-02-07T10:15:00+07:00", std::nullopt));
    CHECK_THROWS_AS(tx->requests().insert(sample("r2", "N1", "2024-02-07T10:15:00+07:00", std::nullopt)),
                    ports::conflict_error);
  }

  TEST_CASE("update is guarded by the version") {
    const testing::test_database db;
    const auto database = db.open(2);
    auto s = sample("r1", "N1", "2024-02-07T10:15:00+07:00", date("2024-02-12"));
    {
      auto tx = database->begin(ports::access::write);
      tx->requests().insert(s);
      tx->commit();
    }
    auto tx = database->begin(ports::access::write);
    auto next = s;
    next.request.version = 2;
    next.request.state = domain::request_state::answered;
    CHECK(tx->requests().update(next, 1));
    CHECK_FALSE(tx->requests().update(next, 1));  // stale: the row is at version 2 now
    tx->commit();
    auto rtx = database->begin(ports::access::read);
    CHECK(rtx->requests().find("r1", false)->request.state == domain::request_state::answered);
  }

  TEST_CASE("list: scope, filters, order by next due and keyset paging") {
    const testing::test_database db;
    const auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      tx->requests().insert(sample("a", "N-a", "2024-02-05T09:00:00+07:00", date("2024-02-20")));
      tx->requests().insert(sample("b", "N-b", "2024-02-06T09:00:00+07:00", date("2024-02-08")));
      tx->requests().insert(sample("c", "N-c", "2024-02-07T09:00:00+07:00", std::nullopt));
      auto d = sample("d", "N-d", "2024-02-07T09:00:00+07:00", date("2024-02-08"));
      d.request.applicant.name = "Budi Santoso";
      d.request.state = domain::request_state::answered;
      d.awaiting_party = domain::awaiting_party::applicant;
      tx->requests().insert(d);
      auto e = sample("e", "N-e", "2024-02-07T09:00:00+07:00", date("2024-02-01"));
      e.request.respondent = "bawaslu-babel";
      e.dispute_ki = "ki-babel";
      tx->requests().insert(e);
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    ports::request_filter f;
    f.respondent = "kpu-pangkalpinang";
    CHECK(ids(tx->requests().list(f)) == std::vector<std::string>{"b", "d", "a", "c"});

    struct row {
      const char* name;
      ports::request_filter filter;
      std::vector<std::string> expected;
    };
    auto by_state = f;
    by_state.state = domain::request_state::answered;
    auto by_q = f;
    by_q.q = "budi";  // case-insensitive
    auto by_q_pattern = f;
    by_q_pattern.q = "%";  // a LIKE pattern character is matched literally
    auto by_date = f;
    by_date.received_from = date("2024-02-06");
    by_date.received_to = date("2024-02-06");
    auto overdue = f;
    overdue.overdue_on = date("2024-02-09");  // b is awaiting the respondent past its due; d the applicant
    auto ki = ports::request_filter{};
    ki.disputed_at = "ki-babel";
    auto nobody = ports::request_filter{};
    const row rows[] = {{"state", by_state, {"d"}},           {"q", by_q, {"d"}},
                        {"q literal", by_q_pattern, {}},       {"received dates", by_date, {"b"}},
                        {"overdue", overdue, {"b"}},           {"disputed at the KI", ki, {"e"}},
                        {"no scope sees nothing", nobody, {}}};
    for (const auto& r : rows) {
      CAPTURE(r.name);
      CHECK(ids(tx->requests().list(r.filter)) == r.expected);
    }

    // Pages of two, following the last item's position.
    auto page = f;
    page.limit = 2;
    const auto first = tx->requests().list(page);
    CHECK(ids(first) == std::vector<std::string>{"b", "d"});
    page.after = ports::list_position(first.back());
    CHECK(ids(tx->requests().list(page)) == std::vector<std::string>{"a", "c"});
  }

  TEST_CASE("election periods are loaded at migrate") {
    const testing::test_database db;
    const auto database = db.open(1);
    auto tx = database->begin(ports::access::read);
    const auto periods = tx->requests().election_periods();
    REQUIRE(periods.size() >= 5);
    const auto babel = std::find_if(periods.begin(), periods.end(),
                                    [](const auto& p) { return p.code == "pilkada-2024" && p.region_prefix == "19"; });
    REQUIRE(babel != periods.end());
    CHECK(babel->end == date("2025-04-17"));
    const auto national = std::find_if(periods.begin(), periods.end(),
                                       [](const auto& p) { return p.code == "pemilu-2024"; });
    REQUIRE(national != periods.end());
    CHECK(national->region_prefix.empty());
    // On one day: exactly those whose dates include it, in the same order (its first and last day count).
    for (const auto day : {babel->start, babel->end, date("2025-04-18"), national->start, date("2019-01-01")}) {
      std::vector<std::string> expected, got;
      for (const auto& p : periods) {
        if (p.start <= day && day <= p.end) {
          expected.push_back(p.code + "/" + p.region_prefix);
        }
      }
      for (const auto& p : tx->requests().election_periods_on(day)) {
        got.push_back(p.code + "/" + p.region_prefix);
      }
      CHECK(got == expected);
    }
    CHECK_FALSE(tx->requests().election_periods_on(babel->end).empty());
  }
}
