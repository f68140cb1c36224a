// A dispute submitted from a tracked information request: the chronology comes from the request, the
// request moves to `disputed`, the KI that holds the dispute may then read it, and the request's
// documents and issued letters become the dispute's (docs/documents.md "Letters and the dossier").
#include "e2e/requests_support.hpp"
#include "persistence/files/disk_file_store.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::requests;

namespace {

std::string dispute_from(const std::string& request_id, const std::string& respondent = "kpu-pangkalpinang") {
  return R"({"request_id":")" + request_id + R"(","respondent":")" + respondent +
         R"(",)"
         R"("applicant":{"kind":"individual","name":"Siti Aminah","id_number":"1971014101900001",)"
         R"("address":"Jl. Jenderal Sudirman No. 12, Pangkalpinang","email":"siti.aminah@example.id"},)"
         R"("information_requested":"Salinan formulir C.Hasil TPS 012 Kelurahan Bukit Intan",)"
         R"("reasons":"Keberatan ditolak atasan PPID","grounds":["a"],)"
         R"("petitum":["Menyatakan informasi terbuka"],"attachments":["identity_document"]})";
}

// The `field` of every item of a documents list, sorted.
std::vector<std::string> fields_of(const boost::json::value& list, const char* field) {
  std::vector<std::string> out;
  for (const auto& item : list.at("items").as_array()) {
    out.push_back(str(item.at(field)));
  }
  std::sort(out.begin(), out.end());
  return out;
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
    REQUIRE(
        act(s, a.ppid, id, "respond", {{"decision", "refused"}, {"reasons", "Dikecualikan"}, {"responded_at", at()}})
            .status == 200);
    // The request's file: the applicant's letter, uploaded, and the PPID's letters, issued.
    const auto request_path = "/api/v1/requests/" + id;
    REQUIRE(s.send("POST", request_path + "/documents?kind=request_letter&name=Surat%20permohonan.pdf",
                   "%PDF-1.4\n% surat permohonan Siti Aminah\n", a.ppid, {{"Content-Type", "application/pdf"}})
                .status == 201);
    REQUIRE(s.post(request_path + "/letters/request_receipt", "", a.ppid).status == 201);
    REQUIRE(s.post(request_path + "/letters/written_notice", "", a.ppid).status == 201);
    s.clock().advance(std::chrono::hours{24 * 5});
    const auto ppid = s.login("ppid.pkp", "password-ppid.pkp");  // sessions last 12 hours
    REQUIRE(act(s, ppid, id, "file_objection",
                {{"grounds", {"a"}}, {"reasons", "Bukan informasi dikecualikan"}, {"received_at", at()}})
                .status == 200);
    REQUIRE(s.post(request_path + "/letters/objection_receipt", "", ppid).status == 201);
    s.clock().advance(std::chrono::hours{24});
    const auto atasan = s.login("atasan.pkp", "password-atasan.pkp");
    REQUIRE(act(s, atasan, id, "answer_objection",
                {{"decision", "upheld"}, {"reasons", "Tetap dikecualikan"}, {"answered_at", at()}})
                .status == 200);
    REQUIRE(s.post(request_path + "/letters/objection_response", "", atasan).status == 201);
    // Each issued letter is a document of the request, filed under the checklist item it answers.
    const auto request_documents = json_of(s.get(request_path + "/documents", atasan));
    CHECK(fields_of(request_documents, "kind") == std::vector<std::string>{"atasan_response", "objection_receipt",
                                                                           "ppid_response", "request_letter",
                                                                           "request_receipt"});

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

    // The dossier: the request's documents and letters, the same files (checksums), so the checklist
    // starts filled; one audit entry says so.
    const auto dispute_path = "/api/v1/disputes/" + str(dispute.at("id"));
    const auto documents = s.get(dispute_path + "/documents", registrar_now);
    REQUIRE_MESSAGE(documents.status == 200, documents.body);
    CHECK(fields_of(json_of(documents), "sha256") == fields_of(request_documents, "sha256"));
    CHECK(fields_of(json_of(documents), "kind") == fields_of(request_documents, "kind"));
    std::vector<std::string> present;
    for (const auto& p : dispute.at("completeness").at("present").as_array()) {
      present.push_back(str(p));
    }
    for (const auto* kind :
         {"request_letter", "request_receipt", "ppid_response", "objection_receipt", "atasan_response"}) {
      CAPTURE(kind);
      CHECK(std::find(present.begin(), present.end(), kind) != present.end());
    }
    const auto listed = json_of(documents);
    for (const auto& item : listed.at("items").as_array()) {
      if (item.at("letter").is_null()) {
        continue;
      }
      const auto file = s.get(str(item.at("href")), registrar_now);
      REQUIRE(file.status == 200);
      CHECK(persistence::sha256_hex(file.body) == str(item.at("sha256")));
      CHECK(file.header("Content-Security-Policy").value_or("").find("default-src 'none'") == 0);
    }
    const auto root = s.token_for("root", domain::role::sysadmin, "ki-pusat");
    const auto audit = s.get("/api/v1/audit?object_type=dispute&action=dispute.attach_request_documents", root);
    REQUIRE_MESSAGE(audit.status == 200, audit.body);
    CHECK(json_of(audit).at("items").as_array().size() == 1);

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

namespace {

// The clock of `key` in a case's deadlines (open or not), or null.
const boost::json::object* clock_of(const boost::json::value& v, std::string_view key) {
  for (const auto& d : v.at("deadlines").as_array()) {
    if (d.at("key").as_string() == key) return &d.as_object();
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("e2e disputes from tracked requests") {
  // docs/deadlines.md §5 "A dispute's track": the dispute inherits the request's rule set even while an
  // election runs; the filing check and the KI clocks then count the UU 14/2008 periods.
  TEST_CASE("a general-track request gives a general-track dispute: 30 HK atasan, 100 HK KI clock") {
    live_server s(domain::parse_rfc3339("2024-05-13T09:00:00+07:00")->utc);
    actors a(s);
    s.add_user("panitera.tr", "password-panitera.tr", {domain::role::registrar}, "ki-babel");
    auto body = new_request("2024-05-13T09:00:00+07:00");
    body["ruleset"] = "general";  // during the Pemilu 2024 stages: an override with its reason
    body["ruleset_override_reason"] = "Informasi anggaran rutin, bukan informasi tahapan pemilu";
    const auto created = create(s, a.ppid, body);
    REQUIRE(str(created.at("ruleset").at("name")) == "general");
    const auto id = str(created.at("id"));
    const auto at = [&] { return domain::format_rfc3339(s.clock().now(), 7 * 60); };
    s.clock().advance(std::chrono::hours{1});
    REQUIRE(
        act(s, a.ppid, id, "respond", {{"decision", "refused"}, {"reasons", "Dikecualikan"}, {"responded_at", at()}})
            .status == 200);
    s.clock().set(domain::parse_rfc3339("2024-05-14T10:00:00+07:00")->utc);
    const auto ppid = s.login("ppid.pkp", "password-ppid.pkp");
    REQUIRE(act(s, ppid, id, "file_objection",
                {{"grounds", {"a"}}, {"reasons", "Bukan informasi dikecualikan"}, {"received_at", at()}})
                .status == 200);
    // The atasan does not answer; the applicant goes to the KI on Mon 20 May 2024.
    s.clock().set(domain::parse_rfc3339("2024-05-20T10:00:00+07:00")->utc);
    const auto registrar = s.login("panitera.tr", "password-panitera.tr");

    // Departing from the request's track needs a reason.
    const auto plain = dispute_from(id);
    const auto perki = plain.substr(0, plain.size() - 1) + R"(,"ruleset":"perki_1_2019"})";
    CHECK(error_field(s.post("/api/v1/disputes", perki, registrar)) == "ruleset_override_reason");

    const auto submitted = s.post("/api/v1/disputes", plain, registrar);
    REQUIRE_MESSAGE(submitted.status == 201, submitted.body);
    const auto d = json_of(submitted);
    CHECK(str(d.at("ruleset")) == "general");
    CHECK(str(d.at("ruleset_reason")) == "request");
    // The atasan's 30 HK (UU 14/2008 Pasal 36(2)) from Tue 14 May run to Mon 1 Jul 2024 (not 3 HK to
    // 17 May): the filing period runs from 2 Jul, 14 HK to 22 Jul, and filing on 20 May is premature.
    CHECK(str(d.at("filing").at("period_start")) == "2024-07-02");
    CHECK(str(d.at("filing").at("due")) == "2024-07-22");
    CHECK_FALSE(d.at("filing").at("filing_timely").as_bool());

    const auto reg = s.post("/api/v1/disputes/" + str(d.at("id")) + "/actions/register", "{}", registrar);
    REQUIRE_MESSAGE(reg.status == 200, reg.body);
    const auto registered = json_of(reg);
    const auto* ki = clock_of(registered, "ki_completion");
    REQUIRE(ki);
    CHECK(str(ki->at("explanation").at("ruleset")) == "general");
    CHECK(ki->at("explanation").at("total_days").as_int64() == 100);  // UU 14/2008 Pasal 38(2)
    CHECK(str(ki->at("explanation").at("start_event")) == "dispute_received");
    CHECK(str(ki->at("explanation").at("receipt_date")) == "2024-05-20");
    REQUIRE(clock_of(registered, "ki_start"));
    CHECK(clock_of(registered, "ki_start")->at("explanation").at("total_days").as_int64() == 14);
  }
}
