#include "persistence/detail/schema.hpp"
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace perkara;

namespace {

domain::instant at(const char* rfc) { return domain::parse_rfc3339(rfc)->utc; }

ports::dispute_document doc(const std::string& id, const std::string& respondent, const char* submitted) {
  ports::dispute_document d;
  d.id = id;
  d.ki = "ki-babel";
  d.respondent = respondent;
  d.state = "submitted";
  d.submitted_at = at(submitted);
  d.search_text = "budi santoso\nsalinan c1 " + id;
  d.body = R"({"id":")" + id + R"("})";
  return d;
}

}  // namespace

TEST_SUITE("dispute repository") {
  TEST_CASE("insert, find, versioned update with projections, register number unique per KI") {
    const testing::test_database db;
    const auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      tx->disputes().insert(doc("d1", "kpu-pangkalpinang", "2024-02-05T10:00:00+07:00"));
      tx->disputes().insert(doc("d2", "bawaslu-babel", "2024-02-06T10:00:00+07:00"));
      tx->commit();
    }
    auto tx = database->begin(ports::access::write);
    auto d1 = *tx->disputes().find("d1", true);
    CHECK(d1.body == R"({"id":"d1"})");
    CHECK_FALSE(d1.register_number);
    d1.version = 2;
    d1.state = "registered";
    d1.register_number = "001/KI-BABEL-PSIP/II/2024";
    d1.registered_at = at("2024-02-07T09:00:00+07:00");
    d1.registered_on = domain::parse_iso_date("2024-02-07");
    d1.next_due = domain::parse_iso_date("2024-02-28");
    ports::dispute_hearing_entry h;
    h.hearing_id = "h1";
    h.kind = "evidence";
    h.scheduled_at = at("2024-02-12T09:00:00+07:00");
    h.location = "daring (online)";
    d1.hearings.push_back(h);
    ports::dispute_decision_entry x;
    x.year = 2024;
    x.decision_number = "001/KI-BABEL-PSIP-A/II/2024";
    x.outcome = "granted";
    x.read_at = at("2024-02-20T09:00:00+07:00");
    d1.decision = x;
    CHECK(tx->disputes().update(d1, 1));
    CHECK_FALSE(tx->disputes().update(d1, 1));  // stale version: nothing written
    const auto again = tx->disputes().find("d1", false);
    REQUIRE(again);
    CHECK(again->version == 2);
    CHECK(again->registered_on == domain::parse_iso_date("2024-02-07"));
    CHECK(tx->disputes().find_by_register_number("001/KI-BABEL-PSIP/II/2024")->id == "d1");

    auto d2 = *tx->disputes().find("d2", true);
    d2.register_number = d1.register_number;
    d2.version = 2;
    CHECK_THROWS_AS(tx->disputes().update(d2, 1), ports::conflict_error);
  }

  TEST_CASE("a dispute read brings its clocks and case-file kinds once, and a write in the transaction is seen") {
    const testing::test_database db;
    const auto database = db.open(1);
    const domain::documents::case_ref owner{domain::documents::case_kind::dispute, "d1"};
    domain::deadline_record clock;
    clock.case_type = "dispute";
    clock.case_id = "d1";
    clock.key = "ki_completion";
    clock.organisation = "ki-babel";
    clock.ruleset = "perki_1_2019";
    clock.ruleset_version = 2;
    clock.start_at = at("2024-02-07T09:00:00+07:00");
    clock.days = 14;
    clock.extension_days = 7;
    clock.due = *domain::parse_iso_date("2024-02-28");
    clock.met_on = domain::parse_iso_date("2024-02-20");
    domain::documents::document file;
    file.id = "doc1";
    file.owner = owner;
    file.kind = "ktp";
    file.sha256 = std::string(64, 'a');
    file.uploaded_at = at("2024-02-05T10:00:00+07:00");
    {
      auto tx = database->begin(ports::access::write);
      tx->disputes().insert(doc("d1", "kpu-pangkalpinang", "2024-02-05T10:00:00+07:00"));
      tx->disputes().insert(doc("d2", "kpu-pangkalpinang", "2024-02-05T11:00:00+07:00"));
      auto earlier = clock;
      earlier.key = "registration";
      earlier.days = 3;
      earlier.extension_days = 0;
      earlier.unit = domain::period_unit::calendar_days;
      earlier.due = *domain::parse_iso_date("2024-02-08");
      earlier.met_on.reset();
      earlier.stopped_on = domain::parse_iso_date("2024-02-07");
      tx->deadlines().save(clock);
      tx->deadlines().save(earlier);
      tx->documents().insert(file);
      tx->documents().insert_paper({owner, "surat_kuasa", "u1", at("2024-02-06T10:00:00+07:00"), ""});
      tx->commit();
    }
    // What a separate read returns, to compare the kept copies with.
    std::vector<domain::deadline_record> clocks;
    std::vector<std::string> kinds;
    {
      auto tx = database->begin(ports::access::read);
      clocks = tx->deadlines().for_case("dispute", "d1");
      kinds = tx->documents().present_kinds(owner);
    }
    REQUIRE(clocks.size() == 2);
    CHECK(clocks[0].key == "registration");  // ordered by due date
    CHECK(clocks[0].unit == domain::period_unit::calendar_days);
    CHECK(clocks[0].stopped_on == domain::parse_iso_date("2024-02-07"));
    CHECK(clocks[1].met_on == domain::parse_iso_date("2024-02-20"));
    CHECK(kinds == std::vector<std::string>{"ktp", "surat_kuasa"});
    const auto same_clocks = [](const std::vector<domain::deadline_record>& a,
                                const std::vector<domain::deadline_record>& b) {
      return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.id == y.id && x.case_type == y.case_type && x.case_id == y.case_id && x.key == y.key &&
               x.organisation == y.organisation && x.ruleset == y.ruleset && x.ruleset_version == y.ruleset_version &&
               x.start_at == y.start_at && x.days == y.days && x.unit == y.unit &&
               x.extension_days == y.extension_days && x.due == y.due && x.met_on == y.met_on &&
               x.stopped_on == y.stopped_on;
      });
    };
    {
      auto tx = database->begin(ports::access::read);
      REQUIRE(tx->disputes().find("d1", false));
      CHECK(same_clocks(tx->deadlines().for_case("dispute", "d1"), clocks));
      CHECK(tx->documents().present_kinds(owner) == kinds);
      // A case with none, read the same way.
      REQUIRE(tx->disputes().find("d2", false));
      CHECK(tx->deadlines().for_case("dispute", "d2").empty());
      CHECK(tx->documents().present_kinds({domain::documents::case_kind::dispute, "d2"}).empty());
      CHECK_FALSE(tx->disputes().find("d3", false));
    }
    // Written after the read, in the same transaction: the next reads see the write, not the kept copy.
    auto tx = database->begin(ports::access::write);
    REQUIRE(tx->disputes().find("d1", false));
    auto moved = clocks[1];
    moved.met_on.reset();
    moved.due = *domain::parse_iso_date("2024-03-01");
    tx->deadlines().save(moved);
    const auto after = tx->deadlines().for_case("dispute", "d1");
    REQUIRE(after.size() == 2);
    CHECK(after[1].due == domain::parse_iso_date("2024-03-01"));
    CHECK_FALSE(after[1].met_on);
    REQUIRE(tx->disputes().find("d1", false));
    tx->documents().insert_paper({owner, "ktp_asli", "u1", at("2024-02-08T10:00:00+07:00"), ""});
    CHECK(tx->documents().present_kinds(owner).size() == 3);
    REQUIRE(tx->disputes().find("d1", false));
    CHECK(tx->documents().retract("doc1", {"u1", at("2024-02-09T10:00:00+07:00"), "salah unggah"}));
    auto present = tx->documents().present_kinds(owner);
    std::sort(present.begin(), present.end());
    CHECK(present == std::vector<std::string>{"ktp_asli", "surat_kuasa"});
  }

  TEST_CASE("list filters, keyset paging, hearings and decisions queries, numbering") {
    const testing::test_database db;
    const auto database = db.open(2);
    auto tx = database->begin(ports::access::write);
    for (int i = 1; i <= 5; ++i) {
      auto d = doc("d" + std::to_string(i), i % 2 ? "kpu-pangkalpinang" : "bawaslu-babel",
                   i < 5 ? "2024-02-05T10:00:00+07:00" : "2024-02-06T10:00:00+07:00");
      if (i == 3) {
        d.next_due = domain::parse_iso_date("2024-02-01");
        d.register_number = "003/KI-BABEL-PSIP/II/2024";
        d.registered_on = domain::parse_iso_date("2024-02-05");
        ports::dispute_hearing_entry h;
        h.hearing_id = "h1";
        h.kind = "mediation";
        h.scheduled_at = at("2024-02-12T09:00:00+07:00");
        h.location = "Ruang Sidang";
        d.hearings.push_back(h);
        ports::dispute_decision_entry x{"d3",
                                        "ki-babel",
                                        2024,
                                        "003/KI-BABEL-PSIP-M/II/2024",
                                        "mediation_agreement",
                                        at("2024-02-20T09:00:00+07:00")};
        d.decision = x;
      }
      tx->disputes().insert(d);
    }
    struct row {
      const char* what;
      ports::dispute_filter filter;
      std::size_t expected;
    };
    ports::dispute_filter by_respondent;
    by_respondent.respondent = "bawaslu-babel";
    ports::dispute_filter overdue;
    overdue.overdue_before = domain::parse_iso_date("2024-02-07");
    ports::dispute_filter text;
    text.q = "c1 d4";
    ports::dispute_filter wildcard;
    wildcard.q = "%";
    ports::dispute_filter registered;
    registered.registered_from = domain::parse_iso_date("2024-02-05");
    registered.registered_to = domain::parse_iso_date("2024-02-05");
    ports::dispute_filter other_ki;
    other_ki.ki = "ki-pusat";
    const row rows[] = {
        {"all", {}, 5},           {"respondent", by_respondent, 2},          {"overdue", overdue, 1},
        {"text", text, 1},        {"LIKE wildcard is literal", wildcard, 0}, {"registered", registered, 1},
        {"other KI", other_ki, 0}};
    for (const auto& r : rows) {
      CAPTURE(r.what);
      CHECK(tx->disputes().list(r.filter).size() == r.expected);
    }
    // Keyset: newest first, then by id descending.
    ports::dispute_filter page;
    page.limit = 2;
    auto first = tx->disputes().list(page);
    REQUIRE(first.size() == 2);
    CHECK(first[0].id == "d5");
    CHECK(first[1].id == "d4");
    page.after = std::make_pair(first[1].submitted_at, first[1].id);
    auto second = tx->disputes().list(page);
    REQUIRE(second.size() == 2);
    CHECK(second[0].id == "d3");
    CHECK(second[1].id == "d2");

    const auto hearings = tx->disputes().hearings_between(at("2024-02-12T00:00:00+07:00"),
                                                          at("2024-02-13T00:00:00+07:00"), std::string("ki-babel"));
    REQUIRE(hearings.size() == 1);
    CHECK(hearings[0].register_number == "003/KI-BABEL-PSIP/II/2024");
    CHECK(tx->disputes()
              .hearings_between(at("2024-02-13T00:00:00+07:00"), at("2024-02-14T00:00:00+07:00"), std::nullopt)
              .empty());
    CHECK(tx->disputes().decided(std::string("ki-babel"), 2024, 10).size() == 1);
    CHECK(tx->disputes().decided(std::nullopt, 2023, 10).empty());

    const auto babel = tx->disputes().numbering("ki-babel");
    REQUIRE(babel);
    CHECK(babel->ki_code == "KI-BABEL");
    CHECK(babel->register_template == "{seq:03}/{ki_code}-PSIP/{month_roman}/{year}");
    CHECK(tx->disputes().numbering("ki-pusat")->ki_code == "KIP");
    CHECK_FALSE(tx->disputes().numbering("ki-jabar"));
  }
}

TEST_SUITE("dispute repository: list projection") {
  TEST_CASE("lists carry the stored list item instead of the document, and the document where there is none") {
    const testing::test_database db;
    const auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      auto with = doc("with", "kpu-pangkalpinang", "2024-02-05T10:00:00+07:00");
      with.list_item = R"({"id":"with"})";
      tx->disputes().insert(with);
      tx->disputes().insert(doc("without", "kpu-pangkalpinang", "2024-02-06T10:00:00+07:00"));
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    ports::dispute_filter f;
    f.ki = "ki-babel";
    const auto rows = tx->disputes().list(f);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == "without");  // newest first
    CHECK(rows[0].list_item.empty());
    CHECK(rows[0].body == R"({"id":"without"})");
    CHECK(rows[1].list_item == R"({"id":"with"})");
    CHECK(rows[1].body.empty());
    // Reading one case always gives the whole document, and the projection beside it.
    const auto one = tx->disputes().find("with", false);
    REQUIRE(one);
    CHECK(one->body == R"({"id":"with"})");
    CHECK(one->list_item == R"({"id":"with"})");
  }
}

TEST_SUITE("dispute repository: public projection") {
  TEST_CASE("public status by register number: the stored JSON, empty where the row predates it, none if unknown") {
    const testing::test_database db;
    const auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      auto with = doc("with", "kpu-pangkalpinang", "2024-02-05T10:00:00+07:00");
      with.register_number = "001/KI-BABEL-PSIP/II/2024";
      with.public_item = R"({"register_number":"001/KI-BABEL-PSIP/II/2024"})";
      tx->disputes().insert(with);
      auto without = doc("without", "kpu-pangkalpinang", "2024-02-06T10:00:00+07:00");
      without.register_number = "002/KI-BABEL-PSIP/II/2024";
      tx->disputes().insert(without);
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    CHECK(tx->disputes().public_status("001/KI-BABEL-PSIP/II/2024") ==
          std::optional<std::string>(R"({"register_number":"001/KI-BABEL-PSIP/II/2024"})"));
    CHECK(tx->disputes().public_status("002/KI-BABEL-PSIP/II/2024") == std::optional<std::string>(""));
    CHECK_FALSE(tx->disputes().public_status("003/KI-BABEL-PSIP/II/2024"));
  }
}

TEST_SUITE("dispute repository: updates write what changed") {
  ports::dispute_hearing_entry hearing(const char* id, const char* when, const char* where) {
    ports::dispute_hearing_entry h;
    h.hearing_id = id;
    h.kind = "evidence";
    h.scheduled_at = at(when);
    h.location = where;
    return h;
  }

  std::vector<std::string> hearings_on(ports::transaction & tx, const char* day_from, const char* day_to) {
    std::vector<std::string> out;
    for (const auto& e : tx.disputes().hearings_between(at(day_from), at(day_to), std::string("ki-babel"))) {
      out.push_back(e.dispute_id + "/" + e.hearing_id + " " + domain::format_rfc3339(e.scheduled_at, 7 * 60) + " " +
                    e.location);
    }
    return out;
  }

  TEST_CASE("columns and projection rows follow each update, read under the lock or not") {
    const testing::test_database db;
    const auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      auto d = doc("d1", "kpu-pangkalpinang", "2024-02-05T10:00:00+07:00");
      d.hearings.push_back(hearing("h1", "2024-02-12T09:00:00+07:00", "Ruang 1"));
      tx->disputes().insert(d);
      tx->disputes().insert(doc("d2", "bawaslu-babel", "2024-02-06T10:00:00+07:00"));
      tx->commit();
    }
    const char* from = "2024-02-01T00:00:00+07:00";
    const char* to = "2024-03-01T00:00:00+07:00";
    {
      // Read under the lock, then two updates in one transaction: a registration (number, dates, a
      // moved hearing and a new one), then a decision that also drops the first hearing.
      auto tx = database->begin(ports::access::write);
      auto d = *tx->disputes().find("d1", true);
      d.version = 2;
      d.state = "registered";
      d.register_number = "001/KI-BABEL-PSIP/II/2024";
      d.registered_at = at("2024-02-07T09:00:00+07:00");
      d.registered_on = domain::parse_iso_date("2024-02-07");
      d.next_due = domain::parse_iso_date("2024-02-28");
      d.public_item = R"({"state":"registered"})";
      d.hearings = {hearing("h1", "2024-02-13T09:00:00+07:00", "Ruang 2"),
                    hearing("h2", "2024-02-14T09:00:00+07:00", "daring (online)")};
      REQUIRE(tx->disputes().update(d, 1));
      CHECK(hearings_on(*tx, from, to) == std::vector<std::string>{"d1/h1 2024-02-13T09:00:00+07:00 Ruang 2",
                                                                   "d1/h2 2024-02-14T09:00:00+07:00 daring (online)"});
      d.version = 3;
      d.state = "decided";
      d.outcome = "granted";
      d.next_due = std::nullopt;
      d.hearings = {hearing("h2", "2024-02-14T09:00:00+07:00", "daring (online)")};
      ports::dispute_decision_entry x;
      x.year = 2024;
      x.decision_number = "001/KI-BABEL-PSIP-A/II/2024";
      x.outcome = "granted";
      x.read_at = at("2024-02-20T09:00:00+07:00");
      d.decision = x;
      REQUIRE(tx->disputes().update(d, 2));
      tx->commit();
    }
    {
      auto tx = database->begin(ports::access::read);
      const auto d = *tx->disputes().find("d1", false);
      CHECK(d.version == 3);
      CHECK(d.state == "decided");
      CHECK(d.outcome == std::optional<std::string>("granted"));
      CHECK(d.register_number == std::optional<std::string>("001/KI-BABEL-PSIP/II/2024"));
      CHECK(d.registered_on == domain::parse_iso_date("2024-02-07"));
      CHECK_FALSE(d.next_due);
      CHECK(d.respondent == "kpu-pangkalpinang");  // unchanged columns keep their values
      CHECK(d.submitted_at == at("2024-02-05T10:00:00+07:00"));
      CHECK(tx->disputes().public_status("001/KI-BABEL-PSIP/II/2024") ==
            std::optional<std::string>(R"({"state":"registered"})"));
      CHECK(hearings_on(*tx, from, to) == std::vector<std::string>{"d1/h2 2024-02-14T09:00:00+07:00 daring (online)"});
      const auto decided = tx->disputes().decided(std::string("ki-babel"), 2024, 10);
      REQUIRE(decided.size() == 1);
      CHECK(decided[0].id == "d1");
      // The indexes of the columns that changed serve their filters.
      ports::dispute_filter f;
      f.state = "decided";
      CHECK(tx->disputes().list(f).size() == 1);
      f.state = "registered";
      CHECK(tx->disputes().list(f).empty());
    }
    {
      // Without a read under the lock (another case read last), every column is written: the decision
      // is withdrawn and the state and next due date set back, the respondent corrected.
      auto tx = database->begin(ports::access::write);
      (void)tx->disputes().find("d2", true);
      auto d = *tx->disputes().find("d1", false);
      d.version = 4;
      d.state = "registered";
      d.outcome = std::nullopt;
      d.respondent = "kpu-babel";
      d.next_due = domain::parse_iso_date("2024-03-04");
      d.decision = std::nullopt;
      REQUIRE(tx->disputes().update(d, 3));
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    const auto d = *tx->disputes().find("d1", false);
    CHECK(d.state == "registered");
    CHECK_FALSE(d.outcome);
    CHECK(d.respondent == "kpu-babel");
    CHECK(d.next_due == domain::parse_iso_date("2024-03-04"));
    CHECK(tx->disputes().decided(std::string("ki-babel"), 2024, 10).empty());
    CHECK(hearings_on(*tx, from, to).empty());  // the document had no hearings this time
    ports::dispute_filter f;
    f.respondent = "kpu-babel";
    CHECK(tx->disputes().list(f).size() == 1);
  }
}

// The report facts stored beside the document (migration 0022, docs/open-data.md "Scale").
TEST_SUITE("dispute repository") {
  TEST_CASE("report facts: written with every save, read by the reports, filled from the document by 0022") {
    const testing::test_database db;
    const auto database = db.open(2);
    auto d = doc("d1", "kpu-pangkalpinang", "2024-02-05T23:30:00+07:00");
    d.body =
        R"({"id":"d1","submitted_at":"2024-02-05T23:30:00+07:00","mediation_started_at":"2024-02-12T09:00:00+07:00",)"
        R"("adjudication_started_at":null,"decision":null,"closed":{"reason":"withdrawn","at":"2024-02-20T16:00:00+07:00"},)"
        R"("court_objection":{"party":"respondent","filed_at":"2024-03-01T10:00:00+07:00"},)"
        R"("court_decision":{"decided_at":"2024-04-02T10:00:00+07:00","result":"dikuatkan"}})";
    d.state = "closed";
    d.outcome = "withdrawn";
    auto& f = d.report;
    f.submitted_on = *domain::parse_iso_date("2024-02-05");
    f.mediated = true;
    f.closed_on = domain::parse_iso_date("2024-02-20");
    f.court_objection_on = domain::parse_iso_date("2024-03-01");
    f.court_decided_on = domain::parse_iso_date("2024-04-02");
    f.court_result = "dikuatkan";
    const auto read = [&] {
      auto tx = database->begin(ports::access::read);
      auto rows = tx->reports().disputes(std::string("ki-babel"), std::nullopt, 0, 4'000'000'000LL);
      REQUIRE(rows.size() == 1);
      return rows.front();
    };
    const auto check_facts = [&](const ports::dispute_report_row& row) {
      REQUIRE(row.fact);
      CHECK(row.body.empty());
      CHECK(row.fact->ki == "ki-babel");
      CHECK(row.fact->respondent == "kpu-pangkalpinang");
      CHECK(row.fact->state == domain::disputes::dispute_state::closed);
      CHECK(row.fact->outcome == domain::disputes::dispute_outcome::withdrawn);
      CHECK(row.fact->submitted_on == *domain::parse_iso_date("2024-02-05"));
      CHECK(row.fact->mediated);
      CHECK_FALSE(row.fact->adjudicated);
      CHECK_FALSE(row.fact->decided_on);
      CHECK(row.fact->closed_on == domain::parse_iso_date("2024-02-20"));
      CHECK(row.fact->court_objection_on == domain::parse_iso_date("2024-03-01"));
      CHECK(row.fact->court_decided_on == domain::parse_iso_date("2024-04-02"));
      CHECK(row.fact->court_result == "dikuatkan");
    };
    {
      auto tx = database->begin(ports::access::write);
      tx->disputes().insert(d);
      tx->commit();
    }
    check_facts(read());
    {
      // An update writes them again (here: the objection withdrawn from the record).
      auto tx = database->begin(ports::access::write);
      auto changed = d;
      changed.version = 2;
      changed.report.court_objection_on.reset();
      REQUIRE(tx->disputes().update(changed, 1));
      tx->commit();
      CHECK_FALSE(read().fact->court_objection_on);
    }
    // A row without facts (stored before 0022) is read from its document; 0022's fill gives the same facts.
    db.execute(
        "UPDATE disputes SET submitted_on = NULL, decided_on = NULL, closed_on = NULL, court_objection_on = "
        "NULL, court_decided_on = NULL, court_result = NULL, mediated = NULL, adjudicated = NULL");
    const auto bare = read();
    CHECK_FALSE(bare.fact);
    CHECK(bare.body == d.body);
    const auto& migrations = persistence::detail::all_migrations();
    const auto fill = std::find_if(migrations.begin(), migrations.end(), [](const auto& m) { return m.version == 22; });
    REQUIRE(fill != migrations.end());
    db.execute(persistence::detail::expand_dialect(fill->statements.back(), db.kind()));
    check_facts(read());

    // The ki_completion clock's due date is stored beside the facts with every save (migration 0028);
    // 0028's fill sets it from the deadlines: the latest of the dispute's ki_completion clocks.
    CHECK_FALSE(read().completion_due);
    {
      auto tx = database->begin(ports::access::write);
      auto changed = d;
      changed.version = 3;
      changed.report.completion_due = domain::parse_iso_date("2024-03-04");
      REQUIRE(tx->disputes().update(changed, 2));
      for (const auto& [key, due] : {std::pair{"ki_completion", "2024-03-01"}, std::pair{"ki_completion", "2024-03-08"},
                                     std::pair{"registration_check", "2024-05-01"}}) {
        domain::deadline_record c;
        c.case_type = "dispute";
        c.case_id = "d1";
        c.key = key;
        c.organisation = "ki-babel";
        c.ruleset = "perki_1_2019";
        c.start_at = at("2024-02-05T23:30:00+07:00");
        c.days = 14;
        c.due = *domain::parse_iso_date(due);
        tx->deadlines().save(c);
      }
      tx->commit();
    }
    CHECK(read().completion_due == domain::parse_iso_date("2024-03-04"));
    CHECK(read().fact->completion_due == domain::parse_iso_date("2024-03-04"));
    db.execute("UPDATE disputes SET completion_due = NULL");
    const auto due_fill =
        std::find_if(migrations.begin(), migrations.end(), [](const auto& m) { return m.version == 28; });
    REQUIRE(due_fill != migrations.end());
    for (const auto& statement : due_fill->statements) {
      if (statement.rfind("UPDATE disputes", 0) == 0) {
        db.execute(persistence::detail::expand_dialect(statement, db.kind()));
      }
    }
    CHECK(read().completion_due == domain::parse_iso_date("2024-03-08"));
  }
}

// The reads of the reports at national scale (migration 0025, docs/performance.md "Reports at national
// scale"): the public register a page at a time in its order, and the KI measures' read leaving out the
// disputes finished before the period with no act in it.
TEST_SUITE("dispute repository") {
  TEST_CASE("report reads: the register by keyset pages in register order, finished disputes left out") {
    const testing::test_database db;
    const auto database = db.open(2);
    const auto date = [](const char* text) { return *domain::parse_iso_date(text); };
    const auto registered = [&](const std::string& id, const char* ki, const char* submitted, const char* on,
                                const char* number) {
      auto d = doc(id, "kpu-pangkalpinang", submitted);
      d.ki = ki;
      d.state = "registered";
      d.report.submitted_on = date(std::string(submitted).substr(0, 10).c_str());
      d.registered_on = date(on);
      d.registered_at = at((std::string(on) + "T09:00:00+07:00").c_str());
      d.register_number = number;
      return d;
    };
    {
      auto tx = database->begin(ports::access::write);
      tx->disputes().insert(registered("r1", "ki-babel", "2024-02-05T10:00:00+07:00", "2024-02-07", "001"));
      tx->disputes().insert(registered("r2", "ki-babel", "2024-02-05T11:00:00+07:00", "2024-02-07", "002"));
      tx->disputes().insert(registered("r3", "ki-babel", "2024-01-08T10:00:00+07:00", "2024-01-10", "003"));
      tx->disputes().insert(registered("r4", "ki-aceh", "2024-02-26T10:00:00+07:00", "2024-03-01", "001"));
      auto r5 = registered("r5", "ki-babel", "2023-04-20T10:00:00+07:00", "2023-05-01", "005");
      r5.state = "decided";
      r5.report.decided_on = date("2023-08-01");
      tx->disputes().insert(r5);
      auto r6 = doc("r6", "kpu-pangkalpinang", "2024-02-10T10:00:00+07:00");
      r6.report.submitted_on = date("2024-02-10");
      tx->disputes().insert(r6);
      auto r7 = registered("r7", "ki-babel", "2023-05-20T10:00:00+07:00", "2023-06-01", "007");
      r7.state = "decided";
      r7.report.decided_on = date("2024-02-01");
      tx->disputes().insert(r7);
      // Registered in 2023 and still open: pending in 2024.
      tx->disputes().insert(registered("r8", "ki-babel", "2023-03-01T10:00:00+07:00", "2023-03-05", "008"));
      // Closed unregistered in 2023.
      auto r9 = doc("r9", "kpu-pangkalpinang", "2023-01-10T10:00:00+07:00");
      r9.state = "closed";
      r9.outcome = "not_registered";
      r9.report.submitted_on = date("2023-01-10");
      r9.report.closed_on = date("2023-02-01");
      tx->disputes().insert(r9);
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    const auto ids = [](const std::vector<ports::dispute_report_row>& rows) {
      std::vector<std::string> out;
      out.reserve(rows.size());
      for (const auto& r : rows) {
        out.push_back(r.id);
      }
      return out;
    };
    // Q1 2024: r5 has no stage in it, r6 is not registered; KI code, registration date, number.
    const auto from = date("2024-01-01");
    const auto to = date("2024-03-31");
    const auto first = tx->reports().register_page(from, to, std::nullopt, 2);
    CHECK(ids(first) == std::vector<std::string>{"r4", "r7"});
    REQUIRE(first.back().fact);
    CHECK(first.back().fact->decided_on == date("2024-02-01"));
    const auto second =
        tx->reports().register_page(from, to, ports::register_position{"ki-babel", date("2023-06-01"), "007"}, 2);
    CHECK(ids(second) == std::vector<std::string>{"r3", "r1"});
    const auto third =
        tx->reports().register_page(from, to, ports::register_position{"ki-babel", date("2024-02-07"), "001"}, 2);
    CHECK(ids(third) == std::vector<std::string>{"r2"});
    CHECK(ids(tx->reports().register_page(date("2023-01-01"), date("2023-12-31"), std::nullopt, 10)) ==
          std::vector<std::string>{"r8", "r5", "r7"});

    // The KI measures of 2024 as of 1 Mar 2024: r5 (decided in 2023, every act before 2024) is not read;
    // r8 (open), r7 (decided in 2024) and every dispute of 2024 are, and each KI's first dispute by
    // submission if finished (r9, closed in 2023), so that a KI with only finished disputes still has its row.
    const auto sorted = [&](const std::vector<ports::dispute_report_row>& rows) {
      auto out = ids(rows);
      std::sort(out.begin(), out.end());
      return out;
    };
    CHECK(sorted(tx->reports().disputes_active(std::string("ki-babel"), 4'000'000'000LL, from, from)) ==
          std::vector<std::string>{"r1", "r2", "r3", "r6", "r7", "r8", "r9"});
    CHECK(sorted(tx->reports().disputes_active(std::nullopt, 4'000'000'000LL, date("2023-01-01"), date("2023-01-01")))
              .size() == 9);
    // Pending is counted before r9's closure: it is read.
    CHECK(sorted(tx->reports().disputes_active(std::string("ki-babel"), 4'000'000'000LL, date("2023-03-01"),
                                               date("2023-01-20")))
              .size() == 8);
  }
}
