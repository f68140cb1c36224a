// Documents of case files over HTTP (docs/documents.md), on SQLite and MariaDB: upload, list, download,
// limits (413, 415 for a renamed type, 422 for a wrong kind), access (another organisation 404, the
// public only published decisions), retraction (kept, audited), and an upload that arrives slowly
// while the server answers others.
#include "e2e/disputes_fixture.hpp"
#include "e2e/requests_support.hpp"
#include "e2e/support/http_client.hpp"
#include "persistence/files/disk_file_store.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::disputes;

namespace {

const std::string pdf_bytes = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const std::string png_bytes = std::string{"\x89PNG\r\n\x1a\n", 8} + std::string(64, 'x');

// A ZIP local file header (stored, no extra field) for `name` holding `data`.
std::string zip_entry(const std::string& name, const std::string& data) {
  std::string h{"PK\x03\x04", 4};
  h += std::string{"\x14\x00\x00\x00\x00\x00", 6};  // version, flags, method 0 (stored)
  h += std::string(8, '\0');                          // time, date, crc (not checked)
  const auto le32 = [](std::size_t v) {
    std::string out(4, '\0');
    for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
    return out;
  };
  h += le32(data.size()) + le32(data.size());
  h += static_cast<char>(name.size() & 0xff);
  h += static_cast<char>(name.size() >> 8);
  h += std::string(2, '\0');  // extra length
  return h + name + data;
}

const std::string odt_bytes = zip_entry("mimetype", "application/vnd.oasis.opendocument.text") +
                              zip_entry("content.xml", "<office:document-content/>");
const std::string docx_bytes = zip_entry("[Content_Types].xml", "<Types/>") + zip_entry("word/document.xml", "<w:document/>");

http_reply upload(live_server& s, const std::string& case_path, const std::string& query, const std::string& bytes,
                  const std::string& token, const std::string& content_type = "application/octet-stream") {
  return s.send("POST", case_path + "/documents?" + query, bytes, token, {{"Content-Type", content_type}});
}

}  // namespace

TEST_SUITE("e2e documents") {
  TEST_CASE("a dispute's documents: upload, list, download, types from content, kinds, access, retraction") {
    fixture f;
    const auto id = f.submit();
    const auto path = "/api/v1/disputes/" + id;

    const auto up = upload(f.s, path, "kind=identity_document&name=KTP%20Budi.pdf", pdf_bytes, f.registrar);
    REQUIRE_MESSAGE(up.status == 201, up.body);
    const auto doc = json_of(up);
    const auto doc_id = text_of(doc, "id");
    CHECK(text_of(doc, "content_type") == "application/pdf");
    CHECK(text_of(doc, "file_name") == "KTP Budi.pdf");
    CHECK(text_of(doc, "sha256") == persistence::sha256_hex(pdf_bytes));
    CHECK(doc.at("size").to_number<std::uint64_t>() == pdf_bytes.size());
    CHECK(doc.at("retracted").is_null());
    CHECK(up.header("Location") == path + "/documents/" + doc_id);
    // Stored under its checksum before the 201.
    persistence::disk_file_store store{f.s.files_dir()};
    CHECK(std::filesystem::exists(store.address_of(persistence::sha256_hex(pdf_bytes))));

    SUBCASE("download gives the same bytes, list shows the document and the uploader's name") {
      const auto got = f.s.get(path + "/documents/" + doc_id, f.registrar);
      REQUIRE(got.status == 200);
      CHECK(got.body == pdf_bytes);
      CHECK(got.header("Content-Type") == "application/pdf");
      CHECK(got.header("Content-Disposition")->find("KTP Budi.pdf") != std::string::npos);
      const auto list = f.s.get(path + "/documents", f.registrar);
      REQUIRE(list.status == 200);
      const auto items = json_of(list).at("items").as_array();
      REQUIRE(items.size() == 1);
      CHECK(text_of(items.at(0), "kind_label") == "KTP/paspor");
      CHECK(text_of(items.at(0), "uploaded_by") == "panitera");
      // The respondent's PPID reads the case, so it reads its documents too.
      CHECK(f.s.get(path + "/documents/" + doc_id, f.ppid).status == 200);
    }

    SUBCASE("ODT, DOCX and PNG are recognised from their content, whatever their name") {
      for (const auto& [bytes, type] : {std::pair{odt_bytes, "application/vnd.oasis.opendocument.text"},
                                        std::pair{docx_bytes,
                                                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
                                        std::pair{png_bytes, "image/png"}}) {
        const auto r = upload(f.s, path, "kind=evidence&name=berkas.bin", bytes, f.registrar);
        CAPTURE(type);
        REQUIRE_MESSAGE(r.status == 201, r.body);
        CHECK(text_of(json_of(r), "content_type") == type);
      }
    }

    SUBCASE("a type that is not allowed is 415 even when named .pdf; a wrong kind is 422; nothing is stored") {
      const auto text = upload(f.s, path, "kind=evidence&name=surat.pdf", "just some text, not a PDF", f.registrar,
                               "application/pdf");
      CHECK(text.status == 415);
      const auto zip = upload(f.s, path, "kind=evidence&name=arsip.docx", zip_entry("readme.txt", "hello"), f.registrar);
      CHECK(zip.status == 415);
      const auto kind = upload(f.s, path, "kind=selfie&name=a.pdf", pdf_bytes, f.registrar);
      CHECK(kind.status == 422);
      CHECK(names_field(kind, "kind"));
      CHECK(names_field(upload(f.s, path, "kind=evidence", pdf_bytes, f.registrar), "name"));
      CHECK(json_of(f.s.get(path + "/documents", f.registrar)).at("items").as_array().size() == 1);
      CHECK(store.stored_checksums().size() == 1);
    }

    SUBCASE("another organisation gets 404, the respondent's PPID may not upload, nobody signed out gets 401") {
      const auto other = f.s.token_for("panitera.pusat", domain::role::registrar, "ki-pusat");
      CHECK(f.s.get(path + "/documents", other).status == 404);
      CHECK(f.s.get(path + "/documents/" + doc_id, other).status == 404);
      CHECK(upload(f.s, path, "kind=evidence&name=a.pdf", pdf_bytes, other).status == 404);
      CHECK(upload(f.s, path, "kind=evidence&name=a.pdf", pdf_bytes, f.ppid).status == 403);
      CHECK(f.s.get(path + "/documents/" + doc_id).status == 401);
      // A document id of one case is not found under another case.
      const auto second = f.submit();
      CHECK(f.s.get("/api/v1/disputes/" + second + "/documents/" + doc_id, f.registrar).status == 404);
      // The public route serves only published decisions.
      CHECK(f.s.get("/api/v1/public/documents/" + doc_id).status == 404);
    }

    SUBCASE("retraction keeps the document, marks who, when and why, and is audited") {
      const auto r = f.s.post(path + "/documents/" + doc_id + "/retract", R"({"reason":"Salah unggah"})", f.registrar);
      REQUIRE_MESSAGE(r.status == 200, r.body);
      const auto v = json_of(r);
      CHECK(text_of(v.at("retracted"), "by") == "panitera");
      CHECK(text_of(v.at("retracted"), "reason") == "Salah unggah");
      CHECK(f.s.post(path + "/documents/" + doc_id + "/retract", R"({"reason":"lagi"})", f.registrar).status == 409);
      CHECK(names_field(f.s.post(path + "/documents/" + doc_id + "/retract", R"({"reason":""})", f.registrar), "reason"));
      // Kept: still listed and still downloadable.
      const auto items = json_of(f.s.get(path + "/documents", f.registrar)).at("items").as_array();
      REQUIRE(items.size() == 1);
      CHECK_FALSE(items.at(0).at("retracted").is_null());
      CHECK(f.s.get(path + "/documents/" + doc_id, f.registrar).body == pdf_bytes);
      const auto admin = f.s.token_for("admin.babel", domain::role::ki_admin, "ki-babel");
      const auto audit = f.s.get("/api/v1/audit?object_type=dispute&object_id=" + id, admin);
      REQUIRE(audit.status == 200);
      CHECK(audit.body.find("document_retract") != std::string::npos);
      CHECK(audit.body.find("document_upload") != std::string::npos);
    }
  }

  TEST_CASE("size limits per file (413 before the body is read) and per case") {
    live_server_options o;
    o.configure = [](server::app_config& c) {
      c.api.document_limits.per_file = 1000;
      c.api.document_limits.per_case = 2500;
    };
    fixture f{.s = live_server{o}};
    const auto path = "/api/v1/disputes/" + f.submit();
    const auto big = "%PDF-" + std::string(1200, 'x');
    CHECK(upload(f.s, path, "kind=evidence&name=a.pdf", big, f.registrar).status == 413);
    const auto fits = "%PDF-" + std::string(900, 'y');
    CHECK(upload(f.s, path, "kind=evidence&name=a.pdf", fits, f.registrar).status == 201);
    CHECK(upload(f.s, path, "kind=evidence&name=b.pdf", fits + "z", f.registrar).status == 201);
    const auto third = upload(f.s, path, "kind=evidence&name=c.pdf", fits + "zz", f.registrar);
    CHECK(third.status == 413);
    CHECK(json_of(f.s.get(path + "/documents", f.registrar)).at("items").as_array().size() == 2);
  }

  TEST_CASE("an information request's documents belong to its PPID") {
    fixture f;
    const auto created = f.s.post("/api/v1/requests", boost::json::serialize(requests::new_request()), f.ppid);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    const auto path = "/api/v1/requests/" + text_of(json_of(created), "id");
    const auto up = upload(f.s, path, "kind=request_receipt&name=tanda-bukti.png", png_bytes, f.ppid);
    REQUIRE_MESSAGE(up.status == 201, up.body);
    CHECK(json_of(f.s.get(path + "/documents", f.ppid)).at("items").as_array().size() == 1);
    const auto other = f.s.token_for("ppid.bangka", domain::role::ppid, "kpu-bangka");
    CHECK(f.s.get(path + "/documents", other).status == 404);
    CHECK(upload(f.s, path, "kind=request_receipt&name=x.png", png_bytes, other).status == 404);
  }

  TEST_CASE("the public decisions list carries the published decision document, and only it is public") {
    fixture f;
    const auto id = f.examined_case();
    f.act(id, "start_adjudication", "{}", f.commissioner);
    f.act(id, "decide", R"({"outcome":"granted","orders":[{"text":"Memberikan salinan","due_days":10}]})", f.commissioner);
    const auto path = "/api/v1/disputes/" + id;
    const auto draft = upload(f.s, path, "kind=decision&name=putusan-lengkap.pdf", pdf_bytes, f.registrar);
    REQUIRE(draft.status == 201);
    const auto redacted_bytes = pdf_bytes + "% disamarkan\n";
    const auto redacted = upload(f.s, path, "kind=decision&name=putusan-disamarkan.pdf&publishable=true", redacted_bytes,
                                 f.registrar);
    REQUIRE(redacted.status == 201);
    const auto list = json_of(f.s.get("/api/v1/public/decisions?ki=ki-babel"));
    const auto& item = list.at("items").at(0);
    REQUIRE(item.at("document").is_object());
    CHECK(text_of(item.at("document"), "file_name") == "putusan-disamarkan.pdf");
    const auto href = text_of(item.at("document"), "href");
    const auto got = f.s.get(href);
    REQUIRE(got.status == 200);
    CHECK(got.body == redacted_bytes);
    // The unpublished full decision is not public; publishing can be withdrawn.
    CHECK(f.s.get("/api/v1/public/documents/" + text_of(json_of(draft), "id")).status == 404);
    const auto redacted_id = text_of(json_of(redacted), "id");
    const auto unpublish = f.s.patch(path + "/documents/" + redacted_id, R"({"publishable":false})", f.registrar);
    REQUIRE_MESSAGE(unpublish.status == 200, unpublish.body);
    CHECK(f.s.get(href).status == 404);
    CHECK(json_of(f.s.get("/api/v1/public/decisions?ki=ki-babel")).at("items").at(0).at("document").is_null());
  }

  TEST_CASE("a large upload is streamed: the server answers others while it arrives, then stores it whole") {
    fixture f;
    const auto path = "/api/v1/disputes/" + f.submit();
    // 20 MB, sent in two parts with other requests answered in between.
    std::string bytes = "%PDF-1.7\n";
    bytes.resize(20 * 1024 * 1024, 'a');
    http_client slow{f.s.port()};
    slow.send_raw(fmt::format("POST {}/documents?kind=evidence&name=besar.pdf HTTP/1.1\r\nHost: x\r\n"
                              "Authorization: Bearer {}\r\nContent-Type: application/pdf\r\nContent-Length: {}\r\n\r\n",
                              path, f.registrar, bytes.size()));
    const auto half = bytes.size() / 2;
    slow.send_raw(std::string_view{bytes}.substr(0, half));
    CHECK(f.s.get("/healthz").status == 200);
    CHECK(f.s.get(path + "/documents", f.registrar).status == 200);
    slow.send_raw(std::string_view{bytes}.substr(half));
    const auto reply = slow.read_reply();
    REQUIRE_MESSAGE(reply.status == 201, reply.body);
    CHECK(text_of(json_of(reply), "sha256") == persistence::sha256_hex(bytes));
    const auto got = f.s.get(path + "/documents/" + text_of(json_of(reply), "id"), f.registrar);
    CHECK(got.body.size() == bytes.size());
    CHECK(persistence::sha256_hex(got.body) == persistence::sha256_hex(bytes));
    // Nothing is left in the staging area.
    const auto staging = std::filesystem::path{f.s.files_dir()} / "staging";
    CHECK(std::filesystem::is_empty(staging));
  }
}

TEST_SUITE("e2e documents") {
  TEST_CASE("the dispute checklist reads the case file: an attached document or a paper original seen") {
    fixture f;
    auto body = application();
    const std::string with_identity = R"(,"identity_document"])";
    body.replace(body.find(with_identity), with_identity.size(), "]");
    const auto id = f.submit(body);
    const auto path = "/api/v1/disputes/" + id;
    const auto missing = [&] {
      std::vector<std::string> out;
      const auto view = f.get(id, f.registrar);
      for (const auto& m : view.at("completeness").at("missing").as_array()) {
        out.emplace_back(m.as_string());
      }
      return out;
    };
    REQUIRE(missing() == std::vector<std::string>{"identity_document"});
    // Registration refuses an incomplete file.
    CHECK(f.act_raw(id, "register", "{}", f.registrar).status != 200);

    SUBCASE("an attached document ticks its item; retracting it unticks it in the view") {
      const auto up = upload(f.s, path, "kind=identity_document&name=ktp.jpg", "\xff\xd8\xff\xe0 jpeg", f.registrar);
      REQUIRE(up.status == 201);
      CHECK(missing().empty());
      CHECK(f.get(id, f.registrar).at("completeness").at("complete").as_bool());
      REQUIRE(f.s.post(path + "/documents/" + text_of(json_of(up), "id") + "/retract", R"({"reason":"buram"})",
                       f.registrar)
                  .status == 200);
      CHECK(missing() == std::vector<std::string>{"identity_document"});
    }
    SUBCASE("a paper original seen ticks it, with who and when; then the case registers") {
      const auto seen = f.s.post(path + "/papers", R"({"kind":"identity_document","note":"KTP asli diperlihatkan"})",
                                 f.registrar);
      REQUIRE_MESSAGE(seen.status == 201, seen.body);
      CHECK(text_of(json_of(seen), "seen_by") == "panitera");
      CHECK_FALSE(text_of(json_of(seen), "seen_at").empty());
      CHECK(missing().empty());
      CHECK(json_of(f.s.get(path + "/documents", f.registrar)).at("papers").as_array().size() == 1);
      CHECK(names_field(f.s.post(path + "/papers", R"({"kind":"selfie"})", f.registrar), "kind"));
      f.act(id, "register", "{}", f.registrar);
    }
  }
}
