#include "domain/cases/event_payload.hpp"
#include "domain/requests/new_request.hpp"

#include <doctest/doctest.h>

#include <functional>

using namespace perkara::domain;

namespace {

instant at(const char* text) { return parse_rfc3339(text)->utc; }

new_request_input valid_input() {
  new_request_input in;
  in.respondent = "kpu-pangkalpinang";
  in.received_at = "2024-02-07T10:15:00+07:00";
  in.channel = "walk_in";
  in.applicant.kind = "legal_entity";
  in.applicant.name = "Yayasan Kajian Informasi";
  in.applicant.email = "info@yakin.or.id";
  in.information_requested = "Salinan formulir C hasil TPS 01";
  in.purpose = "Pemantauan pemilu";
  in.format = "softcopy";
  in.delivery_medium = "email";
  return in;
}

const instant now = at("2024-02-07T11:00:00+07:00");

std::vector<std::string> fields_of(const field_errors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

}  // namespace

TEST_SUITE("request_creation") {
  TEST_CASE("validation names the JSON path of each bad field") {
    struct row {
      const char* name;
      std::function<void(new_request_input&)> change;
      std::vector<std::string> fields;
    };
    const std::vector<row> rows{
        {"valid", [](auto&) {}, {}},
        {"no respondent", [](auto& i) { i.respondent.clear(); }, {"respondent"}},
        {"no received_at", [](auto& i) { i.received_at.clear(); }, {"received_at"}},
        {"received_at without offset", [](auto& i) { i.received_at = "2024-02-07T10:15:00"; }, {"received_at"}},
        {"received_at a date only", [](auto& i) { i.received_at = "2024-02-07"; }, {"received_at"}},
        {"received_at 10 minutes ahead", [](auto& i) { i.received_at = "2024-02-07T11:10:00+07:00"; }, {"received_at"}},
        {"received_at 4 minutes ahead (skew)", [](auto& i) { i.received_at = "2024-02-07T11:04:00+07:00"; }, {}},
        {"received_at same instant in UTC", [](auto& i) { i.received_at = "2024-02-07T04:00:00Z"; }, {}},
        {"channel unknown", [](auto& i) { i.channel = "whatsapp"; }, {"channel"}},
        {"channel missing", [](auto& i) { i.channel.clear(); }, {"channel"}},
        {"channel wrong case", [](auto& i) { i.channel = "Email"; }, {"channel"}},
        {"applicant kind unknown", [](auto& i) { i.applicant.kind = "company"; }, {"applicant.kind"}},
        {"applicant kind missing", [](auto& i) { i.applicant.kind.clear(); }, {"applicant.kind"}},
        {"name blank", [](auto& i) { i.applicant.name = "   "; }, {"applicant.name"}},
        {"name 200 characters", [](auto& i) { i.applicant.name = std::string(200, 'x'); }, {}},
        {"name 201 characters", [](auto& i) { i.applicant.name = std::string(201, 'x'); }, {"applicant.name"}},
        {"name 200 multibyte characters", [](auto& i) {
           i.applicant.name.clear();
           for (int k = 0; k < 200; ++k) i.applicant.name += "\xC3\xA9";  // é
         }, {}},
        {"email bad", [](auto& i) { i.applicant.email = "siti.example.com"; }, {"applicant.email"}},
        {"email two @", [](auto& i) { i.applicant.email = "a@b@c.id"; }, {"applicant.email"}},
        {"email no dot in domain", [](auto& i) { i.applicant.email = "a@localhost"; }, {"applicant.email"}},
        {"email with space", [](auto& i) { i.applicant.email = "a b@c.id"; }, {"applicant.email"}},
        {"email absent", [](auto& i) { i.applicant.email.reset(); }, {}},
        {"email empty string is absent", [](auto& i) { i.applicant.email = ""; }, {}},
        {"information_requested missing", [](auto& i) { i.information_requested.clear(); }, {"information_requested"}},
        {"information_requested 10000", [](auto& i) { i.information_requested = std::string(10000, 'x'); }, {}},
        {"information_requested 10001", [](auto& i) { i.information_requested = std::string(10001, 'x'); },
         {"information_requested"}},
        {"purpose optional", [](auto& i) { i.purpose.clear(); }, {}},
        {"purpose too long", [](auto& i) { i.purpose = std::string(2001, 'x'); }, {"purpose"}},
        {"ruleset unknown", [](auto& i) { i.ruleset = "perki_1_2013"; }, {"ruleset"}},
        {"ruleset known", [](auto& i) { i.ruleset = "general"; }, {}},
        {"several at once", [](auto& i) {
           i.channel = "x";
           i.applicant.name.clear();
           i.applicant.email = "bad";
         }, {"channel", "applicant.name", "applicant.email"}},
    };
    for (const auto& c : rows) {
      const std::string name_text{c.name};
      CAPTURE(name_text);
      auto in = valid_input();
      c.change(in);
      CHECK(fields_of(validate_new_request(in, now)) == c.fields);
    }
  }

  TEST_CASE("create builds version 1 in state received and starts the response clock") {
    creation_context cc;
    cc.id = "req-1";
    cc.number = "0007/PPID-kpu-pangkalpinang/II/2024";
    cc.now = now;
    cc.ruleset = ruleset_choice{"perki_1_2019", 2, ruleset_reason::election_period, "pemilu-2024",
                                "Pemilihan Umum 2024", std::nullopt};
    auto in = valid_input();
    in.applicant.phone = "  ";
    const auto r = create_request(in, cc);
    REQUIRE(r.ok());
    const auto& ok = r;
    CHECK(ok.next.id == "req-1");
    CHECK(ok.next.state == request_state::received);
    CHECK(ok.next.version == 1);
    CHECK(ok.next.channel == request_channel::walk_in);
    CHECK(ok.next.applicant.kind == applicant_kind::legal_entity);
    CHECK(ok.next.applicant.email == "info@yakin.or.id");
    CHECK_FALSE(ok.next.applicant.phone.has_value());  // blank personal data is not kept
    CHECK(ok.next.received_at.offset_minutes == 420);
    CHECK(ok.next.ruleset.name == "perki_1_2019");
    CHECK(ok.event.action == "create");
    CHECK(ok.event.payload_json ==
          R"({"number":"0007/PPID-kpu-pangkalpinang/II/2024","respondent":"kpu-pangkalpinang",)"
          R"("received_at":"2024-02-07T10:15:00+07:00","channel":"walk_in","ruleset":"perki_1_2019",)"
          R"("ruleset_version":2,"ruleset_reason":"election_period","election":"pemilu-2024"})");
    // The payload carries no personal data.
    CHECK(ok.event.payload_json.find("Yayasan") == std::string::npos);
    REQUIRE(ok.intents.size() == 1);
    CHECK(ok.intents[0].key == "ppid_response");
    CHECK(ok.intents[0].op == deadline_op::start);
    CHECK(ok.intents[0].period == "ppid_response");
    CHECK(std::get<instant>(ok.intents[0].at) == at("2024-02-07T10:15:00+07:00"));
  }

  TEST_CASE("create refuses invalid input with field errors") {
    auto in = valid_input();
    in.applicant.name.clear();
    creation_context cc;
    cc.now = now;
    const auto r = create_request(in, cc);
    REQUIRE_FALSE(r.ok());
    const auto& e = r;
    CHECK(e.refused == cases::refusal::invalid);
    CHECK(fields_of(e.errors) == std::vector<std::string>{"applicant.name"});
  }

  TEST_CASE("decide_ruleset: the suggestion, or an override with a reason") {
    election_period pemilu{"pemilu-2024", "Pemilihan Umum 2024", election_kind::pemilu, "",
                           *parse_iso_date("2022-06-14"), *parse_iso_date("2024-10-20"), "PKPU 3/2022",
                           confidence::secondary};
    const ruleset_suggestion election{"perki_1_2019", pemilu, {}};
    const ruleset_suggestion general{"general", std::nullopt, {}};

    auto c = std::get<ruleset_choice>(decide_ruleset(election, std::nullopt, std::nullopt, 1));
    CHECK(c.name == "perki_1_2019");
    CHECK(c.reason == ruleset_reason::election_period);
    CHECK(c.election_code == "pemilu-2024");

    c = std::get<ruleset_choice>(decide_ruleset(general, std::nullopt, std::nullopt, 3));
    CHECK(c.name == "general");
    CHECK(c.version == 3);
    CHECK(c.reason == ruleset_reason::general_period);
    CHECK_FALSE(c.election_code.has_value());

    // Choosing what was suggested anyway is not an override.
    c = std::get<ruleset_choice>(decide_ruleset(election, std::string{"perki_1_2019"}, std::nullopt, 1));
    CHECK(c.reason == ruleset_reason::election_period);

    c = std::get<ruleset_choice>(
        decide_ruleset(general, std::string{"perki_1_2019"}, std::string{"Informasi tahapan pilkada ulang"}, 1));
    CHECK(c.name == "perki_1_2019");
    CHECK(c.reason == ruleset_reason::override);
    CHECK(c.override_reason == "Informasi tahapan pilkada ulang");

    auto e = std::get<field_errors>(decide_ruleset(general, std::string{"perki_1_2019"}, std::string{" "}, 1));
    CHECK(fields_of(e) == std::vector<std::string>{"ruleset_override_reason"});
    e = std::get<field_errors>(decide_ruleset(general, std::string{"bogus"}, std::string{"x"}, 1));
    CHECK(fields_of(e) == std::vector<std::string>{"ruleset"});
  }

  TEST_CASE("enums round-trip through their snake_case names") {
    for (auto v : all_request_channels) CHECK(parse_request_channel(to_string(v)) == v);
    for (auto v : all_applicant_kinds) CHECK(parse_applicant_kind(to_string(v)) == v);
    for (auto v : all_request_states) CHECK(parse_request_state(to_string(v)) == v);
    for (auto v : all_response_decisions) CHECK(parse_response_decision(to_string(v)) == v);
    for (auto v : all_objection_decisions) CHECK(parse_objection_decision(to_string(v)) == v);
    for (auto v : all_ruleset_reasons) CHECK(parse_ruleset_reason(to_string(v)) == v);
    for (auto v : all_objection_grounds) CHECK(parse_objection_ground(to_string(v)) == v);
    CHECK(to_string(request_state::objection_answered) == "objection_answered");
    CHECK(to_string(request_channel::walk_in) == "walk_in");
    CHECK(to_string(response_decision::partly_granted) == "partly_granted");
    CHECK_FALSE(parse_request_state("open").has_value());
    CHECK_FALSE(parse_objection_ground("h").has_value());
  }

  TEST_CASE("helpers: e-mail shape, UTF-8 length, JSON quoting") {
    CHECK(plausible_email("a@b.id"));
    CHECK_FALSE(plausible_email("@b.id"));
    CHECK_FALSE(plausible_email("a@.id"));
    CHECK_FALSE(plausible_email("a@b."));
    CHECK(utf8_length("S\xC3\xADti") == 4);
    CHECK(json_quote("a\"b\\c\nd\x01") == "\"a\\\"b\\\\c\\nd\\u0001\"");
    CHECK(payload_writer{}.texts("grounds", {"a", "c"}).null("previous").str() == R"({"grounds":["a","c"],"previous":null})");
    CHECK(default_ppid_register_templates.request == "{seq:04}/PPID-{org_code}/{month_roman}/{year}");
    CHECK(default_ppid_register_templates.objection == "{seq:04}/KEB-{org_code}/{month_roman}/{year}");
  }
}
