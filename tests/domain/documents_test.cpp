#include "domain/documents/content_type.hpp"
#include "domain/documents/checklist.hpp"
#include "domain/documents/document.hpp"
#include "domain/documents/limits.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace perkara::domain;
using namespace perkara::domain::documents;

TEST_SUITE("documents") {
  TEST_CASE("types come from the content, never the name") {
    const std::string odt_head = std::string{"PK\x03\x04\x14\x00\x00\x00\x00\x00", 10} + std::string(16, '\0') +
                                 std::string{"\x08\x00\x00\x00", 4} + "mimetype" +
                                 "application/vnd.oasis.opendocument.text";
    const std::string template_head = odt_head + "-template";
    struct row {
      std::string head;
      std::string tail;
      std::optional<std::string_view> type;
    };
    const std::vector<row> rows = {
        {"%PDF-1.7\n...", "", "application/pdf"},
        {"\x89PNG\r\n\x1a\n....", "", "image/png"},
        {"\xff\xd8\xff\xe0", "", "image/jpeg"},
        {odt_head, "", "application/vnd.oasis.opendocument.text"},
        {template_head, "", std::nullopt},
        {std::string{"PK\x03\x04", 4} + "[Content_Types].xml", "word/document.xml",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {std::string{"PK\x03\x04", 4} + "[Content_Types].xml", "xl/workbook.xml", std::nullopt},
        {"hello, I am a .pdf by name only", "", std::nullopt},
        {"", "", std::nullopt},
        {"GIF89a", "", std::nullopt},
    };
    for (const auto& r : rows) {
      CAPTURE(r.head.substr(0, 12));
      CHECK(sniff_content_type(r.head, r.tail) == r.type);
    }
  }

  TEST_CASE("size limits per file and per case") {
    const size_limits limits{100, 250};
    CHECK(check_size(100, 0, limits) == size_verdict::ok);
    CHECK(check_size(101, 0, limits) == size_verdict::file_too_large);
    CHECK(check_size(100, 150, limits) == size_verdict::ok);
    CHECK(check_size(100, 151, limits) == size_verdict::case_too_large);
    CHECK(check_size(1, 300, limits) == size_verdict::case_too_large);  // already over (limit lowered)
  }

  TEST_CASE("kinds are the checklist's attachments plus the papers a case produces") {
    for (const auto a : disputes::all_attachments) {
      CHECK(is_document_kind(disputes::to_string(a)));
    }
    CHECK(is_document_kind("decision"));
    CHECK_FALSE(is_document_kind("selfie"));
    CHECK(label_id("power_of_attorney") == disputes::label_id(disputes::attachment::power_of_attorney));
  }

  TEST_CASE("attached kinds join the checklist's present items, in checklist order") {
    disputes::completeness c;
    c.present = {disputes::attachment::objection_letter};
    const std::vector<std::string> kinds = {"evidence", "identity_document", "request_letter"};
    add_present_documents(c, kinds);
    CHECK(c.present == std::vector<disputes::attachment>{disputes::attachment::request_letter,
                                                         disputes::attachment::objection_letter,
                                                         disputes::attachment::identity_document});
  }
}
