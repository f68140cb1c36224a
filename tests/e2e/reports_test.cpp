// The staff reports over HTTP (issue 18, docs/open-data.md): measures computed from what the workflow
// recorded, checked against hand-computed values, including a request whose due date moves because a
// holiday is added before it is answered.
#include "e2e/requests_support.hpp"

#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::requests;
using domain::role;

namespace {

domain::instant at(const char* text) { return domain::parse_rfc3339(text)->utc; }

long long count_of(const boost::json::value& rows, std::string_view key) {
  for (const auto& r : rows.as_array()) {
    if (r.at("key").as_string() == key) {
      return r.at("count").as_int64();
    }
  }
  return -1;
}

boost::json::object received(const char* when, const char* channel) {
  auto body = new_request(when);
  body["channel"] = channel;
  return body;
}

std::string act_ok(live_server& s, const std::string& token, const std::string& id, const std::string& action,
                   const boost::json::object& body) {
  const auto r = act(s, token, id, action, body);
  REQUIRE_MESSAGE(r.status == 200, r.body);
  return r.body;
}

}  // namespace

TEST_SUITE("e2e reports") {
  TEST_CASE("PPID and KI measures from the record, a holiday added moves a due date, scope and period checked") {
    live_server s;  // Wednesday 2024-02-07 10:15 WIB, Pemilu 2024 stages: 3 working days to answer
    actors a(s);
    const auto root = s.token_for("root", role::sysadmin, "ki-pusat");
    const auto registrar = s.token_for("panitera", role::registrar, "ki-babel");

    // A: received Mon 5 Feb, granted on 6 Feb (1 working day; due 12 Feb).
    const auto ra = str(create(s, a.ppid, received("2024-02-05T09:00:00+07:00", "email")).at("id"));
    act_ok(s, a.ppid, ra, "respond",
           {{"decision", "granted"}, {"reasons", ""}, {"responded_at", "2024-02-06T10:00:00+07:00"}});
    // B: received Wed 7 Feb: due 15 Feb (12, 13, 15; 8, 9 and 14 Feb are closed).
    const auto b = create(s, a.ppid, received("2024-02-07T09:00:00+07:00", "web"));
    const auto rb = str(b.at("id"));
    CHECK(str(deadline(b, "ppid_response").at("due")) == "2024-02-15");
    // C: received by letter, never answered.
    const auto rc = str(create(s, a.ppid, received("2024-02-07T09:30:00+07:00", "letter")).at("id"));
    // D: refused the same day under Pasal 17 huruf j (0 working days).
    const auto rd = str(create(s, a.ppid, received("2024-02-07T10:00:00+07:00", "email")).at("id"));
    act_ok(s, a.ppid, rd, "respond",
           {{"decision", "refused"},
            {"reasons", "Dikecualikan berdasarkan Pasal 17 huruf j"},
            {"responded_at", "2024-02-07T10:05:00+07:00"}});

    // The due date the reports count B by is stored beside the request (migration 0028) and follows the
    // holiday below.
    const auto stored_due = [&] {
      auto db = s.database().open(1);
      auto tx = db->begin(ports::access::read);
      return tx->requests().find(rb, false)->response_due;
    };
    CHECK(stored_due() == domain::parse_iso_date("2024-02-15"));
    // A holiday added on 15 Feb moves B's due date to 16 Feb.
    const auto added = s.post(
        "/api/v1/holidays",
        R"({"date":"2024-02-15","kind":"national","name":"Libur nasional tambahan","name_en":"Extra holiday","source":"Keppres-uji"})",
        root);
    REQUIRE_MESSAGE(added.status == 201, added.body);
    CHECK(str(deadline(json_of(s.get("/api/v1/requests/" + rb, a.ppid)), "ppid_response").at("due")) == "2024-02-16");
    CHECK(stored_due() == domain::parse_iso_date("2024-02-16"));

    // Friday 16 Feb: B answered on its moved due date (on time; 12, 13, 16 Feb = 3 working days), then
    // D's objection is filed, upheld, and brought to KI Babel.
    s.clock().set(at("2024-02-16T10:00:00+07:00"));
    const auto ppid = s.login("ppid.pkp", "password-ppid.pkp");
    const auto atasan = s.login("atasan.pkp", "password-atasan.pkp");
    const auto panitera = s.login("panitera", "password-panitera");
    act_ok(s, ppid, rb, "respond",
           {{"decision", "granted"}, {"reasons", ""}, {"responded_at", "2024-02-16T10:00:00+07:00"}});
    act_ok(s, ppid, rd, "file_objection",
           {{"grounds", {"a"}},
            {"reasons", "Bukan informasi dikecualikan"},
            {"received_at", "2024-02-16T10:00:00+07:00"}});
    act_ok(s, atasan, rd, "answer_objection",
           {{"decision", "upheld"}, {"reasons", "Tetap dikecualikan"}, {"answered_at", "2024-02-16T10:01:00+07:00"}});
    const auto dispute =
        s.post("/api/v1/disputes",
               R"({"request_id":")" + rd +
                   R"(","respondent":"kpu-pangkalpinang",)"
                   R"("applicant":{"kind":"individual","name":"Siti Aminah","email":"siti.aminah@example.id"},)"
                   R"("information_requested":"Salinan formulir C.Hasil TPS 012","reasons":"Keberatan ditolak",)"
                   R"("grounds":["a"],"petitum":["Menyatakan informasi terbuka"],"attachments":["identity_document"]})",
               panitera);
    REQUIRE_MESSAGE(dispute.status == 201, dispute.body);
    const auto registered =
        s.post("/api/v1/disputes/" + str(json_of(dispute).at("id")) + "/actions/register", "{}", panitera);
    REQUIRE_MESSAGE(registered.status == 200, registered.body);

    // Monday 26 Feb: C's due date (16 Feb) has passed unanswered.
    s.clock().set(at("2024-02-26T10:00:00+07:00"));
    const auto ppid_late = s.login("ppid.pkp", "password-ppid.pkp");
    const auto rep = s.get("/api/v1/reports/ppid?organisation=kpu-pangkalpinang&period=2024-02", ppid_late);
    REQUIRE_MESSAGE(rep.status == 200, rep.body);
    const auto r = json_of(rep);
    CHECK(str(r.at("scope").at("kind")) == "office");
    CHECK(str(r.at("period").at("from")) == "2024-02-01");
    CHECK(str(r.at("period").at("to")) == "2024-02-29");
    CHECK(r.at("received").as_int64() == 4);
    CHECK(count_of(r.at("by_channel"), "email") == 2);
    CHECK(count_of(r.at("by_channel"), "web") == 1);
    CHECK(count_of(r.at("by_channel"), "letter") == 1);
    CHECK(r.at("timeliness").at("within_period").as_int64() == 3);  // B only because the holiday moved its due date
    CHECK(r.at("timeliness").at("within_extension").as_int64() == 0);
    CHECK(r.at("timeliness").at("late").as_int64() == 0);
    CHECK(r.at("timeliness").at("never").as_int64() == 1);
    CHECK(r.at("timeliness").at("pending").as_int64() == 0);
    CHECK(count_of(r.at("outcomes"), "granted") == 2);
    CHECK(count_of(r.at("outcomes"), "refused") == 1);
    CHECK(count_of(r.at("refused_by_exemption"), "j") == 1);
    // 0, 1 and 3 working days.
    CHECK(r.at("working_days_to_answer").at("median").to_number<double>() == 1.0);
    CHECK(r.at("working_days_to_answer").at("p90").to_number<double>() == 3.0);
    CHECK(r.at("extensions_used").as_int64() == 0);
    CHECK(r.at("objections").at("filed").as_int64() == 1);
    CHECK(count_of(r.at("objections").at("outcomes"), "upheld") == 1);
    CHECK(r.at("disputes").as_int64() == 1);
    CHECK(r.at("dispute_rate").to_number<double>() == 25.0);
    REQUIRE(r.at("trend").as_array().size() == 1);
    CHECK(r.at("trend").as_array()[0].at("month").as_string() == "2024-02");

    // The same measures as the annual report's tables, in Bahasa Indonesia: a print page and CSV.
    const auto page = s.get("/api/v1/reports/ppid/annual?organisation=kpu-pangkalpinang&period=2024-02", ppid_late);
    REQUIRE_MESSAGE(page.status == 200, page.body);
    CHECK(page.header("Content-Type").value_or("").find("text/html") == 0);
    CHECK(page.body.find("KPU Kota Pangkalpinang") != std::string::npos);
    CHECK(page.body.find("Periode 1 Februari 2024 s.d. 29 Februari 2024") != std::string::npos);
    CHECK(page.body.find("<td>Dijawab dalam jangka waktu</td><td class=\"n\">3</td>") != std::string::npos);
    CHECK(page.body.find("kpu-pangkalpinang") == std::string::npos);  // names, never codes
    const auto table =
        s.get("/api/v1/reports/ppid/annual?organisation=kpu-pangkalpinang&period=2024-02&format=csv", ppid_late);
    REQUIRE(table.status == 200);
    CHECK(table.body.find("Tabel 3. Keputusan atas permohonan,Ditolak berdasarkan UU 14/2008 Pasal 17 huruf j,1\r\n") !=
          std::string::npos);
    CHECK(table.body.find("Tabel 2. Waktu pemenuhan permohonan,Median hari kerja sampai dijawab,1\r\n") !=
          std::string::npos);
    CHECK(error_field(s.get("/api/v1/reports/ppid/annual?period=2024&format=pdf", ppid_late)) == "format");

    // The same office seen from its KI (scope: every office KI Babel hears), and nationally by a sysadmin.
    const auto by_ki = s.get("/api/v1/reports/ppid?organisation=ki-babel&from=2024-02-01&to=2024-02-29",
                             s.login("panitera", "password-panitera"));
    REQUIRE_MESSAGE(by_ki.status == 200, by_ki.body);
    CHECK(str(json_of(by_ki).at("scope").at("kind")) == "ki");
    CHECK(json_of(by_ki).at("received").as_int64() == 4);
    const auto root_late = s.token_for("root2", role::sysadmin, "ki-pusat");
    const auto national = s.get("/api/v1/reports/ppid?period=2024", root_late);
    REQUIRE_MESSAGE(national.status == 200, national.body);
    CHECK(str(json_of(national).at("scope").at("kind")) == "national");
    CHECK(json_of(national).at("received").as_int64() == 4);

    // The KI's own report: one dispute received, registered and still pending.
    const auto ki = s.get("/api/v1/reports/ki?period=2024-Q1", s.login("panitera", "password-panitera"));
    REQUIRE_MESSAGE(ki.status == 200, ki.body);
    const auto k = json_of(ki);
    CHECK(str(k.at("scope").at("organisation")) == "ki-babel");
    CHECK(k.at("received").as_int64() == 1);
    CHECK(k.at("registered").as_int64() == 1);
    CHECK(k.at("pending").as_int64() == 1);
    CHECK(count_of(k.at("pending_by_age"), "0-30") == 1);
    CHECK(k.at("clearance_rate").to_number<double>() == 0.0);

    // Scope and period: another office's PPID is refused; bad periods name the field.
    const auto other = s.token_for("ppid.other", role::ppid, "bawaslu-babel");
    CHECK(s.get("/api/v1/reports/ppid?organisation=kpu-pangkalpinang&period=2024", other).status == 403);
    CHECK(s.get("/api/v1/reports/ki?organisation=ki-pusat&period=2024", s.login("panitera", "password-panitera"))
              .status == 403);
    CHECK(error_field(s.get("/api/v1/reports/ppid?period=2024-13", ppid_late)) == "period");
    CHECK(error_field(s.get("/api/v1/reports/ppid?from=2024-02-10&to=2024-02-01", ppid_late)) == "to");
    CHECK(error_field(s.get("/api/v1/reports/ppid?period=2024&organisation=nowhere", ppid_late)) == "organisation");
    CHECK(error_field(s.get("/api/v1/reports/ki?period=2024&organisation=kpu-pangkalpinang", root_late)) ==
          "organisation");
    (void)rc;

    // Open data, no login: small counts (1 or 2) withheld, nothing personal anywhere.
    const auto stats = s.get("/api/v1/public/statistics?period=2024-02");
    REQUIRE_MESSAGE(stats.status == 200, stats.body);
    const auto st = json_of(stats);
    CHECK(st.at("suppression_threshold").as_int64() == 3);
    CHECK(st.at("national").at("ppid").at("requests").as_int64() == 4);
    CHECK(st.at("national").at("ppid").at("answered_on_time").as_int64() == 3);
    CHECK(st.at("national").at("ppid").at("never_answered").is_null());
    CHECK(st.at("national").at("ppid").at("disputes").is_null());
    CHECK(st.at("national").at("ppid").at("dispute_rate").is_null());
    CHECK(st.at("national").at("ki").at("received").is_null());
    REQUIRE(st.at("offices").as_array().size() == 1);
    CHECK(str(st.at("offices").as_array()[0].at("name")) == "KPU Kota Pangkalpinang");
    const auto offices_csv = s.get("/api/v1/public/statistics/offices.csv?period=2024-02");
    REQUIRE(offices_csv.status == 200);
    CHECK(offices_csv.header("Content-Type").value_or("").find("text/csv") == 0);
    CHECK(offices_csv.body.find("kpu-pangkalpinang,KPU Kota Pangkalpinang,4,3,0,,0,,,\r\n") != std::string::npos);
    const auto kis_csv = s.get("/api/v1/public/statistics/kis.csv?period=2024-02");
    REQUIRE(kis_csv.status == 200);
    CHECK(kis_csv.body.find("ki-babel,") != std::string::npos);
    const auto reg = s.get("/api/v1/public/dispute-register?period=2024-Q1");
    REQUIRE_MESSAGE(reg.status == 200, reg.body);
    const auto rows = json_of(reg).at("disputes").as_array();
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(str(rows[0].at("register_number")).empty());
    CHECK(str(rows[0].at("respondent")) == "KPU Kota Pangkalpinang");
    CHECK(str(rows[0].at("registered_on")) == "2024-02-16");
    CHECK(str(rows[0].at("completion_clock")) == "running");
    CHECK(json_of(reg).at("next_cursor").is_null());  // the register pages; one row is the last page
    const auto one = s.get("/api/v1/public/dispute-register?period=2024-Q1&limit=1");
    REQUIRE_MESSAGE(one.status == 200, one.body);
    CHECK(json_of(one).at("disputes").as_array().size() == 1);
    CHECK(json_of(one).at("next_cursor").is_null());
    CHECK(error_field(s.get("/api/v1/public/dispute-register?period=2024-Q1&cursor=zz")) == "cursor");
    CHECK(error_field(s.get("/api/v1/public/dispute-register?period=2024-Q1&limit=501")) == "limit");
    const auto reg_csv = s.get("/api/v1/public/dispute-register.csv?period=2024-Q1");
    REQUIRE(reg_csv.status == 200);
    for (const auto* body : {&stats.body, &offices_csv.body, &kis_csv.body, &reg.body, &reg_csv.body}) {
      for (const char* personal : {"Siti", "siti.aminah", "1971014101900001", "Sudirman", "6281234567890"}) {
        CAPTURE(personal);
        CHECK(body->find(personal) == std::string::npos);
      }
    }

    // An election's stages as the period (data/election_periods.csv): Pemilu 2024, 14 Jun 2022 to 20 Oct 2024.
    const auto pemilu = s.get("/api/v1/reports/ppid?organisation=kpu-pangkalpinang&period=pemilu-2024", ppid_late);
    REQUIRE_MESSAGE(pemilu.status == 200, pemilu.body);
    CHECK(str(json_of(pemilu).at("period").at("from")) == "2022-06-14");
    CHECK(str(json_of(pemilu).at("period").at("to")) == "2024-10-20");
    CHECK(json_of(pemilu).at("received").as_int64() == 4);
    CHECK(error_field(s.get("/api/v1/reports/ppid?period=pemilu-2099", ppid_late)) == "period");
    const auto elections = s.get("/api/v1/public/statistics/periods");
    REQUIRE_MESSAGE(elections.status == 200, elections.body);
    bool listed = false;
    const auto election_list = json_of(elections);  // kept alive: the loop reads into it
    for (const auto& e : election_list.at("elections").as_array()) {
      listed = listed || (str(e.at("period")) == "pemilu-2024" && str(e.at("name")) == "Pemilihan Umum 2024" &&
                          str(e.at("from")) == "2022-06-14");
    }
    CHECK(listed);
    CHECK(json_of(s.get("/api/v1/public/statistics?period=pemilu-2024"))
              .at("national")
              .at("ppid")
              .at("requests")
              .as_int64() == 4);

    // The next report shows a holiday change and a case change: a holiday before the dispute's
    // completion due date moves it (the deadlines the report reads), and its withdrawal closes it (the
    // report facts written with the case).
    const auto completion_due = [&] {
      const auto regs = json_of(s.get("/api/v1/public/dispute-register?period=2024-Q1")).at("disputes").as_array();
      REQUIRE(regs.size() == 1);
      return str(regs[0].at("completion_due"));
    };
    const auto due_before = completion_due();
    const auto moved = s.post(
        "/api/v1/holidays",
        R"({"date":"2024-02-27","kind":"national","name":"Libur uji","name_en":"Test holiday","source":"Keppres-uji"})",
        root_late);
    REQUIRE_MESSAGE(moved.status == 201, moved.body);
    CHECK(completion_due() > due_before);
    const auto withdrawn = s.post("/api/v1/disputes/" + str(json_of(dispute).at("id")) + "/actions/withdraw",
                                  R"({"reason":"Informasi sudah diterima"})", s.login("panitera", "password-panitera"));
    REQUIRE_MESSAGE(withdrawn.status == 200, withdrawn.body);
    const auto after = json_of(s.get("/api/v1/reports/ki?period=2024-Q1", s.login("panitera", "password-panitera")));
    CHECK(after.at("withdrawn").as_int64() == 1);
    CHECK(after.at("pending").as_int64() == 0);
    CHECK(after.at("clearance_rate").to_number<double>() == 100.0);
  }
}

TEST_SUITE("e2e reports") {
  TEST_CASE("monthly tallies: a settled month is stored once, and a changed case or a holiday rebuilds it") {
    live_server s;  // Wednesday 2024-02-07 10:15 WIB
    actors a(s);
    // Received Mon 5 Feb, due 12 Feb; not answered by the time February is over.
    const auto id = str(create(s, a.ppid, received("2024-02-05T09:00:00+07:00", "web")).at("id"));

    s.clock().set(at("2024-03-20T10:00:00+07:00"));
    const auto root_march = s.token_for("root.march", role::sysadmin, "ki-pusat");
    const auto february = [&] {
      const auto rep = s.get("/api/v1/reports/ppid?organisation=kpu-pangkalpinang&period=2024-02", root_march);
      REQUIRE_MESSAGE(rep.status == 200, rep.body);
      return json_of(rep);
    };
    const auto stored = [&] {
      auto db = s.database().open(1);
      auto tx = db->begin(ports::access::read);
      const auto rows = tx->reports().tallies(domain::reports::tally_kind::ppid, {"kpu-pangkalpinang"},
                                              *domain::parse_iso_date("2024-02-01"),
                                              *domain::parse_iso_date("2024-02-01"), tx->holidays().revision());
      return rows.size() == 1 ? rows.front().counts : std::nullopt;
    };
    CHECK_FALSE(stored());
    const auto before = february();
    CHECK(before.at("timeliness").at("never").as_int64() == 1);
    // February is over: the report stored its tally, and the next one reads it back.
    const auto kept = stored();
    REQUIRE(kept);
    CHECK(kept->at("received") == 1);
    CHECK(kept->at("open:2024-02-12") == 1);
    CHECK(february() == before);

    // Answered late on 20 March: the save invalidates February's tally, and the report counts it again.
    act_ok(s, s.login("ppid.pkp", "password-ppid.pkp"), id, "respond",
           {{"decision", "granted"}, {"reasons", ""}, {"responded_at", "2024-03-20T10:00:00+07:00"}});
    CHECK_FALSE(stored());
    const auto answered = february();
    CHECK(answered.at("timeliness").at("never").as_int64() == 0);
    CHECK(answered.at("timeliness").at("late").as_int64() == 1);
    const auto days = answered.at("working_days_to_answer").at("median").to_number<double>();
    REQUIRE(stored());

    // A holiday added on Tuesday 6 Feb: one working day fewer between receipt and answer.
    const auto added = s.post(
        "/api/v1/holidays",
        R"({"date":"2024-02-06","kind":"national","name":"Libur nasional tambahan","name_en":"Extra holiday","source":"Keppres-uji"})",
        root_march);
    REQUIRE_MESSAGE(added.status == 201, added.body);
    CHECK_FALSE(stored());  // built under the holidays before
    CHECK(february().at("working_days_to_answer").at("median").to_number<double>() == days - 1);
  }
}
