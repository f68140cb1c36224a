#pragma once
// Which statutory clocks a PPID workflow step starts, extends, meets or stops. The domain does not
// compute dates here (that is the working-day calculator's job, in the application layer): it says
// *what* should happen to which clock and from which anchor, and the application layer turns each
// intent into a deadline_record (deadline_record.hpp) using the request's rule set and calendar.
//
// Applying intents (contract for the application layer, api/cases/case_support clock_book::apply), in
// the order given:
//  - start:  open a clock `key` whose length is the rule-set period `period`, counted from `at`.
//            Idempotent: if an open clock with that key already exists, leave it as it is.
//  - extend: add `days` (the rule-set period `period`, normally ppid_extension) to the open clock
//            `key`; without `days` the caller resolves it from `period` itself.
//  - meet:   the act was done; set met_on = the local date of `at` on the open clock `key`.
//            Meeting a clock that is not open is a no-op.
//  - stop:   close the open clock `key` without meeting it (it keeps `missed` if already past due);
//            key "*" means every open clock of this request. Stopping a missing clock is a no-op.

#include "domain/cases/clocks.hpp"
#include "domain/requests/information_request.hpp"
#include "domain/rules/ruleset.hpp"
#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

/// The case engine's clock operations (domain/cases/clocks.hpp).
using deadline_op = cases::clock_op;

/// Workflow steps that move clocks: the actions, plus the two silences (a period ran out unanswered).
enum class intent_step {
  create,                     // the request was registered
  extend,                     // PPID used its one extension
  respond,                    // PPID answered
  response_deadline_passed,   // silence: ppid_response due date passed with no answer
  file_objection,             // objection after an answer
  file_objection_unanswered,  // objection on the ground "not answered" after the response deadline
  answer_objection,           // atasan PPID answered the objection
  atasan_deadline_passed,     // silence: atasan_response due date passed with no answer
  response_delivered,         // the applicant's receipt of the PPID's answer was recorded afterwards
  answer_delivered,           // the applicant's receipt of the atasan's answer was recorded afterwards
  close,                      // closed (applicant satisfied, withdrawn, ...)
  mark_disputed               // a dispute at the KI references this request
};
std::string_view to_string(intent_step step);

/// Where an intent's anchor comes from.
enum class anchor_from {
  received_at,             // the request's received_at
  act_time,                // the instant of the act (responded_at, objection received_at, answered_at, ...)
  receipt_time,            // the applicant's receipt of the answer (delivered_at), else the act (presumption)
  day_after_response_due,  // the civil date after the ppid_response due date
  day_after_atasan_due     // the civil date after the atasan_response due date
};

/// One line of the table below: on `step`, do `op` on clock `key` (length from rule-set period `period`).
struct intent_rule {
  intent_step step;
  deadline_op op;
  std::string_view key;
  std::string_view period;  // rule-set period supplying the length ("" for meet/stop)
  anchor_from anchor;
  std::string_view source;  // legal source (docs/legal-sources.md transition + Pasal)
};

// The table (Appendix A keys). Silence readings: a period that runs out unanswered gives rise to the
// next step's ground on the day after its due date, so the next clock counts from that day (day 0).
// Under PERKI 1/2019 objection_filing and dispute_filing are UNVERIFIED (Q2, Q3): the rule set
// supplies the fallback (30 / 14 HK from UU 14/2008) and timeliness is only recorded, never enforced.
// clang-format off
inline constexpr intent_rule intent_table[] = {
  {intent_step::create, deadline_op::start, "ppid_response", "ppid_response", anchor_from::received_at,
   "T01-T02; PERKI 1/2019 Pasal 11-12 (secondary): 3 HK; general UU 14/2008 Pasal 22(7): 10 HK"},
  {intent_step::extend, deadline_op::extend, "ppid_response", "ppid_extension", anchor_from::act_time,
   "T02; PERKI 1/2019 Pasal 12 (secondary): +2 HK once; general UU 14/2008 Pasal 22(8): +7 HK"},
  // An extension dated within the period but entered after its due date: the silence it prevented
  // never arose (docs/deadlines.md §5 "The act's date").
  {intent_step::extend, deadline_op::stop, "objection_filing", "", anchor_from::act_time,
   "T02: the extension was notified within the response period, so there was no silence"},
  {intent_step::respond, deadline_op::meet, "ppid_response", "", anchor_from::act_time,
   "T02; PERKI 1/2019 Pasal 12 (secondary)"},
  // A late answer supersedes a silence clock: the applicant gets the later (more generous) window.
  {intent_step::respond, deadline_op::stop, "objection_filing", "", anchor_from::act_time,
   "T05; UU 14/2008 Pasal 36(1): 30 HK after the ground arises"},
  {intent_step::respond, deadline_op::start, "objection_filing", "objection_filing", anchor_from::receipt_time,
   "T05; PERKI 1/2019 Pasal 13 (secondary), window UNVERIFIED (Q2); UU 14/2008 Pasal 36(1)"},
  // A receipt recorded later restarts the window from it (docs/deadlines.md §5 "Receipt facts").
  {intent_step::response_delivered, deadline_op::stop, "objection_filing", "", anchor_from::receipt_time,
   "T05; UU 14/2008 Pasal 36(1): the window runs from the applicant's receipt"},
  {intent_step::response_delivered, deadline_op::start, "objection_filing", "objection_filing", anchor_from::receipt_time,
   "T05; UU 14/2008 Pasal 36(1)"},
  {intent_step::response_deadline_passed, deadline_op::start, "objection_filing", "objection_filing",
   anchor_from::day_after_response_due,
   "T03; UU 14/2008 Pasal 35(1) huruf c (not answered), Pasal 36(1); timing UNVERIFIED"},
  {intent_step::file_objection, deadline_op::meet, "objection_filing", "", anchor_from::act_time,
   "T05; PERKI 1/2019 Pasal 13 (secondary)"},
  {intent_step::file_objection, deadline_op::start, "atasan_response", "atasan_response", anchor_from::act_time,
   "T06; PERKI 1/2019 Pasal 14 (secondary): 3 HK; general UU 14/2008 Pasal 36(2): 30 HK"},
  {intent_step::file_objection_unanswered, deadline_op::stop, "ppid_response", "", anchor_from::act_time,
   "T03; the unanswered request is superseded by the objection (stays missed)"},
  {intent_step::file_objection_unanswered, deadline_op::start, "objection_filing", "objection_filing",
   anchor_from::day_after_response_due, "T03; UU 14/2008 Pasal 35(1) huruf c, Pasal 36(1)"},
  {intent_step::file_objection_unanswered, deadline_op::meet, "objection_filing", "", anchor_from::act_time,
   "T03; PERKI 1/2019 Pasal 13 (secondary)"},
  {intent_step::file_objection_unanswered, deadline_op::start, "atasan_response", "atasan_response",
   anchor_from::act_time, "T06; PERKI 1/2019 Pasal 14 (secondary): 3 HK; general UU 14/2008 Pasal 36(2)"},
  {intent_step::answer_objection, deadline_op::meet, "atasan_response", "", anchor_from::act_time,
   "T06; PERKI 1/2019 Pasal 14 (secondary)"},
  {intent_step::answer_objection, deadline_op::stop, "dispute_filing", "", anchor_from::act_time,
   "T08; a late atasan answer supersedes the silence clock"},
  {intent_step::answer_objection, deadline_op::start, "dispute_filing", "dispute_filing", anchor_from::receipt_time,
   "T08; window UNVERIFIED (Q3); UU 14/2008 Pasal 37(2): 14 HK after the answer is received"},
  {intent_step::answer_delivered, deadline_op::stop, "dispute_filing", "", anchor_from::receipt_time,
   "T08; UU 14/2008 Pasal 37(2): the window runs from the applicant's receipt"},
  {intent_step::answer_delivered, deadline_op::start, "dispute_filing", "dispute_filing", anchor_from::receipt_time,
   "T08; UU 14/2008 Pasal 37(2)"},
  {intent_step::atasan_deadline_passed, deadline_op::start, "dispute_filing", "dispute_filing",
   anchor_from::day_after_atasan_due, "T08; UU 14/2008 Pasal 37(2): 14 HK after the atasan period lapses"},
  {intent_step::close, deadline_op::stop, cases::all_clocks, "", anchor_from::act_time,
   "T04/T07: closed; the application layer closes every open clock of the request"},
  {intent_step::mark_disputed, deadline_op::meet, "dispute_filing", "", anchor_from::act_time,
   "T08: the applicant went to the KI"},
  {intent_step::mark_disputed, deadline_op::stop, cases::all_clocks, "", anchor_from::act_time,
   "T08: the KI's clocks live on the dispute case; the request's open clocks close"},
};
// clang-format on

/// One clock operation of a step (domain/cases/clocks.hpp). An extend's `days` is resolved from the
/// rule set when known, else the application layer resolves it from `period`.
using deadline_intent = cases::clock_intent;

/// The anchors a step may need; only those its rules use must be set.
struct intent_anchors {
  std::optional<instant> received_at;
  std::optional<instant> act_time;
  std::optional<instant> receipt_time{};   // for receipt_time; falls back to act_time (the presumption)
  std::optional<civil_date> response_due;  // for day_after_response_due
  std::optional<civil_date> atasan_due;    // for day_after_atasan_due

  static intent_anchors at_received(instant t) { intent_anchors a; a.received_at = t; return a; }
  static intent_anchors at_act(instant t, std::optional<civil_date> response_due_date = std::nullopt) {
    intent_anchors a;
    a.act_time = t;
    a.response_due = response_due_date;
    return a;
  }
  static intent_anchors at_receipt(instant act, std::optional<instant> receipt) {
    intent_anchors a;
    a.act_time = act;
    a.receipt_time = receipt;
    return a;
  }
  static intent_anchors after_response_due(civil_date due) { intent_anchors a; a.response_due = due; return a; }
  static intent_anchors after_atasan_due(civil_date due) { intent_anchors a; a.atasan_due = due; return a; }
};

/// The intents of one step, in table order. `rules` (optional) resolves the `days` of extend intents
/// from its period (`ppid_extension`); a missing anchor drops that intent (never happens when the
/// transitions call it).
std::vector<deadline_intent> intents_for(intent_step step, const intent_anchors& anchors,
                                         const ruleset* rules = nullptr);

/// The per-request due dates the application layer computed from the deadline records (open or met).
struct request_due_dates {
  std::optional<civil_date> ppid_response;  // including any extension
  std::optional<civil_date> objection_filing;
  std::optional<civil_date> atasan_response;
  std::optional<civil_date> dispute_filing;
};

/// Timer intents: silences that `today` (respondent's local date) has reached. For received/extended
/// past the ppid_response due date → response_deadline_passed; for objected past the atasan_response due
/// date → atasan_deadline_passed. The application layer runs this on a sweep or on read; `start` is
/// idempotent so running it twice is harmless.
std::vector<deadline_intent> timer_intents(const information_request& request, const request_due_dates& due,
                                           civil_date today);

}  // namespace perkara::domain
