#include "domain/disputes/transitions.hpp"

#include "dispute_fixture.hpp"

#include <algorithm>

using namespace dispute_fixture;

namespace {

bool has_error(const transition_result& r, std::string_view field) {
  return std::any_of(r.errors.begin(), r.errors.end(), [&](const field_error& e) { return e.field == field; });
}

const deadline_intent* find_intent(const transition_result& r, intent_kind kind, std::string_view key) {
  const auto it = std::find_if(r.intents.begin(), r.intents.end(),
                               [&](const deadline_intent& i) { return i.op == kind && i.key == key; });
  return it == r.intents.end() ? nullptr : &*it;
}

new_dispute with_ground_a() {
  auto in = valid_input();
  in.grounds = {dispute_ground::a, dispute_ground::d};
  return in;
}

}  // namespace

TEST_SUITE("dispute_guards") {
  TEST_CASE("mediation is refused for an exemption dispute (ground a) unless the claim is withdrawn") {
    // UU 14/2008 Pasal 35(2), 40; docs/legal-sources.md §3.4.
    const auto d = preliminary_case(with_ground_a());
    const auto refused = apply(d, cmd::start_mediation{"kom.andi", t_action, false}, ctx_at());
    CHECK(refused.refused == cases::refusal::invalid);
    CHECK(has_error(refused, "exemption_claim_withdrawn"));
    CHECK(refused.next.version == d.version);

    const auto ok = apply(d, cmd::start_mediation{"kom.andi", t_action, true}, ctx_at());
    REQUIRE(ok.ok());
    CHECK(ok.next.state == dispute_state::mediation);
    CHECK(ok.next.exemption_claim_withdrawn);
    CHECK(ok.event.payload_json.find("\"exemption_claim_withdrawn\":true") != std::string::npos);

    SUBCASE("from adjudication too, once the claim is dropped ([PR][S13])") {
      const auto adj = adjudication_case(with_ground_a());
      CHECK(apply(adj, cmd::start_mediation{"kom.andi", t_action, false}, ctx_at()).refused == cases::refusal::invalid);
      CHECK(apply(adj, cmd::start_mediation{"kom.andi", t_action, true}, ctx_at()).ok());
    }
    SUBCASE("but not back from adjudication for other grounds") {
      const auto adj = adjudication_case();
      CHECK(apply(adj, cmd::start_mediation{"kom.andi", t_action, true}, ctx_at()).refused == cases::refusal::not_allowed);
    }
  }

  TEST_CASE("the mediator must be a commissioner of the KI when the caller can tell") {
    auto ctx = ctx_at();
    ctx.is_ki_commissioner = [](std::string_view u) { return u == "kom.andi"; };
    const auto d = preliminary_case();
    CHECK(apply(d, cmd::start_mediation{"kom.andi", t_action, false}, ctx).ok());
    const auto r = apply(d, cmd::start_mediation{"panitera.budi", t_action, false}, ctx);
    CHECK(r.refused == cases::refusal::invalid);
    CHECK(has_error(r, "mediator"));
    CHECK(has_error(apply(d, cmd::start_mediation{" ", t_action, false}, ctx_at()), "mediator"));
  }

  TEST_CASE("the majelis is checked like the mediator: commissioners of the KI, each once, at most five") {
    auto ctx = ctx_at();
    ctx.is_ki_commissioner = [](std::string_view u) { return u.starts_with("kom."); };
    const auto d = open_case();
    const auto reg = [&](std::vector<std::string> majelis, const transition_context& c) {
      return apply(d, cmd::register_dispute{t_action, "001/KIP-PSIP/II/2024", 1, {}, std::move(majelis)}, c);
    };
    CHECK(reg({"kom.a", "kom.b", "kom.c"}, ctx).ok());
    CHECK(reg({}, ctx).ok());
    CHECK(has_error(reg({"kom.a", "panitera.budi"}, ctx), "majelis[1]"));
    CHECK(has_error(reg({"kom.a", "kom.a"}, ctx), "majelis[1]"));
    CHECK(has_error(reg({"kom.a", " "}, ctx), "majelis[1]"));
    CHECK(has_error(reg({"kom." + std::string(10000, 'x')}, ctx), "majelis[0]"));
    CHECK(has_error(reg({"kom.a", "kom.b", "kom.c", "kom.d", "kom.e", "kom.f"}, ctx), "majelis"));
    CHECK(reg({"kom.a", "kom.b", "kom.c", "kom.d", "kom.e"}, ctx).ok());
    // Without a way to ask (no users at hand), count, length and duplicates are still refused.
    CHECK(has_error(reg({"x", "x"}, ctx_at()), "majelis[1]"));
    CHECK(has_error(reg({std::string(191, 'x')}, ctx_at()), "majelis[0]"));
    const auto refused = reg({"kom.a", "panitera.budi"}, ctx);
    CHECK(refused.refused == cases::refusal::invalid);
    CHECK(refused.next.version == d.version);
  }

  TEST_CASE("decide: outcome must fit the state") {
    struct row {
      const char* name;
      dispute (*build)();
      dispute_outcome outcome;
      bool ok;
    };
    const row rows[] = {
        {"prelim inadmissible", [] { return preliminary_case(); }, dispute_outcome::inadmissible, true},
        {"prelim no_jurisdiction", [] { return preliminary_case(); }, dispute_outcome::no_jurisdiction, true},
        {"prelim granted", [] { return preliminary_case(); }, dispute_outcome::granted, false},
        {"prelim mediation_agreement", [] { return preliminary_case(); }, dispute_outcome::mediation_agreement, false},
        {"mediation mediation_agreement", [] { return mediation_case(); }, dispute_outcome::mediation_agreement, true},
        {"mediation granted", [] { return mediation_case(); }, dispute_outcome::granted, false},
        {"adjudication granted", [] { return adjudication_case(); }, dispute_outcome::granted, true},
        {"adjudication partly_granted", [] { return adjudication_case(); }, dispute_outcome::partly_granted, true},
        {"adjudication rejected", [] { return adjudication_case(); }, dispute_outcome::rejected, true},
        {"adjudication inadmissible", [] { return adjudication_case(); }, dispute_outcome::inadmissible, true},
        {"adjudication no_jurisdiction", [] { return adjudication_case(); }, dispute_outcome::no_jurisdiction, true},
        {"adjudication mediation_agreement", [] { return adjudication_case(); }, dispute_outcome::mediation_agreement, false},
        {"adjudication withdrawn", [] { return adjudication_case(); }, dispute_outcome::withdrawn, false},
        {"adjudication lapsed", [] { return adjudication_case(); }, dispute_outcome::lapsed, false},
        {"adjudication not_registered", [] { return adjudication_case(); }, dispute_outcome::not_registered, false},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      const auto res = apply(r.build(), cmd::decide{r.outcome, "9/KIP-PSIP-A/II/2024", t_action, {order{"x", 5}}}, ctx_at());
      CHECK(res.ok() == r.ok);
      if (!r.ok) CHECK(has_error(res, "outcome"));
    }
  }

  TEST_CASE("decide: number, reading time and orders") {
    const auto d = adjudication_case();
    auto c = granted_decision();
    SUBCASE("decision number required") {
      c.decision_number = "";
      CHECK(has_error(apply(d, c, ctx_at()), "decision_number"));
    }
    SUBCASE("read_at not in the future") {
      c.read_at = at("2024-04-11T09:00:00+07:00");
      CHECK(has_error(apply(d, c, ctx_at()), "read_at"));
    }
    SUBCASE("read_at not before registration") {
      c.read_at = at("2024-02-25T09:00:00+07:00");
      CHECK(has_error(apply(d, c, ctx_at()), "read_at"));
    }
    SUBCASE("granted needs an order") {
      c.orders.clear();
      CHECK(has_error(apply(d, c, ctx_at()), "orders"));
    }
    SUBCASE("rejected needs none") {
      c.outcome = dispute_outcome::rejected;
      c.orders.clear();
      CHECK(apply(d, c, ctx_at()).ok());
    }
    SUBCASE("order fields") {
      c.orders = {order{"", 5}, order{"ok", 0}};
      const auto r = apply(d, c, ctx_at());
      CHECK(has_error(r, "orders[0].text"));
      CHECK(has_error(r, "orders[1].due_days"));
    }
  }

  TEST_CASE("decide: meets ki_completion, starts decision_copy, warns when late") {
    const auto r = apply(adjudication_case(), granted_decision(), ctx_at(now_default, {{"ki_completion", day("2024-03-11")}}));
    REQUIRE(r.ok());
    const auto* met = find_intent(r, intent_kind::meet, "ki_completion");
    REQUIRE(met != nullptr);
    CHECK(std::get<civil_date>(met->at) == day("2024-03-12"));
    const auto* copy = find_intent(r, intent_kind::start, "decision_copy");
    REQUIRE(copy != nullptr);
    CHECK(copy->period == "decision_copy");
    CHECK(std::get<instant>(copy->at) == granted_decision().read_at.utc);
    CHECK(r.warnings.size() == 1);
    CHECK(find_intent(r, intent_kind::start, "compliance:1") == nullptr);  // only at finality
  }

  TEST_CASE("mediation agreement is final at once: no court objection, compliance clocks start") {
    // UU 14/2008 Pasal 39.
    const auto r = apply(mediation_case(),
                         cmd::decide{dispute_outcome::mediation_agreement, "001/KIP-PSIP-M/II/2024",
                                     at("2024-03-05T10:00:00+07:00"), {order{"Serahkan data", 5}, order{"Tanpa tenggat", std::nullopt}}},
                         ctx_at());
    REQUIRE(r.ok());
    CHECK(r.next.state == dispute_state::final);
    CHECK(r.next.final_on == day("2024-03-05"));
    const auto* c1 = find_intent(r, intent_kind::start, "compliance:1");
    REQUIRE(c1 != nullptr);
    CHECK(c1->days == 5);
    CHECK(local_date(std::get<instant>(c1->at), 420) == day("2024-03-05"));
    CHECK(find_intent(r, intent_kind::start, "compliance:2") == nullptr);
    const auto served = step(r.next, cmd::serve_copy{party::applicant, t_action});
    CHECK(served.state == dispute_state::final);
    const auto again = apply(r.next, cmd::serve_copy{party::applicant, t_action}, ctx_at());
    CHECK(std::none_of(again.intents.begin(), again.intents.end(),
                       [](const deadline_intent& i) { return i.key.starts_with("court_objection"); }));
    CHECK(apply(served, cmd::record_court_objection{party::respondent, t_action, "PTUN", "1"}, ctx_at()).refused ==
          cases::refusal::not_allowed);
  }

  TEST_CASE("mark_final: both parties served and both windows passed before today") {
    const auto d = served_case();
    struct row {
      const char* name;
      due_map due;
      bool ok;
    };
    const row rows[] = {
        {"both passed", passed_windows(), true},
        {"due today is not passed", {{"court_objection:applicant", day("2024-04-10")}, {"court_objection:respondent", day("2024-04-02")}}, false},
        {"one window open", {{"court_objection:applicant", day("2024-04-02")}, {"court_objection:respondent", day("2024-04-11")}}, false},
        {"window unknown", {{"court_objection:applicant", day("2024-04-02")}}, false},
        {"no due dates", {}, false},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.name;
      CAPTURE(case_name);
      const auto res = apply(d, cmd::mark_final{}, ctx_at(now_default, r.due));
      CHECK(res.ok() == r.ok);
      if (!r.ok) CHECK(res.refused == cases::refusal::not_allowed);
    }
    const auto one_served = step(decided_case(), cmd::serve_copy{party::applicant, at("2024-03-13T10:00:00+07:00")});
    CHECK(apply(one_served, cmd::mark_final{}, ctx_at(now_default, passed_windows())).refused == cases::refusal::not_allowed);

    const auto fin = apply(d, cmd::mark_final{}, ctx_at(now_default,
                           {{"court_objection:applicant", day("2024-04-01")}, {"court_objection:respondent", day("2024-04-03")}}));
    REQUIRE(fin.ok());
    CHECK(fin.next.final_on == day("2024-04-04"));  // the day after the later window
    const auto* c1 = find_intent(fin, intent_kind::start, "compliance:1");
    REQUIRE(c1 != nullptr);
    CHECK(c1->days == 10);
    CHECK(local_date(std::get<instant>(c1->at), 420) == day("2024-04-04"));
  }

  TEST_CASE("withdrawal and lapse only before a decision") {
    for (auto* build : {+[] { return decided_case(); }, +[] { return final_case(); }, +[] { return court_objection_case(); }}) {
      const auto d = build();
      CAPTURE(to_string(d.state));
      CHECK(apply(d, cmd::withdraw{"x", t_action}, ctx_at()).refused == cases::refusal::not_allowed);
      CHECK(apply(d, cmd::lapse{"x", t_action}, ctx_at()).refused == cases::refusal::not_allowed);
    }
    const auto d = registered_case();
    CHECK(has_error(apply(d, cmd::withdraw{"", t_action}, ctx_at()), "reason"));
    CHECK(has_error(apply(d, cmd::withdraw{"x", at("2024-02-01T10:00:00+07:00")}, ctx_at()), "at"));
    CHECK(has_error(apply(d, cmd::lapse{"x", at("2024-05-01T10:00:00+07:00")}, ctx_at()), "at"));
    const auto r = apply(d, cmd::withdraw{"dicabut", t_action}, ctx_at());
    REQUIRE(r.ok());
    CHECK(find_intent(r, intent_kind::meet, "ki_completion") != nullptr);
    REQUIRE(r.next.closed.has_value());
    CHECK(r.next.closed->reason == "dicabut");
  }

  TEST_CASE("register: completeness, time bounds, number, starts the KI completion clock") {
    const auto d = open_case();
    SUBCASE("incomplete application is refused") {
      auto in = valid_input();
      in.attachments = {attachment::request_letter};
      const auto r = apply(open_case(in), cmd::register_dispute{t_action, "001/KIP-PSIP/II/2024", 1, {}, {}}, ctx_at());
      CHECK(has_error(r, "completeness"));
      // ... unless the registrar confirms the documents at registration.
      const auto all = cmd::register_dispute{t_action, "001/KIP-PSIP/II/2024", 1,
                                             {attachment::request_receipt, attachment::ppid_response, attachment::objection_letter,
                                              attachment::objection_receipt, attachment::atasan_response, attachment::identity_document},
                                             {}};
      CHECK(apply(open_case(in), all, ctx_at()).ok());
    }
    SUBCASE("registered_at bounds") {
      CHECK(has_error(apply(d, cmd::register_dispute{at("2024-02-19T10:00:00+07:00"), "1", 1, {}, {}}, ctx_at()), "registered_at"));
      CHECK(has_error(apply(d, cmd::register_dispute{at("2024-04-10T12:05:01+07:00"), "1", 1, {}, {}}, ctx_at()), "registered_at"));
      CHECK(apply(d, cmd::register_dispute{d.submitted_at, "1", 1, {}, {}}, ctx_at()).ok());
    }
    SUBCASE("number required") {
      CHECK(has_error(apply(d, cmd::register_dispute{t_action, " ", 1, {}, {}}, ctx_at()), "register_number"));
      CHECK(has_error(apply(d, cmd::register_dispute{t_action, "1", 0, {}, {}}, ctx_at()), "register_seq"));
    }
    SUBCASE("the majelis and number are kept") {
      const auto r = apply(d, cmd::register_dispute{t_action, "001/KIP-PSIP/IV/2024", 1, {}, {"kom.a", "kom.b", "kom.c"}}, ctx_at());
      REQUIRE(r.ok());
      CHECK(r.next.register_number == "001/KIP-PSIP/IV/2024");
      CHECK(r.next.majelis.size() == 3);
    }
  }

  // Start events are rule-set data (data/rulesets.csv start_event): the same transition counts the KI
  // clocks from registration or from receipt as the rule set (or a new version of it) says.
  TEST_CASE("register: each KI clock starts from its rule set's start_event") {
    const auto rules = [](std::string name, int version, std::string ki_completion_event, bool ki_start) {
      ruleset r;
      r.name = std::move(name);
      r.version = version;
      r.periods.push_back(period{"ki_completion", 14, std::nullopt, period_unit::working_days,
                                 std::move(ki_completion_event), "ki_completion source", confidence::secondary, ""});
      if (ki_start) {
        r.periods.push_back(period{"ki_start", 14, std::nullopt, period_unit::working_days, "dispute_received",
                                   "UU 14/2008 Ps 38(1)", confidence::verified, ""});
      }
      return r;
    };
    struct row {
      const char* name;
      ruleset rules;
      const char* ki_completion_from;  // "registered" or "received"
      bool ki_start;
      bool warned;
    };
    const row rows[] = {
        {"perki_1_2019 v1: from registration (Q4)", rules("perki_1_2019", 1, "dispute_registered", false), "registered",
         false, false},
        {"general v1: from receipt (UU 14/2008 Pasal 38)", rules("general", 1, "dispute_received", true), "received",
         true, false},
        {"a perki_1_2019 v2 counting from receipt, no code change", rules("perki_1_2019", 2, "dispute_received", false),
         "received", false, false},
        {"an event registration does not record: the usual one, with a warning",
         rules("perki_1_2019", 3, "hearing_held", false), "registered", false, true},
    };
    auto in = valid_input();
    const auto d = open_case(in);
    for (const auto& c : rows) {
      CAPTURE(c.name);
      auto ctx = ctx_at();
      ctx.rules = &c.rules;
      const auto r = apply(d, cmd::register_dispute{t_action, "1", 1, {}, {}}, ctx);
      REQUIRE(r.ok());
      const auto* ki = find_intent(r, intent_kind::start, "ki_completion");
      REQUIRE(ki != nullptr);
      const auto expected = std::string_view{c.ki_completion_from} == "registered" ? t_action : in.submitted_at;
      CHECK(std::get<instant>(ki->at) == expected.utc);
      CHECK(ki->source == "ki_completion source");
      CHECK((find_intent(r, intent_kind::start, "ki_start") != nullptr) == c.ki_start);
      CHECK(r.warnings.empty() != c.warned);
    }
  }

  TEST_CASE("request_completion and complete keep the checklist") {
    const auto d = open_case();
    CHECK(has_error(apply(d, cmd::request_completion{{}}, ctx_at()), "missing"));
    CHECK(has_error(apply(d, cmd::request_completion{{attachment::grantor_identity, attachment::grantor_identity}}, ctx_at()),
                    "missing[0]"));
    const auto inc = step(d, cmd::request_completion{{attachment::identity_document}});
    CHECK(inc.completeness.missing_requested == std::vector{attachment::identity_document});
    CHECK(std::count(inc.completeness.present.begin(), inc.completeness.present.end(), attachment::identity_document) == 0);
    CHECK(apply(inc, cmd::register_dispute{t_action, "1", 1, {}, {}}, ctx_at()).refused == cases::refusal::not_allowed);
    const auto back = step(inc, cmd::complete{{attachment::identity_document}});
    CHECK(back.state == dispute_state::submitted);
    CHECK(back.completeness.missing_requested.empty());
  }

  TEST_CASE("schedule_hearing: place or link, not before registration, warning after the KI due date") {
    const auto d = adjudication_case();
    CHECK(has_error(apply(d, cmd::schedule_hearing{hearing_kind::evidence, t_action, "", ""}, ctx_at()), "location"));
    CHECK(has_error(apply(d, cmd::schedule_hearing{hearing_kind::evidence, at("2024-02-01T09:00:00+07:00"), "R1", ""}, ctx_at()),
                    "scheduled_at"));
    const due_map due{{"ki_completion", day("2024-03-15")}};
    struct row {
      const char* when;
      bool warning;
    };
    for (const auto& r : {row{"2024-03-15T09:00:00+07:00", false}, row{"2024-03-18T09:00:00+07:00", true}}) {
      const std::string case_name = r.when;
      CAPTURE(case_name);
      // A hearing may be set in the future.
      const auto res = apply(d, cmd::schedule_hearing{hearing_kind::conclusions, at(r.when), "", "https://meet.example/x"},
                             ctx_at(at("2024-03-10T09:00:00+07:00"), due));
      REQUIRE(res.ok());
      REQUIRE(res.next.hearings.size() == 1);
      CHECK(res.next.hearings[0].id == "h1");
      CHECK(res.next.hearings[0].warning_after_deadline == r.warning);
      CHECK(res.warnings.size() == (r.warning ? 1U : 0U));
    }
  }

  TEST_CASE("serve_copy and court objections") {
    const auto d = decided_case();
    const auto one = step(d, cmd::serve_copy{party::applicant, at("2024-03-13T10:00:00+07:00")});
    CHECK(has_error(apply(one, cmd::serve_copy{party::applicant, t_action}, ctx_at()), "party"));
    CHECK(has_error(apply(d, cmd::serve_copy{party::respondent, at("2024-03-12T09:00:00+07:00")}, ctx_at()), "served_at"));
    const auto r = apply(one, cmd::serve_copy{party::respondent, at("2024-03-14T10:00:00+07:00")}, ctx_at());
    REQUIRE(r.ok());
    const auto* window = find_intent(r, intent_kind::start, "court_objection:respondent");
    REQUIRE(window != nullptr);
    CHECK(window->period == "court_objection");
    // The window runs from this party's receipt of the copy (start event decision_copy_received).
    CHECK(std::get<instant>(window->at) == at("2024-03-14T10:00:00+07:00").utc);
    const auto* copy = find_intent(r, intent_kind::meet, "decision_copy");
    REQUIRE(copy != nullptr);
    CHECK(std::get<civil_date>(copy->at) == day("2024-03-14"));

    // Only a served party can object; a late objection is recorded with a warning.
    CHECK(has_error(apply(one, cmd::record_court_objection{party::respondent, t_action, "PTUN", "1"}, ctx_at()), "party"));
    CHECK(has_error(apply(one, cmd::record_court_objection{party::applicant, t_action, "", "1"}, ctx_at()), "court"));
    const auto late = apply(one, cmd::record_court_objection{party::applicant, t_action, "PTUN Jakarta", "1"},
                            ctx_at(now_default, {{"court_objection:applicant", day("2024-04-02")}}));
    REQUIRE(late.ok());
    REQUIRE(late.next.court_objections.size() == 1);
    CHECK(late.next.court_objections[0].after_window);
    CHECK(late.warnings.size() == 1);
    CHECK(find_intent(late, intent_kind::meet, "court_objection:applicant") != nullptr);
  }

  TEST_CASE("record_court_decision and record_compliance") {
    const auto co = court_objection_case();
    CHECK(has_error(apply(co, cmd::record_court_decision{t_action, ""}, ctx_at()), "result"));
    CHECK(has_error(apply(co, cmd::record_court_decision{at("2024-03-19T10:00:00+07:00"), "x"}, ctx_at()), "decided_at"));
    // The first-instance decision is not final (T27): cassation windows open; the Mahkamah Agung's is.
    const auto first = step(co, cmd::record_court_decision{at("2024-03-22T10:00:00+07:00"), "Keberatan ditolak"});
    CHECK(first.state == dispute_state::court_objection);
    CHECK_FALSE(first.final_on);
    const auto cassation = step(first, cmd::record_court_objection{party::respondent, at("2024-03-25T10:00:00+07:00"),
                                                                   "", "", court_instance::cassation});
    const auto fin = step(cassation, cmd::record_court_decision{at("2024-04-05T10:00:00+07:00"), "Menolak kasasi",
                                                                court_instance::cassation});
    CHECK(fin.final_on == day("2024-04-05"));

    CHECK(has_error(apply(fin, cmd::record_compliance{true, t_action, ""}, ctx_at()), "evidence"));
    CHECK(has_error(apply(fin, cmd::record_compliance{true, at("2024-04-04T10:00:00+07:00"), "x"}, ctx_at()), "recorded_at"));
    const auto done = apply(fin, cmd::record_compliance{true, t_action, "Berita acara serah terima"}, ctx_at());
    REQUIRE(done.ok());
    CHECK(done.next.closed->reason == "complied");
    CHECK(find_intent(done, intent_kind::meet, "compliance:1") != nullptr);
    CHECK(find_intent(done, intent_kind::meet, "compliance:2") == nullptr);  // that order had no period
    const auto not_done = apply(fin, cmd::record_compliance{false, t_action, ""}, ctx_at());
    REQUIRE(not_done.ok());
    CHECK(not_done.next.closed->reason == "not_complied");
    CHECK(find_intent(not_done, intent_kind::meet, "compliance:1") == nullptr);
  }

  TEST_CASE("events carry the action and a JSON payload") {
    const auto r = apply(adjudication_case(), granted_decision(), ctx_at());
    REQUIRE(r.ok());
    CHECK(r.event.action == dispute_action::decide);
    CHECK(r.event.payload_json ==
          R"({"outcome":"granted","decision_number":"001/KIP-PSIP-A/II/2024","read_at":"2024-03-12T14:00:00+07:00",)"
          R"("orders":[{"text":"Memberikan salinan DPT dalam format CSV","due_days":10},{"text":"Mengumumkan putusan","due_days":null}]})");
    const auto q = apply(registered_case(), cmd::withdraw{"kata \"dicabut\"\n", t_action}, ctx_at());
    CHECK(q.event.payload_json.find(R"("reason":"kata \"dicabut\"\n")") != std::string::npos);
  }

  TEST_CASE("vocabulary round-trips in snake_case") {
    for (auto s : all_states) CHECK(parse_dispute_state(to_string(s)) == s);
    for (auto o : all_outcomes) CHECK(parse_dispute_outcome(to_string(o)) == o);
    for (auto k : all_hearing_kinds) CHECK(parse_hearing_kind(to_string(k)) == k);
    for (auto x : all_actions) CHECK(parse_dispute_action(to_string(x)) == x);
    for (auto g : all_grounds) CHECK(parse_dispute_ground(to_string(g)) == g);
    for (auto x : all_attachments) CHECK(parse_attachment(to_string(x)) == x);
    CHECK(to_string(dispute_action::register_dispute) == "register");
    CHECK(to_string(dispute_state::final) == "final");
    CHECK_FALSE(parse_dispute_state("Final").has_value());
    CHECK_FALSE(parse_dispute_ground("h").has_value());
  }
}
