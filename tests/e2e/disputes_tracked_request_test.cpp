// A dispute submitted from a tracked information request: the chronology comes from the request, the
// request moves to `disputed`, and the KI that holds the dispute may then read it.
#include "e2e/requests_support.hpp"

#include <doctest/doctest.h>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::requests;

namespace {

std::string dispute_from(const std::string& request_id, const std::string& respondent = "kpu-pangkalpinang") {
  return R"({"request_id":")" + request_id + R"(","respondent":")" + respondent + R"(",)"
         R"("applicant":{"kind":"individual","name":"Siti Aminah","id_number":"1971014101900001",)"
         R"("address":"Jl. Jenderal Sudirman No. 12, Pangkalpinang","email":"siti.aminah@example.id"},)"
         R"("information_requested":"Salinan formulir C.Hasil TPS 012 Kelurahan Bukit Intan",)"
         R"("reasons":"Keberatan ditolak atasan PPID","grounds":["a"],)"
         R"("petitum":["Menyatakan informasi terbuka"],"attachments":["identity_document"]})";
}

}  // namespace

TEST_SUITE("e2e disputes from tracked requests") {
  TEST_CASE("the chronology is taken from the request, which becomes disputed and readable by the KI") {
    live_server s;
    actors a(s);
    s.add_user("panitera.tr", "password-panitera.tr", {domain::role::registrar}, "ki-babel");
    s.add_user("panitera.pusat", "password-panitera.pusat", {domain::role::registrar}, "ki-pusat");
    const auto id = str(create(s, a.ppid).at("id"));
    const auto at = [&] { return domain::format_rfc3339(s.clock().now(), 7 * 60); };

    s.clock().advance(std::chrono::hours{1});
    REQUIRE(act(s, a.ppid, id, "respond", {{"decision", "refused"}, {"reasons", "Dikecualikan"}, {"responded_at", at()}})
                .status == 200);
    s.clock().advance(std::chrono::hours{24 * 5});
    const auto ppid = s.login("ppid.pkp", "password-ppid.pkp");  // sessions last 12 hours
    REQUIRE(act(s, ppid, id, "file_objection", {{"grounds", {"a"}}, {"reasons", "Bukan informasi dikecualikan"}, {"received_at", at()}})
                .status == 200);
    s.clock().advance(std::chrono::hours{24});
    const auto atasan = s.login("atasan.pkp", "password-atasan.pkp");
    REQUIRE(act(s, atasan, id, "answer_objection", {{"decision", "upheld"}, {"reasons", "Tetap dikecualikan"}, {"answered_at", at()}})
                .status == 200);

    // Before the dispute, another organisation's staff cannot see the request.
    const auto registrar_now = s.login("panitera.tr", "password-panitera.tr");
    CHECK(s.get("/api/v1/requests/" + id, registrar_now).status == 404);

    CHECK(s.post("/api/v1/disputes", dispute_from("no-such-request"), registrar_now).status == 422);
    CHECK(error_field(s.post("/api/v1/disputes", dispute_from(id, "kpu-bangka"), registrar_now)) == "request_id");

    const auto submitted = s.post("/api/v1/disputes", dispute_from(id), registrar_now);
    REQUIRE_MESSAGE(submitted.status == 201, submitted.body);
    const auto dispute = json_of(submitted);
    CHECK(str(dispute.at("state")) == "submitted");
    CHECK(str(dispute.at("request_id")) == id);
    CHECK(str(dispute.at("chronology").at("request_date")) == "2024-02-07");
    CHECK(str(dispute.at("chronology").at("objection_response_date")) == "2024-02-13");

    const auto request = s.get("/api/v1/requests/" + id, registrar_now);
    REQUIRE(request.status == 200);
    const auto request_body = json_of(request);
    CHECK(str(request_body.at("state")) == "disputed");
    CHECK(request.body.find("1971014101900001") == std::string::npos);  // no id number for KI staff
    CHECK(request_body.at("allowed_actions").as_array().empty());
    CHECK(s.get("/api/v1/requests/" + id, s.login("panitera.pusat", "password-panitera.pusat")).status == 404);

    // A request is disputed once.
    CHECK(s.post("/api/v1/disputes", dispute_from(id), registrar_now).status == 409);
  }
}
