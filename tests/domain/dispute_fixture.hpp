#pragma once
// Shared builders for the dispute tests: a valid application, a simple Mon-Fri calendar, and cases
// driven into each state through the state machine itself.

#include "domain/disputes/intake.hpp"
#include "domain/disputes/transitions.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace dispute_fixture {

using namespace perkara::domain;
using namespace perkara::domain::disputes;

// .value() rather than REQUIRE: these also run during static initialisation, outside any test.
inline offset_instant at(std::string_view rfc3339) { return parse_rfc3339(rfc3339).value(); }

inline civil_date day(std::string_view iso) { return parse_iso_date(iso).value(); }

/// Working days Mon-Fri, no holidays; `start` is day 0.
inline civil_date add_working_days(civil_date start, int n) {
  auto d = start;
  while (n > 0) {
    d = add_days(d, 1);
    if (!is_weekend(d)) --n;
  }
  return d;
}

/// The test calculator: atasan_response 3 HK, dispute_filing 14 HK (Appendix A perki_1_2019 / fallback).
inline civil_date test_due_of(std::string_view key, civil_date start) {
  return add_working_days(start, key == "atasan_response" ? 3 : 14);
}

inline const offset_instant now_default = at("2024-04-10T12:00:00+07:00");
inline const offset_instant t_action = at("2024-04-09T10:00:00+07:00");  // used by sample commands

inline new_dispute valid_input() {
  new_dispute in;
  in.chronology = chronology{day("2024-02-01"), day("2024-02-06"), day("2024-02-07"), day("2024-02-12")};
  in.applicant = applicant{applicant_kind::individual, "Budi Santoso", "3171234567890001", "Jl. Merdeka No. 1, Jakarta",
                           "budi@example.org", "+62 812 0000 1111"};
  in.respondent = "kpu-ri";
  in.information_requested = "Salinan data DPT Pemilu 2024 format CSV";
  in.reasons = "PPID tidak memberikan informasi sebagaimana diminta";
  in.grounds = {dispute_ground::d};
  in.petitum = {"Menyatakan informasi yang dimohon terbuka", "Memerintahkan Termohon memberikan informasi"};
  in.submitted_at = at("2024-02-20T10:00:00+07:00");
  in.ruleset = "perki_1_2019";
  in.attachments = {attachment::request_letter,   attachment::request_receipt,   attachment::ppid_response,
                    attachment::objection_letter, attachment::objection_receipt, attachment::atasan_response,
                    attachment::identity_document};
  return in;
}

inline dispute open_case(const new_dispute& in = valid_input()) {
  REQUIRE(validate_new_dispute(in, now_default).empty());
  opening_context ctx;
  ctx.id = "d1";
  ctx.competent_ki = "ki-pusat";
  ctx.due_of = test_due_of;
  return open_dispute(in, ctx);
}

inline transition_context ctx_at(offset_instant now = now_default, due_map due = {}) {
  transition_context c;
  c.now = now;
  c.due = std::move(due);
  return c;
}

/// Applies and requires success.
inline dispute step(const dispute& d, const command& c, const transition_context& ctx = ctx_at()) {
  const auto r = apply(d, c, ctx);
  std::string why = r.detail;
  for (const auto& e : r.errors) why += "; " + e.field + ": " + e.message;
  INFO("action ", to_string(action_of(c)), " from ", to_string(d.state), ": ", why);
  REQUIRE(r.ok());
  return r.next;
}

inline dispute registered_case(const new_dispute& in = valid_input()) {
  return step(open_case(in), cmd::register_dispute{at("2024-02-26T09:00:00+07:00"), "001/KIP-PSIP/II/2024", 1, {}, {}});
}

inline dispute preliminary_case(const new_dispute& in = valid_input()) {
  return step(registered_case(in), cmd::open_preliminary_examination{at("2024-02-28T09:00:00+07:00")});
}

inline dispute mediation_case() {
  return step(preliminary_case(), cmd::start_mediation{"kom.andi", at("2024-03-01T09:00:00+07:00"), false});
}

inline dispute adjudication_case(const new_dispute& in = valid_input()) {
  return step(preliminary_case(in), cmd::start_adjudication{at("2024-03-01T09:00:00+07:00")});
}

inline cmd::decide granted_decision() {
  return cmd::decide{dispute_outcome::granted, "001/KIP-PSIP-A/II/2024", at("2024-03-12T14:00:00+07:00"),
                     {order{"Memberikan salinan DPT dalam format CSV", 10}, order{"Mengumumkan putusan", std::nullopt}}};
}

inline dispute decided_case() { return step(adjudication_case(), granted_decision()); }

inline dispute served_case() {
  auto d = step(decided_case(), cmd::serve_copy{party::applicant, at("2024-03-13T10:00:00+07:00")});
  return step(d, cmd::serve_copy{party::respondent, at("2024-03-13T11:00:00+07:00")});
}

/// Windows due 2024-04-02 for both parties: passed on 2024-04-10.
inline due_map passed_windows() {
  return {{"court_objection:applicant", day("2024-04-02")}, {"court_objection:respondent", day("2024-04-02")}};
}

inline due_map open_windows() {
  return {{"court_objection:applicant", day("2024-04-20")}, {"court_objection:respondent", day("2024-04-20")}};
}

inline dispute court_objection_case() {
  return step(served_case(), cmd::record_court_objection{party::respondent, at("2024-03-20T10:00:00+07:00"),
                                                         "PTUN Jakarta", "12/G/KI/2024/PTUN.JKT"},
              ctx_at(now_default, open_windows()));
}

/// Both parties objected to the first-instance court.
inline dispute both_objected_case() {
  return step(court_objection_case(), cmd::record_court_objection{party::applicant, at("2024-03-21T10:00:00+07:00"),
                                                                  "PTUN Jakarta", "12/G/KI/2024/PTUN.JKT"},
              ctx_at(now_default, open_windows()));
}

/// The PTUN decided on 2024-03-27 (nobody has sought cassation yet).
inline dispute court_decided_case() {
  return step(court_objection_case(), cmd::record_court_decision{at("2024-03-27T10:00:00+07:00"), "Menolak keberatan"});
}

/// Cassation windows: 14 days from the PTUN decision, open or passed on 2024-04-10.
inline due_map open_cassation_windows() {
  return {{"cassation:applicant", day("2024-04-10")}, {"cassation:respondent", day("2024-04-10")}};
}
inline due_map passed_cassation_windows() {
  return {{"cassation:applicant", day("2024-04-08")}, {"cassation:respondent", day("2024-04-09")}};
}

/// The respondent sought cassation at the Mahkamah Agung on 2024-04-03.
inline dispute cassation_case() {
  return step(court_decided_case(), cmd::record_court_objection{party::respondent, at("2024-04-03T10:00:00+07:00"), "",
                                                                "", court_instance::cassation},
              ctx_at(now_default, open_cassation_windows()));
}

inline dispute final_case() { return step(served_case(), cmd::mark_final{}, ctx_at(now_default, passed_windows())); }

inline dispute closed_case() { return step(open_case(), cmd::withdraw{"Pemohon mencabut permohonan", t_action}); }

}  // namespace dispute_fixture
