// Letterheads and issued letters (migration 0015) on both backends.
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace perkara;

namespace {

domain::instant at(const char* text) { return domain::parse_rfc3339(text)->utc; }

ports::issued_letter letter(const std::string& id, const std::string& number, const char* issued_at) {
  ports::issued_letter l;
  l.id = id;
  l.case_type = "request";
  l.case_id = "r1";
  l.organisation = "kpu-pangkalpinang";
  l.letter_key = "request_receipt";
  l.number = number;
  l.title = "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK";
  l.issued_at = at(issued_at);
  l.issued_by = "u1";
  l.sha256 = std::string(64, 'a');
  // Larger than a VARCHAR and with characters outside ASCII: stored and read back byte for byte.
  l.html = "<!DOCTYPE html><p>Pemberitahuan – “tertulis” ✓</p>" + std::string(70000, 'x');
  return l;
}

}  // namespace

TEST_SUITE("letters") {
  TEST_CASE("an issued letter is stored exactly, listed without its HTML, and its number is unique") {
    const testing::test_database db;
    const auto database = db.open(2);
    {
      auto tx = database->begin(ports::access::write);
      tx->letters().insert(letter("l2", "002/TBP/PPID-KPU-PANGKALPINANG/II/2024", "2024-02-08T10:00:00+07:00"));
      tx->letters().insert(letter("l1", "001/TBP/PPID-KPU-PANGKALPINANG/II/2024", "2024-02-07T10:00:00+07:00"));
      tx->commit();
    }
    auto tx = database->begin(ports::access::write);
    const auto found = tx->letters().find("l1");
    REQUIRE(found);
    CHECK(found->html == letter("l1", "", "2024-02-07T10:00:00+07:00").html);
    CHECK(found->number == "001/TBP/PPID-KPU-PANGKALPINANG/II/2024");
    CHECK(found->issued_at == at("2024-02-07T10:00:00+07:00"));
    CHECK(found->sha256 == std::string(64, 'a'));
    CHECK_FALSE(tx->letters().find("nope"));

    const auto listed = tx->letters().for_case("request", "r1");
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].id == "l1");  // oldest first
    CHECK(listed[1].id == "l2");
    CHECK(listed[0].html.empty());
    CHECK(tx->letters().for_case("dispute", "r1").empty());

    CHECK_THROWS_AS(tx->letters().insert(letter("l3", "001/TBP/PPID-KPU-PANGKALPINANG/II/2024", "2024-02-09T10:00:00+07:00")),
                    ports::conflict_error);
  }

  TEST_CASE("a letterhead is replaced as a whole") {
    const testing::test_database db;
    const auto database = db.open(1);
    {
      auto tx = database->begin(ports::access::write);
      CHECK_FALSE(tx->letters().find_letterhead("ki-babel"));
      tx->letters().put_letterhead({"ki-babel", "Jl. Pulau Bangka", "0717", "ki@example.id", "ki.example.id", "image/png",
                                    "iVBORw0KGgo=", at("2024-02-07T10:00:00+07:00"), "u1"});
      tx->letters().put_letterhead({"ki-babel", "Jl. Baru 2", "", "", "", "", "", at("2024-02-08T10:00:00+07:00"), "u2"});
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    const auto head = tx->letters().find_letterhead("ki-babel");
    REQUIRE(head);
    CHECK(head->address == "Jl. Baru 2");
    CHECK(head->logo_base64.empty());
    CHECK(head->updated_by == "u2");
    CHECK(head->updated_at == at("2024-02-08T10:00:00+07:00"));
  }

  TEST_CASE("a request is found by its exact register number") {
    const testing::test_database db;
    const auto database = db.open(1);
    {
      ports::stored_request s;
      auto& r = s.request;
      r.id = "r1";
      r.number = "0009/PPID-KPU-PANGKALPINANG/XII/2026";
      r.respondent = "kpu-pangkalpinang";
      r.received_at = *domain::parse_rfc3339("2026-12-01T09:15:00+07:00");
      r.applicant.name = "Siti Aminah";
      r.information_requested = "Salinan formulir C1";
      r.purpose = "Penelitian";
      r.format = "softcopy";
      r.delivery_medium = "email";
      auto tx = database->begin(ports::access::write);
      tx->requests().insert(s);
      tx->commit();
    }
    auto tx = database->begin(ports::access::read);
    const auto found = tx->requests().find_by_number("0009/PPID-KPU-PANGKALPINANG/XII/2026");
    REQUIRE(found);
    CHECK(found->request.id == "r1");
    CHECK_FALSE(tx->requests().find_by_number("0010/PPID-KPU-PANGKALPINANG/XII/2026"));
  }
}
