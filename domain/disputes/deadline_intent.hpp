#pragma once
// Deadline intents: what a transition asks the application layer to do with the case's statutory
// clocks (deadline_record). Data only; the application layer looks up the period in the rule set in
// force, computes `due` with the working-day calendar and stores or closes the record.

#include "domain/cases/clocks.hpp"

#include <map>
#include <optional>
#include <string>

namespace perkara::domain::disputes {

/// The case engine's clock operations and intents (domain/cases/clocks.hpp). Disputes do not extend;
/// a meet or stop carries the day of the act, a start its event's instant, and a compliance order's
/// clock its own fixed `days`.
using intent_kind = cases::clock_op;
using deadline_intent = cases::clock_intent;

/// The steps of the dispute workflow that move clocks: actions, or what an action establishes (a party
/// served, both served, a receipt recorded later), and the states a case reaches (closed, final).
enum class clock_step {
  completion_requested,    // the KI notified what the file lacks (request_completion)
  completed,               // the applicant completed the file (complete)
  registered,              // registered (register_dispute)
  registration_rejected,   // not registered (reject_registration)
  examination_opened,      // the preliminary examination opened (the KI started the case)
  decided,                 // the KI's decision was read (decide)
  copy_served,             // a party was served the decision copy (serve_copy, in state decided)
  both_served,             // both parties have been served
  copy_received,           // a party's receipt of the copy, recorded later (record_delivery)
  court_objection_filed,   // a party objected at the PTUN / PN (record_court_objection)
  cassation_filed,         // a party filed a cassation (record_court_objection, cassation)
  first_instance_decided,  // the first-instance court decided (record_court_decision), for each party
  court_decision_received, // a party's receipt of that decision, recorded later (record_delivery)
  ended_before_decision,   // withdrawn or lapsed (withdraw, lapse)
  closed,                  // the case reached state closed: nothing more is awaited of it
  final,                   // the decision became final: the court windows no longer matter
};

/// One line of the clock table: on `step`, do `op` on clock `clock` (per party: "court_objection" is
/// the record "court_objection:applicant" or ":respondent"). A start counts the rule-set period named
/// like the clock from the event the rule set names as its start_event (data/rulesets.csv), among
/// those the step establishes; from `usual_event` when the rule set names none (docs/deadlines.md §5).
/// An optional period is started only when the rule set has it (ki_start exists under general only).
struct clock_rule {
  clock_step step;
  intent_kind op;
  std::string_view clock;
  bool per_party = false;
  std::string_view usual_event = {};
  bool optional_period = false;
  std::string_view source = {};  // the legal source of the row (docs/legal-sources.md)
};

// The dispute's clocks (docs/dispute-workflow.md, docs/deadlines.md). Rows of one step in the order
// they apply. A compliance order's clock (compliance:<n>) has the order's own period, so it is not here:
// `become_final` starts one per order with due_days, and record_compliance meets them.
// clang-format off
inline constexpr clock_rule clock_table[] = {
  // step                              op                  clock                      per party  usual event                 optional  source
  {clock_step::completion_requested,  intent_kind::meet,  "registration_check",      false, {},                          false, "T09: the KI notified what is missing (PERKI 1/2013 Pasal 17)"},
  {clock_step::completion_requested,  intent_kind::start, "registration_completion", false, "completion_requested",    true,  "T09 T10"},
  {clock_step::completed,             intent_kind::meet,  "registration_completion", false, {},                          false, "T10"},
  {clock_step::registered,            intent_kind::meet,  "registration_check",      false, {},                          false, "T11"},
  {clock_step::registered,            intent_kind::start, "ki_completion",           false, "dispute_registered",      false, "T11 T19 T20: the rule set names its start event"},
  {clock_step::registered,            intent_kind::start, "ki_start",                false, "dispute_received",        true,  "T12: general rule set only"},
  {clock_step::registration_rejected, intent_kind::meet,  "registration_check",      false, {},                          false, "T10"},
  {clock_step::registration_rejected, intent_kind::meet,  "registration_completion", false, {},                          false, "T10"},
  {clock_step::examination_opened,    intent_kind::meet,  "ki_start",                false, {},                          false, "T12"},
  {clock_step::decided,               intent_kind::meet,  "ki_completion",           false, {},                          false, "T13 T15 T19 T20"},
  {clock_step::decided,               intent_kind::start, "decision_copy",           false, "decision_read",           false, "T24"},
  {clock_step::copy_served,           intent_kind::start, "court_objection",         true,  "decision_copy_received",  false, "T25: from the party's receipt of the copy, recorded or presumed"},
  {clock_step::both_served,           intent_kind::meet,  "decision_copy",           false, {},                          false, "T24"},
  {clock_step::copy_received,         intent_kind::stop,  "court_objection",         true,  {},                          false, "T25: the window runs from the party's receipt"},
  {clock_step::copy_received,         intent_kind::start, "court_objection",         true,  "decision_copy_received",  false, "T25"},
  {clock_step::court_objection_filed, intent_kind::meet,  "court_objection",         true,  {},                          false, "T25"},
  {clock_step::cassation_filed,       intent_kind::meet,  "cassation",               true,  {},                          false, "T27"},
  {clock_step::first_instance_decided, intent_kind::stop, "court_objection",         true,  {},                          false, "T27: a party that did not object no longer can"},
  {clock_step::first_instance_decided, intent_kind::start, "cassation",              true,  "court_decision_received", true,  "T27: from the party's receipt of the court's decision"},
  {clock_step::court_decision_received, intent_kind::stop, "cassation",              true,  {},                          false, "T27: the window runs from the party's receipt"},
  {clock_step::court_decision_received, intent_kind::start, "cassation",             true,  "court_decision_received", true,  "T27"},
  {clock_step::ended_before_decision, intent_kind::meet,  "registration_check",      false, {},                          false, "T21 T22"},
  {clock_step::ended_before_decision, intent_kind::meet,  "registration_completion", false, {},                          false, "T21 T22"},
  {clock_step::ended_before_decision, intent_kind::meet,  "ki_start",                false, {},                          false, "T21 T22"},
  {clock_step::ended_before_decision, intent_kind::meet,  "ki_completion",           false, {},                          false, "T21 T22"},
  {clock_step::closed,                intent_kind::stop,  cases::all_clocks,         false, {},                          false, "T10 T21 T22 T28: nothing more is awaited of a closed case"},
  {clock_step::final,                 intent_kind::stop,  "court_objection",         true,  {},                          false, "T26 T27: final; the windows no longer matter"},
  {clock_step::final,                 intent_kind::stop,  "cassation",               true,  {},                          false, "T27: final; the windows no longer matter"},
};
// clang-format on

/// Due dates of the case's deadline records, by record key (as stored; open or met).
using due_map = std::map<std::string, civil_date, std::less<>>;

}  // namespace perkara::domain::disputes
