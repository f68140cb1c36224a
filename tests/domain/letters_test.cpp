// Letters generated from the record (issue 15): Indonesian dates, which letters a case has, and that
// each letter's facts are the record's.
#include "domain/documents/document.hpp"
#include "domain/letters/indonesian_date.hpp"
#include "domain/letters/letter.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace perkara::domain;
using namespace perkara::domain::letters;

namespace {

civil_date ymd(int y, unsigned m, unsigned d) {
  return civil_date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

offset_instant at(const char* text) { return *parse_rfc3339(text); }

information_request sample_request() {
  information_request r;
  r.id = "r1";
  r.number = "0009/PPID-KPU-PANGKALPINANG/XII/2026";
  r.respondent = "kpu-pangkalpinang";
  r.received_at = at("2026-12-01T09:15:00+07:00");
  r.channel = request_channel::walk_in;
  r.applicant.name = "Siti Aminah";
  r.applicant.address = "Jl. Merdeka 1, Pangkalpinang";
  r.information_requested = "Salinan formulir C1 TPS 001 Kelurahan Bukit Intan";
  r.purpose = "penelitian";
  r.format = "salinan elektronik";
  r.delivery_medium = "surat elektronik";
  return r;
}

letter_facts sample_facts() {
  letter_facts f;
  f.number = "001/TBP/PPID-KPU-PANGKALPINANG/XII/2026";
  f.date = ymd(2026, 12, 5);
  f.issuer_name = "KPU Kota Pangkalpinang";
  f.respondent_name = "KPU Kota Pangkalpinang";
  f.ki_name = "Komisi Informasi Provinsi Kepulauan Bangka Belitung";
  f.signer_name = "Budi Santoso";
  f.due_dates = {{"ppid_response", ymd(2026, 12, 4)}};
  return f;
}

std::string value_of(const letter_content& c, std::string_view label) {
  const auto it = std::find_if(c.facts.begin(), c.facts.end(), [&](const letter_field& f) { return f.label == label; });
  return it == c.facts.end() ? std::string("<none>") : it->value;
}

std::vector<std::string> keys(const std::vector<letter_ref>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) {
    out.push_back(letter_key(r));
  }
  return out;
}

}  // namespace

TEST_SUITE("letters") {
  TEST_CASE("Indonesian dates") {
    struct row {
      civil_date date;
      const char* text;
    };
    const row rows[] = {
        {ymd(2026, 12, 5), "5 Desember 2026"},   {ymd(2024, 1, 1), "1 Januari 2024"},
        {ymd(2024, 2, 29), "29 Februari 2024"},  {ymd(2019, 3, 31), "31 Maret 2019"},
        {ymd(2024, 5, 9), "9 Mei 2024"},         {ymd(2024, 8, 17), "17 Agustus 2024"},
        {ymd(2024, 11, 30), "30 November 2024"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.text);
      CHECK(format_indonesian_date(r.date) == r.text);
    }
    CHECK(indonesian_month(0).empty());
    CHECK(indonesian_month(13).empty());
  }

  TEST_CASE("Indonesian date and time in the zone it was written in") {
    struct row {
      const char* instant;
      const char* text;
    };
    const row rows[] = {
        {"2026-12-01T09:15:00+07:00", "1 Desember 2026 pukul 09.15 WIB"},
        {"2026-12-01T23:59:00+08:00", "1 Desember 2026 pukul 23.59 WITA"},
        {"2024-02-14T07:00:00+09:00", "14 Februari 2024 pukul 07.00 WIT"},
        // 20:30 UTC on 31 December is already New Year's Day in Jakarta.
        {"2024-12-31T20:30:00Z", "31 Desember 2024 pukul 20.30 UTC+00:00"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.instant);
      CHECK(format_indonesian_date_time(at(r.instant)) == r.text);
    }
    offset_instant new_year{at("2024-12-31T20:30:00Z").utc, 7 * 60};
    CHECK(format_indonesian_date_time(new_year) == "1 Januari 2025 pukul 03.30 WIB");
  }

  TEST_CASE("which letters a request has follows its state") {
    auto r = sample_request();
    CHECK(keys(available_letters(r)) == std::vector<std::string>{"request_receipt"});
    r.extension = request_extension{"dokumen di gudang arsip", at("2026-12-03T10:00:00+07:00").utc};
    r.state = request_state::extended;
    CHECK(keys(available_letters(r)) == std::vector<std::string>{"request_receipt", "extension_notice"});
    r.response = request_response{response_decision::refused, "Dikecualikan berdasarkan Pasal 17 huruf h.",
                                  at("2026-12-08T14:00:00+07:00")};
    r.objection = request_objection{"0002/KEB/PPID-KPU-PANGKALPINANG/XII/2026",
                                    {objection_ground::a},
                                    "Informasi ini terbuka",
                                    at("2026-12-10T10:00:00+07:00")};
    r.objection_answer =
        request_objection_answer{objection_decision::upheld, "Menguatkan", at("2026-12-15T10:00:00+07:00")};
    CHECK(keys(available_letters(r)) == std::vector<std::string>{"request_receipt", "extension_notice",
                                                                 "written_notice", "objection_receipt",
                                                                 "objection_response"});
  }

  TEST_CASE("a letter the case does not have is refused") {
    const auto r = sample_request();
    CHECK_FALSE(build_letter(r, {letter_kind::written_notice, "", std::nullopt}, sample_facts()));
    CHECK_FALSE(build_letter(r, {letter_kind::registration_deed, "", std::nullopt}, sample_facts()));
  }

  TEST_CASE("the receipt carries the record's facts, numbered and dated in Indonesian") {
    const auto c = build_letter(sample_request(), {letter_kind::request_receipt, "", std::nullopt}, sample_facts());
    REQUIRE(c);
    CHECK(c->title == "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK");
    CHECK(c->subject == "Tanda bukti penerimaan permohonan informasi publik");
    CHECK(c->number == "001/TBP/PPID-KPU-PANGKALPINANG/XII/2026");
    CHECK(c->date_text == "5 Desember 2026");
    CHECK(value_of(*c, "Nomor registrasi permohonan") == "0009/PPID-KPU-PANGKALPINANG/XII/2026");
    CHECK(value_of(*c, "Tanggal permohonan diterima") == "1 Desember 2026 pukul 09.15 WIB");
    CHECK(value_of(*c, "Nama pemohon") == "Siti Aminah");
    CHECK(value_of(*c, "Cara penyampaian permohonan") == "datang langsung");
    CHECK(c->recipient == std::vector<std::string>{"Kepada Yth.", "Sdr. Siti Aminah", "Jl. Merdeka 1, Pangkalpinang"});
    REQUIRE_FALSE(c->closing.empty());
    CHECK(c->closing.front().find("4 Desember 2026") != std::string::npos);
    CHECK(c->signer_name == "Budi Santoso");

    auto preview = sample_facts();
    preview.number.clear();
    CHECK(build_letter(sample_request(), {letter_kind::request_receipt, "", std::nullopt}, preview)->number ==
          "(diberikan saat surat diterbitkan)");
  }

  TEST_CASE("a refusal states the exemptions of Pasal 17 it recorded") {
    auto r = sample_request();
    r.response = request_response{response_decision::refused,
                                  "Informasi dikecualikan berdasarkan Pasal 17 huruf h dan j UU 14/2008.",
                                  at("2026-12-08T14:00:00+07:00")};
    const auto c = build_letter(r, {letter_kind::written_notice, "", std::nullopt}, sample_facts());
    REQUIRE(c);
    CHECK(value_of(*c, "Keputusan") == "permohonan informasi ditolak");
    CHECK(value_of(*c, "Tanggal pemberitahuan") == "8 Desember 2026");
    CHECK(value_of(*c, "Dasar hukum: UU 14/2008 Pasal 17 huruf h") ==
          "informasi yang apabila dibuka dapat mengungkap rahasia pribadi");
    CHECK(value_of(*c, "Dasar hukum: UU 14/2008 Pasal 17 huruf j") ==
          "informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang");

    r.response->decision = response_decision::granted;
    const auto granted = build_letter(r, {letter_kind::written_notice, "", std::nullopt}, sample_facts());
    CHECK(value_of(*granted, "Dasar hukum: UU 14/2008 Pasal 17 huruf h") == "<none>");
  }

  TEST_CASE("exemptions cited in a recorded refusal") {
    struct row {
      const char* reasons;
      std::vector<char> cited;
    };
    const row rows[] = {
        {"Dikecualikan sesuai Pasal 17 huruf h.", {'h'}},
        {"pasal 17 huruf b dan h UU KIP", {'b', 'h'}},
        {"PASAL 17 HURUF A, C serta J", {'a', 'c', 'j'}},
        {"Pasal 17 huruf h; lihat juga Pasal 18 huruf a", {'h'}},
        {"Pasal 170 huruf a", {}},
        {"rahasia pribadi", {}},
        {"Pasal 17 huruf h. Pasal 17 huruf h.", {'h'}},
    };
    for (const auto& r : rows) {
      CAPTURE(r.reasons);
      CHECK(cited_exemptions(r.reasons) == r.cited);
    }
  }

  TEST_CASE("dispute letters: deed once registered, summons per hearing and party, receipt per party served") {
    disputes::dispute d;
    d.id = "d1";
    d.ki = "ki-babel";
    d.respondent = "kpu-pangkalpinang";
    d.applicant.name = "Siti Aminah";
    d.applicant.address = "Jl. Merdeka 1";
    d.information_requested = "Salinan formulir C1";
    d.submitted_at = at("2026-12-20T10:00:00+07:00");
    d.grounds = {disputes::dispute_ground::a};
    CHECK(available_letters(d).empty());
    d.register_number = "001/KI-BABEL-PSIP/XII/2026";
    d.registered_at = at("2026-12-22T09:00:00+07:00");
    d.hearings.push_back({"h1", disputes::hearing_kind::preliminary_examination, at("2027-01-05T09:30:00+07:00"),
                          "Ruang Sidang KI Babel", "", "", "", false});
    CHECK(keys(available_letters(d)) == std::vector<std::string>{"registration_deed", "hearing_summons:h1:applicant",
                                                                 "hearing_summons:h1:respondent"});
    auto f = sample_facts();
    f.number = "002/SPS/KI-BABEL/XII/2026";
    const auto s = build_letter(d, *parse_letter_key("hearing_summons:h1:respondent"), f);
    REQUIRE(s);
    CHECK(value_of(*s, "Agenda sidang") == "Pemeriksaan Awal");
    CHECK(value_of(*s, "Hari, tanggal dan waktu") == "5 Januari 2027 pukul 09.30 WIB");
    CHECK(value_of(*s, "Tempat") == "Ruang Sidang KI Babel");
    CHECK(s->recipient.at(1) == "Pimpinan KPU Kota Pangkalpinang");
    CHECK_FALSE(build_letter(d, *parse_letter_key("hearing_summons:h2:respondent"), f));

    const auto deed = build_letter(d, {letter_kind::registration_deed, "", std::nullopt}, f);
    REQUIRE(deed);
    CHECK(value_of(*deed, "Nomor registrasi") == "001/KI-BABEL-PSIP/XII/2026");
    CHECK(value_of(*deed, "Tanggal registrasi") == "22 Desember 2026");

    d.decision = disputes::decision{
        disputes::dispute_outcome::granted, "001/KI-BABEL-PSIP-A/XII/2026", at("2027-02-01T14:00:00+07:00"), {}};
    d.services.push_back({disputes::party::applicant, at("2027-02-03T11:00:00+07:00")});
    CHECK(keys(available_letters(d)).back() == "decision_receipt:applicant");
    const auto receipt = build_letter(d, *parse_letter_key("decision_receipt:applicant"), f);
    REQUIRE(receipt);
    CHECK(value_of(*receipt, "Tanggal putusan dibacakan") == "1 Februari 2027");
    CHECK(value_of(*receipt, "Tanggal diterima") == "3 Februari 2027 pukul 11.00 WIB");
    CHECK_FALSE(build_letter(d, *parse_letter_key("decision_receipt:respondent"), f));
  }

  TEST_CASE("letter keys") {
    CHECK(letter_key(*parse_letter_key("request_receipt")) == "request_receipt");
    CHECK(letter_key(*parse_letter_key("hearing_summons:h3:applicant")) == "hearing_summons:h3:applicant");
    CHECK_FALSE(parse_letter_key("hearing_summons:h3"));
    CHECK_FALSE(parse_letter_key("request_receipt:applicant"));
    CHECK_FALSE(parse_letter_key("decision_receipt:judge"));
    CHECK_FALSE(parse_letter_key("nope"));
    for (const auto k : all_letter_kinds) {
      CHECK(parse_letter_kind(to_string(k)) == k);
    }
  }

  TEST_CASE("each issued letter is filed under a document kind, the checklist item it answers where there is one") {
    const std::pair<letter_kind, std::string_view> rows[] = {
        {letter_kind::request_receipt, "request_receipt"},
        {letter_kind::extension_notice, "extension_notice"},
        {letter_kind::written_notice, "ppid_response"},
        {letter_kind::objection_receipt, "objection_receipt"},
        {letter_kind::objection_response, "atasan_response"},
        {letter_kind::registration_deed, "registration_record"},
        {letter_kind::hearing_summons, "summons"},
        {letter_kind::decision_receipt, "service_receipt"},
    };
    for (const auto& [kind, document_kind] : rows) {
      CAPTURE(to_string(kind));
      CHECK(letter_document_kind(kind) == document_kind);
      CHECK(perkara::domain::documents::is_document_kind(letter_document_kind(kind)));
    }
  }
}
