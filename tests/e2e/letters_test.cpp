// Letters generated from the record (issue 15) over HTTP: which letters a case has, the preview, issuing
// (numbered, stored exactly as issued), re-reading the stored copy, scope, letterheads with a logo
// checked from its content, and finding a tracked request by its number for a dispute's intake.
#include "e2e/disputes_fixture.hpp"
#include "e2e/requests_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>

using namespace perkara;
using namespace perkara::e2e;
using domain::role;

namespace {

namespace rq = perkara::e2e::requests;

std::string sha256_hex(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::string out;
  for (const auto b : digest) {
    out += fmt::format("{:02x}", b);
  }
  return out;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

std::vector<std::string> keys_of(const boost::json::value& letters, std::string_view list) {
  std::vector<std::string> out;
  for (const auto& l : letters.at(list).as_array()) {
    out.emplace_back(l.at(list == "available" ? "key" : "number").as_string());
  }
  return out;
}

// A PNG's signature and IHDR start: enough for a check from content; base64 of 24 bytes.
const std::string png_base64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAA=";
// "GIF89a..." as base64: a GIF sent as a logo.
const std::string gif_base64 = "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=";

}  // namespace

TEST_SUITE("e2e letters") {
  TEST_CASE("a request's letters follow its state, issuing numbers and keeps exactly what was issued") {
    live_server s;
    rq::actors a(s);
    const auto request = rq::create(s, a.ppid);
    const auto id = rq::str(request.at("id"));
    const auto base = "/api/v1/requests/" + id + "/letters";

    auto list = s.get(base, a.ppid);
    REQUIRE_MESSAGE(list.status == 200, list.body);
    CHECK(keys_of(rq::json_of(list), "available") == std::vector<std::string>{"request_receipt"});
    CHECK(rq::json_of(list).at("issued").as_array().empty());
    CHECK(rq::json_of(list).at("can_issue").as_bool());

    // The preview: a print-ready page from the record, unnumbered, under its own strict CSP.
    const auto preview = s.get(base + "/request_receipt/preview", a.ppid);
    REQUIRE_MESSAGE(preview.status == 200, preview.body);
    CHECK(preview.header("Content-Type").value_or("").find("text/html") == 0);
    const auto csp = preview.header("Content-Security-Policy").value_or("");
    CHECK(csp.find("default-src 'none'") == 0);
    CHECK(contains(csp, "style-src 'sha256-"));
    CHECK(contains(preview.body, "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK"));
    CHECK(contains(preview.body, "@page { size: A4;"));
    CHECK(contains(preview.body, rq::str(request.at("number"))));
    CHECK(contains(preview.body, "Siti Aminah"));
    CHECK(contains(preview.body, "7 Februari 2024 pukul 09.00 WIB"));  // received, from the record
    CHECK(contains(preview.body, "(diberikan saat surat diterbitkan)"));

    // Letters the case does not have yet.
    CHECK(s.get(base + "/extension_notice/preview", a.ppid).status == 404);
    CHECK(s.post(base + "/written_notice", "", a.ppid).status == 404);
    CHECK(s.get(base + "/no_such_letter/preview", a.ppid).status == 404);

    // Issue twice: numbered per issuer, kind and year.
    const auto first = s.post(base + "/request_receipt", "", a.ppid);
    REQUIRE_MESSAGE(first.status == 201, first.body);
    const auto issued = rq::json_of(first);
    CHECK(rq::str(issued.at("number")) == "001/TBP/PPID-KPU-PANGKALPINANG/II/2024");
    CHECK(first.header("Location") == "/api/v1/letters/" + rq::str(issued.at("id")));
    const auto second = s.post(base + "/request_receipt", "", a.atasan);
    REQUIRE_MESSAGE(second.status == 201, second.body);
    CHECK(rq::str(rq::json_of(second).at("number")) == "002/TBP/PPID-KPU-PANGKALPINANG/II/2024");

    const auto stored = s.get("/api/v1/letters/" + rq::str(issued.at("id")), a.ppid);
    REQUIRE_MESSAGE(stored.status == 200, stored.body);
    CHECK(sha256_hex(stored.body) == rq::str(issued.at("sha256")));
    CHECK(stored.header("ETag") == "\"" + rq::str(issued.at("sha256")) + "\"");
    CHECK(contains(stored.body, "Nomor: 001/TBP/PPID-KPU-PANGKALPINANG/II/2024"));
    CHECK(contains(stored.body, "7 Februari 2024"));  // dated the day it was issued

    // What was sent stays what was sent: a new letterhead and a later day change previews, not the copy.
    const auto atasan_head = s.send("PUT", "/api/v1/organisations/kpu-pangkalpinang/letterhead",
                                    R"({"address":"Jl. Baru No. 2, Pangkalpinang","phone":"0717-123"})", a.atasan, {});
    REQUIRE_MESSAGE(atasan_head.status == 200, atasan_head.body);
    s.clock().advance(std::chrono::hours{24 * 3});
    const auto ppid = s.login("ppid.pkp", "password-ppid.pkp");
    CHECK(contains(s.get(base + "/request_receipt/preview", ppid).body, "Jl. Baru No. 2"));
    CHECK(contains(s.get(base + "/request_receipt/preview", ppid).body, "10 Februari 2024"));
    const auto again = s.get("/api/v1/letters/" + rq::str(issued.at("id")), ppid);
    CHECK(again.body == stored.body);

    list = s.get(base, ppid);
    CHECK(keys_of(rq::json_of(list), "issued") ==
          std::vector<std::string>{"001/TBP/PPID-KPU-PANGKALPINANG/II/2024", "002/TBP/PPID-KPU-PANGKALPINANG/II/2024"});

    // Audited on the request.
    const auto root = s.token_for("root", role::sysadmin, "ki-pusat");
    const auto audit = s.get("/api/v1/audit?object_type=request&object_id=" + id + "&action=issue_letter", root);
    REQUIRE_MESSAGE(audit.status == 200, audit.body);
    CHECK(rq::json_of(audit).at("items").as_array().size() == 2);

    // Another respondent body sees none of it; neither does a KI before the request is disputed there.
    const auto other = s.login("ppid.bawaslu", "password-ppid.bawaslu");
    CHECK(s.get(base, other).status == 404);
    CHECK(s.post(base + "/request_receipt", "", other).status == 404);
    CHECK(s.get("/api/v1/letters/" + rq::str(issued.at("id")), other).status == 404);
    const auto registrar = s.token_for("panitera", role::registrar, "ki-babel");
    CHECK(s.get("/api/v1/letters/" + rq::str(issued.at("id")), registrar).status == 404);
    CHECK(s.get("/api/v1/letters/" + rq::str(issued.at("id")), root).status == 404);
    CHECK(s.get("/api/v1/letters/no-such-letter", ppid).status == 404);
  }

  TEST_CASE("the written notice of a refusal states the exemptions of Pasal 17 the PPID recorded") {
    live_server s;
    rq::actors a(s);
    const auto id = rq::str(rq::create(s, a.ppid).at("id"));
    const auto r =
        rq::act(s, a.ppid, id, "respond",
                {{"decision", "refused"},
                 {"reasons", "Informasi memuat data pribadi pemilih, dikecualikan berdasarkan Pasal 17 huruf h."},
                 {"responded_at", "2024-02-07T10:00:00+07:00"}});
    REQUIRE_MESSAGE(r.status == 200, r.body);
    const auto page = s.get("/api/v1/requests/" + id + "/letters/written_notice/preview", a.ppid);
    REQUIRE_MESSAGE(page.status == 200, page.body);
    CHECK(contains(page.body, "PEMBERITAHUAN TERTULIS"));
    CHECK(contains(page.body, "permohonan informasi ditolak"));
    CHECK(contains(page.body, "Dasar hukum: UU 14/2008 Pasal 17 huruf h"));
    CHECK(contains(page.body, "mengungkap rahasia pribadi"));
    CHECK(contains(page.body, "mengajukan keberatan"));
  }

  TEST_CASE("a dispute's letters: registration deed, summons per party, scoped to its readers") {
    disputes::fixture f;
    const auto id = f.examined_case();
    f.act(id, "start_mediation", R"({"mediator":"komisioner"})", f.commissioner);
    f.act(id, "schedule_hearing",
          R"({"kind":"mediation","scheduled_at":"2024-02-14T09:30:00+07:00","location":"Ruang Sidang KI Babel"})",
          f.commissioner);
    const auto base = "/api/v1/disputes/" + id + "/letters";
    const auto list = f.s.get(base, f.registrar);
    REQUIRE_MESSAGE(list.status == 200, list.body);
    CHECK(keys_of(rq::json_of(list), "available") == std::vector<std::string>{"registration_deed",
                                                                              "hearing_summons:h1:applicant",
                                                                              "hearing_summons:h1:respondent"});

    const auto deed = f.s.post(base + "/registration_deed", "", f.registrar);
    REQUIRE_MESSAGE(deed.status == 201, deed.body);
    CHECK(rq::str(rq::json_of(deed).at("number")) == "001/ARS/KI-BABEL/II/2024");
    const auto summons = f.s.post(base + "/hearing_summons:h1:applicant", "", f.commissioner);
    REQUIRE_MESSAGE(summons.status == 201, summons.body);
    const auto summons_id = rq::str(rq::json_of(summons).at("id"));
    const auto page = f.s.get("/api/v1/letters/" + summons_id, f.registrar);
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "SURAT PANGGILAN SIDANG"));
    CHECK(contains(page.body, "Mediasi"));
    CHECK(contains(page.body, "14 Februari 2024 pukul 09.30 WIB"));
    CHECK(contains(page.body, "Ruang Sidang KI Babel"));
    CHECK(contains(page.body, "Budi Santoso"));
    CHECK(contains(page.body, "Jl. Merdeka No. 1, Pangkalpinang"));

    // The respondent's PPID reads the case's letters, except those addressed to the applicant.
    const auto ppid_list = f.s.get(base, f.ppid);
    REQUIRE_MESSAGE(ppid_list.status == 200, ppid_list.body);
    CHECK(keys_of(rq::json_of(ppid_list), "issued") == std::vector<std::string>{"001/ARS/KI-BABEL/II/2024"});
    CHECK(rq::json_of(ppid_list).at("available").as_array().empty());
    CHECK(f.s.get("/api/v1/letters/" + summons_id, f.ppid).status == 404);
    CHECK(f.s.get(base + "/registration_deed/preview", f.ppid).status == 403);
    CHECK(f.s.post(base + "/registration_deed", "", f.ppid).status == 403);

    // Issued letters are documents of the case too, under their checklist kinds; the summons to the
    // applicant stays out of the respondent's view there as well.
    const auto documents = f.s.get("/api/v1/disputes/" + id + "/documents", f.registrar);
    REQUIRE_MESSAGE(documents.status == 200, documents.body);
    std::vector<std::string> filed;
    std::string summons_document;
    const auto listed = rq::json_of(documents);
    for (const auto& item : listed.at("items").as_array()) {
      filed.push_back(rq::str(item.at("kind")) + " " + rq::str(item.at("letter").at("number")));
      if (rq::str(item.at("letter").at("id")) == summons_id) {
        summons_document = rq::str(item.at("href"));
        CHECK(rq::str(item.at("sha256")) == rq::str(rq::json_of(summons).at("sha256")));
      }
    }
    std::sort(filed.begin(), filed.end());
    CHECK(filed ==
          std::vector<std::string>{"registration_record 001/ARS/KI-BABEL/II/2024", "summons 001/SPS/KI-BABEL/II/2024"});
    CHECK(f.s.get(summons_document, f.registrar).body == page.body);
    const auto ppid_documents = f.s.get("/api/v1/disputes/" + id + "/documents", f.ppid);
    REQUIRE(ppid_documents.status == 200);
    CHECK(rq::json_of(ppid_documents).at("items").as_array().size() == 1);
    CHECK(f.s.get(summons_document, f.ppid).status == 404);

    // Another KI's staff: not found.
    const auto pusat = f.s.token_for("panitera.pusat", role::registrar, "ki-pusat");
    CHECK(f.s.get(base, pusat).status == 404);
    CHECK(f.s.get(base + "/registration_deed/preview", pusat).status == 404);
    CHECK(f.s.post(base + "/registration_deed", "", pusat).status == 404);
    CHECK(f.s.get("/api/v1/letters/" + summons_id, pusat).status == 404);
  }

  TEST_CASE("letterheads: edited by the organisation's admin, logo checked from content, printed on letters") {
    disputes::fixture f;
    const auto admin = f.s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto url = std::string("/api/v1/organisations/ki-babel/letterhead");
    auto put = [&](const std::string& body, const std::string& token) { return f.s.send("PUT", url, body, token, {}); };

    auto r = put(R"({"address":"Jl. Pulau Bangka, Pangkalpinang","phone":"0717-438000","email":"ki@babelprov.go.id",)"
                 R"("website":"ki.babelprov.go.id","logo":")" +
                     png_base64 + R"("})",
                 admin);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    CHECK(rq::str(rq::json_of(r).at("logo").at("media_type")) == "image/png");

    // A GIF is refused even when nothing says it is one; so is a logo over 256 KiB; nothing changes.
    r = put(R"({"address":"x","logo":")" + gif_base64 + R"("})", admin);
    CHECK(r.status == 422);
    CHECK(names_field(r, "logo"));
    r = put(R"({"address":"x","logo":")" + std::string(360000, 'A') + R"("})", admin);
    CHECK(r.status == 422);
    CHECK(names_field(r, "logo"));
    r = put(R"({"email":"not-an-address"})", admin);
    CHECK(names_field(r, "email"));
    const auto now = f.s.get(url, f.registrar);
    REQUIRE(now.status == 200);
    CHECK(rq::str(rq::json_of(now).at("address")) == "Jl. Pulau Bangka, Pangkalpinang");

    // Only its own admin: another KI's admin does not find it, a registrar is not an admin.
    CHECK(put(R"({"address":"x"})", f.s.token_for("admin.pusat", role::ki_admin, "ki-pusat")).status == 404);
    CHECK(put(R"({"address":"x"})", f.registrar).status == 403);
    CHECK(put(R"({"address":"x"})", f.s.token_for("atasan.pkp", role::ppid_superior, "kpu-pangkalpinang")).status ==
          404);

    const auto id = f.submit();
    f.act(id, "register", "{}", f.registrar);
    const auto page = f.s.get("/api/v1/disputes/" + id + "/letters/registration_deed/preview", f.registrar);
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "Jl. Pulau Bangka, Pangkalpinang"));
    CHECK(contains(page.body, "0717-438000"));
    CHECK(contains(page.body, "src=\"data:image/png;base64," + png_base64.substr(0, 20)));
    CHECK(contains(page.body, "AKTA REGISTRASI SENGKETA INFORMASI PUBLIK"));
  }

  TEST_CASE("the registrar finds a tracked request by its number and files the dispute with it") {
    live_server s;
    rq::actors a(s);
    const auto request = rq::create(s, a.ppid);
    const auto id = rq::str(request.at("id"));
    const auto number = rq::str(request.at("number"));
    const auto registrar = s.token_for("panitera", role::registrar, "ki-babel");

    // Lower case, blanks around: the same number.
    std::string typed = "  " + number + " ";
    for (auto& c : typed) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    auto found = s.get("/api/v1/tracked-requests?number=%20%20" + typed.substr(2, number.size()) + "%20", registrar);
    REQUIRE_MESSAGE(found.status == 200, found.body);
    CHECK(rq::str(rq::json_of(found).at("id")) == id);
    CHECK(rq::str(rq::json_of(found).at("applicant").at("name")) == "Siti Aminah");
    CHECK_FALSE(rq::json_of(found).at("applicant").as_object().contains("email"));  // no contact data

    // Search by applicant or subject.
    found = s.get("/api/v1/tracked-requests?q=bukit%20intan", registrar);
    REQUIRE(found.status == 200);
    REQUIRE(rq::json_of(found).at("items").as_array().size() == 1);
    CHECK(rq::str(rq::json_of(found).at("items").at(0).at("number")) == number);

    // A KI that does not hear this body's disputes does not find it.
    const auto pusat = s.token_for("panitera.pusat", role::registrar, "ki-pusat");
    CHECK(s.get("/api/v1/tracked-requests?number=" + number, pusat).status == 404);
    CHECK(rq::json_of(s.get("/api/v1/tracked-requests?q=siti", pusat)).at("items").as_array().empty());
    CHECK(s.get("/api/v1/tracked-requests", registrar).status == 422);

    // The application names the request by number.
    const std::string application =
        R"("respondent":"kpu-pangkalpinang","applicant":{"kind":"individual","name":"Siti Aminah","email":"siti.aminah@example.id"},)"
        R"("information_requested":"Salinan formulir C.Hasil","reasons":"Tidak ditanggapi","grounds":["c"],)"
        R"("petitum":["Memerintahkan termohon memberikan informasi"],"attachments":["identity_document"]})";
    auto filed = s.post("/api/v1/disputes", R"({"request_number":"0999/PPID-KPU-PANGKALPINANG/II/2024",)" + application,
                        registrar);
    CHECK(filed.status == 422);
    CHECK(names_field(filed, "request_number"));
    // Answered, objected to, objection upheld: ready for the KI.
    const auto at = [&] { return domain::format_rfc3339(s.clock().now(), 7 * 60); };
    s.clock().advance(std::chrono::hours{1});
    REQUIRE(rq::act(s, a.ppid, id, "respond",
                    {{"decision", "refused"}, {"reasons", "Dikecualikan"}, {"responded_at", at()}})
                .status == 200);
    s.clock().advance(std::chrono::hours{24 * 5});
    REQUIRE(rq::act(s, s.login("ppid.pkp", "password-ppid.pkp"), id, "file_objection",
                    {{"grounds", {"a"}}, {"reasons", "Bukan informasi dikecualikan"}, {"received_at", at()}})
                .status == 200);
    s.clock().advance(std::chrono::hours{24});
    REQUIRE(rq::act(s, s.login("atasan.pkp", "password-atasan.pkp"), id, "answer_objection",
                    {{"decision", "upheld"}, {"reasons", "Tetap dikecualikan"}, {"answered_at", at()}})
                .status == 200);
    found = s.get("/api/v1/tracked-requests?number=" + number, s.login("panitera", "password-panitera"));
    CHECK(rq::strings(rq::json_of(found).at("objection_grounds")) == std::vector<std::string>{"a"});
    filed = s.post("/api/v1/disputes", R"({"request_number":")" + typed + R"(",)" + application,
                   s.login("panitera", "password-panitera"));
    REQUIRE_MESSAGE(filed.status == 201, filed.body);
    CHECK(rq::str(rq::json_of(filed).at("request_id")) == id);
  }
}
