#include "domain/disputes/transitions.hpp"

#include "domain/disputes/access.hpp"
#include "dispute_fixture.hpp"

using namespace dispute_fixture;

namespace {

std::vector<dispute_state> states_of(const std::vector<dispute>& trail) {
  std::vector<dispute_state> out;
  out.reserve(trail.size());
  for (const auto& d : trail) out.push_back(d.state);
  return out;
}

}  // namespace

TEST_SUITE("dispute_flows") {
  TEST_CASE("mediation agreement (T14-T15): final at once, then compliance") {
    std::vector<dispute> t{open_case()};
    t.push_back(step(t.back(), cmd::register_dispute{at("2024-02-26T09:00:00+07:00"), "001/KIP-PSIP/II/2024", 1, {}, {}}));
    t.push_back(step(t.back(), cmd::open_preliminary_examination{at("2024-02-28T09:00:00+07:00")}));
    t.push_back(step(t.back(), cmd::start_mediation{"kom.andi", at("2024-02-28T11:00:00+07:00"), false}));
    t.push_back(step(t.back(), cmd::schedule_hearing{hearing_kind::mediation, at("2024-03-01T09:00:00+07:00"), "Ruang Mediasi", ""}));
    t.push_back(step(t.back(), cmd::decide{dispute_outcome::mediation_agreement, "001/KIP-PSIP-M/II/2024",
                                           at("2024-03-04T15:00:00+07:00"), {order{"Termohon menyerahkan data", 5}}}));
    t.push_back(step(t.back(), cmd::serve_copy{party::applicant, at("2024-03-05T10:00:00+07:00")}));
    t.push_back(step(t.back(), cmd::record_compliance{true, at("2024-03-08T10:00:00+07:00"), "Tanda terima"}));
    CHECK(states_of(t) == std::vector{dispute_state::submitted, dispute_state::registered, dispute_state::preliminary_examination,
                                      dispute_state::mediation, dispute_state::mediation, dispute_state::final,
                                      dispute_state::final, dispute_state::closed});
    CHECK(t.back().outcome == dispute_outcome::mediation_agreement);
    CHECK(t.back().version == 8);
  }

  TEST_CASE("failed mediation, then adjudication granted (T16, T19), final after the windows") {
    auto d = mediation_case();
    d = step(d, cmd::mediation_failed{"Termohon menolak", at("2024-03-04T10:00:00+07:00")});
    CHECK(d.state == dispute_state::adjudication);
    CHECK(d.mediation_failed);
    d = step(d, cmd::schedule_hearing{hearing_kind::evidence, at("2024-03-06T09:00:00+07:00"), "Ruang Sidang", ""});
    d = step(d, cmd::decide{dispute_outcome::granted, "001/KIP-PSIP-M-A/II/2024", at("2024-03-12T14:00:00+07:00"),
                            {order{"Berikan", 10}}});
    d = step(d, cmd::serve_copy{party::applicant, at("2024-03-13T10:00:00+07:00")});
    d = step(d, cmd::serve_copy{party::respondent, at("2024-03-13T10:00:00+07:00")});
    d = step(d, cmd::mark_final{}, ctx_at(now_default, passed_windows()));
    CHECK(d.state == dispute_state::final);
    CHECK(d.outcome == dispute_outcome::granted);
  }

  TEST_CASE("partly granted, the respondent objects to the court (T25), court decides") {
    auto d = step(adjudication_case(), cmd::decide{dispute_outcome::partly_granted, "001/KIP-PSIP-A/II/2024",
                                                   at("2024-03-12T14:00:00+07:00"), {order{"Berikan sebagian", 7}}});
    d = step(d, cmd::serve_copy{party::applicant, at("2024-03-13T10:00:00+07:00")});
    d = step(d, cmd::serve_copy{party::respondent, at("2024-03-14T10:00:00+07:00")});
    const auto r = apply(d, cmd::record_court_objection{party::respondent, at("2024-03-25T10:00:00+07:00"), "PTUN Jakarta", "5/G/KI/2024"},
                         ctx_at(now_default, open_windows()));
    REQUIRE(r.ok());
    CHECK_FALSE(r.next.court_objections.at(0).after_window);
    d = r.next;
    CHECK(d.state == dispute_state::court_objection);
    CHECK(apply(d, cmd::mark_final{}, ctx_at(now_default, passed_windows())).refused == cases::refusal::not_allowed);
    d = step(d, cmd::record_court_decision{at("2024-04-08T10:00:00+07:00"), "Menguatkan putusan KI"});
    CHECK(d.state == dispute_state::court_objection);  // cassation still possible (T27)
    d = step(d, cmd::mark_final{},
             ctx_at(at("2024-04-23T08:00:00+07:00"),
                    {{"cassation:applicant", day("2024-04-22")}, {"cassation:respondent", day("2024-04-22")}}));
    CHECK(d.state == dispute_state::final);
    CHECK(d.final_on == day("2024-04-23"));
    CHECK(d.outcome == dispute_outcome::partly_granted);
    d = step(d, cmd::record_compliance{false, at("2024-05-06T10:00:00+07:00"), ""},
             ctx_at(at("2024-05-06T11:00:00+07:00")));
    CHECK(d.state == dispute_state::closed);
  }

  TEST_CASE("rejected, final after both windows pass (T26)") {
    auto d = step(adjudication_case(), cmd::decide{dispute_outcome::rejected, "001/KIP-PSIP-A/II/2024",
                                                   at("2024-03-12T14:00:00+07:00"), {}});
    d = step(d, cmd::serve_copy{party::applicant, at("2024-03-13T10:00:00+07:00")});
    d = step(d, cmd::serve_copy{party::respondent, at("2024-03-13T10:00:00+07:00")});
    const auto early = ctx_at(at("2024-04-02T16:00:00+07:00"), passed_windows());
    CHECK(apply(d, cmd::mark_final{}, early).refused == cases::refusal::not_allowed);
    const auto r = apply(d, cmd::mark_final{}, ctx_at(at("2024-04-03T08:00:00+07:00"), passed_windows()));
    REQUIRE(r.ok());
    CHECK(r.intents.empty());  // no orders, no compliance clocks
    d = step(r.next, cmd::record_compliance{true, t_action, "Tidak ada amar yang harus dilaksanakan"});
    CHECK(d.state == dispute_state::closed);
    CHECK(d.outcome == dispute_outcome::rejected);
  }

  TEST_CASE("inadmissible at the preliminary examination (T13)") {
    auto d = step(preliminary_case(), cmd::decide{dispute_outcome::inadmissible, "001/KIP-PSIP-A/II/2024",
                                                  at("2024-02-28T15:00:00+07:00"), {}});
    CHECK(d.state == dispute_state::decided);
    CHECK(d.outcome == dispute_outcome::inadmissible);
  }

  TEST_CASE("withdrawal (T21) and lapse (T22)") {
    const auto w = step(mediation_case(), cmd::withdraw{"Pemohon mencabut", at("2024-03-02T09:00:00+07:00")});
    CHECK(w.state == dispute_state::closed);
    CHECK(w.outcome == dispute_outcome::withdrawn);
    const auto l = step(preliminary_case(), cmd::lapse{"Pemohon dua kali tidak hadir", at("2024-03-02T09:00:00+07:00")});
    CHECK(l.outcome == dispute_outcome::lapsed);
    CHECK(possible_actions(l, day("2024-04-10"), {}).empty());
  }

  TEST_CASE("incomplete, completed, registered (T09-T11)") {
    auto in = valid_input();
    in.attachments.pop_back();  // no KTP
    auto d = open_case(in);
    CHECK(apply(d, cmd::register_dispute{t_action, "1", 1, {}, {}}, ctx_at()).refused == cases::refusal::invalid);
    d = step(d, cmd::request_completion{{attachment::identity_document}});
    CHECK(d.state == dispute_state::incomplete);
    d = step(d, cmd::complete{{attachment::identity_document}});
    d = step(d, cmd::register_dispute{t_action, "004/KIP-PSIP/IV/2024", 4, {}, {}});
    CHECK(d.state == dispute_state::registered);
    CHECK(d.register_seq == 4);
    CHECK(d.version == 4);
  }

  TEST_CASE("not registered (T10)") {
    auto d = step(open_case(), cmd::request_completion{{attachment::identity_document}});
    d = step(d, cmd::reject_registration{"Tidak dilengkapi", std::nullopt});
    CHECK(d.outcome == dispute_outcome::not_registered);
    REQUIRE(d.closed.has_value());
    CHECK(d.closed->at.utc == now_default.utc);
  }
}
