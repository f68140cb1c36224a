// The public routes (no login): status by register number, hearing calendar, decisions; and the proof
// that no id number, address, phone number, e-mail or hearing link of anyone appears on any of them.
#include "e2e/disputes_fixture.hpp"

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::disputes;

namespace {

const char* secrets[] = {"3171999988887777", "Jl. Rahasia Gang Sunyi 77", "0899-555-12345", "rahasia.pemohon@example.id",
                         "3171000011112222", "Jl. Kuasa Tersembunyi 9",   "0877-000-999",   "kuasa.rahasia@example.id",
                         "meet.example/ruang-rahasia"};

std::string encode(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '/') {
      out += "%2F";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("e2e public disputes") {
  TEST_CASE("public status, hearings and decisions carry no personal data") {
    fixture f;
    const auto body =
        R"({"chronology":{"request_date":"2024-01-10","objection_date":"2024-01-22","objection_response_date":"2024-01-31"},)"
        R"("applicant":{"kind":"individual","name":"Siti Aminah","id_number":"3171999988887777","address":"Jl. Rahasia Gang Sunyi 77",)"
        R"("email":"rahasia.pemohon@example.id","phone":"0899-555-12345"},)"
        R"("representative":{"name":"Andi Kuasa","id_number":"3171000011112222","address":"Jl. Kuasa Tersembunyi 9",)"
        R"("email":"kuasa.rahasia@example.id","phone":"0877-000-999"},)"
        R"("respondent":"bawaslu-babel","information_requested":"Laporan pengawasan","grounds":["c"],"petitum":["Memberikan laporan"],)"
        R"("attachments":["request_letter","request_receipt","objection_letter","objection_receipt","atasan_response",)"
        R"("identity_document","power_of_attorney","grantor_identity"]})";
    const auto id = f.submit(body);
    // Not yet registered: nothing public.
    CHECK(f.s.get("/api/v1/public/disputes?register_number=001%2FKI-BABEL-PSIP%2FII%2F2024").status == 404);
    const auto reg = f.act(id, "register", "{}", f.registrar);
    const auto number = text_of(reg, "register_number");
    f.act(id, "schedule_hearing",
          R"({"kind":"preliminary_examination","scheduled_at":"2024-02-12T09:00:00+07:00","online_link":"https://meet.example/ruang-rahasia"})",
          f.registrar);
    f.act(id, "schedule_hearing",
          R"({"kind":"evidence","scheduled_at":"2024-02-15T13:00:00+07:00","location":"Ruang Sidang KI Babel"})", f.registrar);
    f.act(id, "open_preliminary_examination", "{}", f.commissioner);
    f.act(id, "start_adjudication", "{}", f.commissioner);
    f.act(id, "decide", R"({"outcome":"granted","orders":[{"text":"Memberikan laporan pengawasan","due_days":10}]})",
          f.commissioner);

    const auto status = f.s.get("/api/v1/public/disputes?register_number=" + encode(number));
    REQUIRE(status.status == 200);
    // Typed in lower case, with spaces around and inside (%20, + in a query): the same case.
    std::string typed = "%20" + encode(number) + "+%20";
    for (auto& c : typed) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    typed.replace(typed.find("%2f"), 3, "+%2F+");
    const auto loose = f.s.get("/api/v1/public/disputes?register_number=" + typed);
    CHECK(loose.status == 200);
    CHECK(loose.body == status.body);
    CHECK(f.s.get("/api/v1/public/disputes?register_number=%20+").status == 422);
    const auto v = json_of(status);
    CHECK(v.at("state").as_string() == "decided");
    CHECK(v.at("applicant_initials").as_string() == "S. A.");
    CHECK(v.at("hearings").as_array().size() == 2);
    CHECK(v.at("hearings").at(0).at("location").as_string() == "daring (online)");
    CHECK(v.at("decision").at("outcome").as_string() == "granted");
    CHECK_FALSE(v.at("next_deadline").is_null());

    const auto hearings = f.s.get("/api/v1/public/hearings?from=2024-02-01&to=2024-02-29&ki=ki-babel");
    REQUIRE(hearings.status == 200);
    CHECK(json_of(hearings).at("items").as_array().size() == 2);
    CHECK(json_of(f.s.get("/api/v1/public/hearings?from=2024-02-13&to=2024-02-29")).at("items").as_array().size() == 1);
    CHECK(json_of(f.s.get("/api/v1/public/hearings?from=2024-02-01&to=2024-02-29&ki=ki-pusat")).at("items").as_array().empty());
    const auto decisions = f.s.get("/api/v1/public/decisions?ki=ki-babel&year=2024");
    REQUIRE(decisions.status == 200);
    CHECK(json_of(decisions).at("items").as_array().size() == 1);
    CHECK(json_of(f.s.get("/api/v1/public/decisions?ki=ki-babel&year=2023")).at("items").as_array().empty());
    // Each item is the case's public status, with its published decision document (none yet).
    auto item = json_of(decisions).at("items").at(0).as_object();
    CHECK(item.at("document").is_null());
    item.erase("document");
    CHECK(item == v);
    // A row from before migration 0008 (no stored public status) is listed the same way.
    f.s.database().execute("UPDATE disputes SET public_item = NULL WHERE id = '" + id + "'");
    CHECK(f.s.get("/api/v1/public/decisions?ki=ki-babel&year=2024").body == decisions.body);

    const std::string routes[] = {
        "/api/v1/public/disputes?register_number=" + encode(number),
        "/api/v1/public/hearings",
        "/api/v1/public/hearings?from=2024-01-01&to=2024-12-31",
        "/api/v1/public/hearings?from=2024-02-01&to=2024-02-29&ki=ki-babel",
        "/api/v1/public/decisions",
        "/api/v1/public/decisions?ki=ki-babel&year=2024",
        "/api/v1/public/disputes?register_number=nothing",
        "/api/v1/public/disputes",
    };
    for (const auto& route : routes) {
      const auto r = f.s.get(route);
      CAPTURE(route);
      CHECK(r.status != 500);
      for (const auto* secret : secrets) {
        CAPTURE(secret);
        CHECK(r.body.find(secret) == std::string::npos);
      }
    }
    // The staff view does hold them (the test data is really there).
    CHECK(f.s.get("/api/v1/disputes/" + id, f.registrar).body.find("3171999988887777") != std::string::npos);
  }

  TEST_CASE("a holiday declared on a due date moves the due date of the list, the board and the public page") {
    fixture f;
    const auto sysadmin = f.s.token_for("root", domain::role::sysadmin, "ki-pusat");
    const auto id = f.submit();
    const auto number = text_of(f.act(id, "register", "{}", f.registrar), "register_number");
    const auto public_page = [&] {
      const auto r = f.s.get("/api/v1/public/disputes?register_number=" + encode(number));
      REQUIRE(r.status == 200);
      return json_of(r);
    };
    const auto board_due = [&] {
      const auto board = json_of(f.s.get("/api/v1/disputes?sort=due", f.registrar));
      REQUIRE(board.at("items").as_array().size() == 1);
      return text_of(board.at("items").at(0), "next_due");
    };
    const auto due = text_of(f.get(id, f.registrar), "next_due");
    REQUIRE_FALSE(due.empty());
    REQUIRE(text_of(public_page().at("next_deadline"), "due") == due);
    REQUIRE(board_due() == due);

    // A national holiday on the due date itself (say, a newly declared cuti bersama): the clock moves
    // to a later working day, and every stored view follows it in the same transaction.
    const auto added = f.s.post("/api/v1/holidays",
                                R"({"date":")" + due + R"(","kind":"cuti_bersama","name":"Cuti bersama uji",)"
                                                       R"("name_en":"Collective leave, test","source":"SKB-uji"})",
                                sysadmin);
    REQUIRE_MESSAGE(added.status == 201, added.body);
    const auto moved = text_of(f.get(id, f.registrar), "next_due");
    CHECK(moved > due);
    CHECK(text_of(public_page().at("next_deadline"), "due") == moved);
    CHECK(board_due() == moved);
    const auto list = json_of(f.s.get("/api/v1/disputes", f.registrar));
    CHECK(text_of(list.at("items").at(0), "next_due") == moved);

    // Removed again: back to the first date everywhere.
    REQUIRE(f.s.del("/api/v1/holidays/" + due, sysadmin).status == 200);
    CHECK(text_of(public_page().at("next_deadline"), "due") == due);
    CHECK(board_due() == due);
  }

  TEST_CASE("a case stored before the public projection existed gets the same public page") {
    fixture f;
    const auto id = f.examined_case();
    const auto number = text_of(f.get(id, f.registrar), "register_number");
    const auto route = "/api/v1/public/disputes?register_number=" + encode(number);
    const auto stored = f.s.get(route);
    REQUIRE(stored.status == 200);
    // As migration 0008 leaves older rows: no public_item.
    f.s.database().execute("UPDATE disputes SET public_item = NULL WHERE id = '" + id + "'");
    {
      auto db = f.s.database().open(1);
      auto tx = db->begin(ports::access::read);
      REQUIRE(tx->disputes().public_status(number) == std::optional<std::string>(""));
    }
    const auto built = f.s.get(route);
    REQUIRE(built.status == 200);
    CHECK(built.body == stored.body);
  }

  TEST_CASE("public input errors") {
    fixture f;
    CHECK(f.s.get("/api/v1/public/disputes").status == 422);
    CHECK(f.s.get("/api/v1/public/disputes?register_number=999%2FKI-BABEL-PSIP%2FII%2F2024").status == 404);
    CHECK(f.s.get("/api/v1/public/hearings?from=2024-03-01&to=2024-02-01").status == 422);
    CHECK(f.s.get("/api/v1/public/hearings?from=yesterday").status == 422);
    CHECK(f.s.get("/api/v1/public/decisions?year=abc").status >= 400);
  }
}
