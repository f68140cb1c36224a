#pragma once
// Receiving a dispute application (permohonan penyelesaian sengketa informasi): validation of the input
// of `POST /api/v1/disputes` and construction of the aggregate in state `submitted`.

#include "domain/disputes/deadline_intent.hpp"
#include "domain/disputes/dispute.hpp"
#include "domain/disputes/timeliness.hpp"
#include "domain/errors.hpp"

#include <string>
#include <vector>

namespace perkara::domain::disputes {

/// Field errors with JSON paths ("chronology.objection_date", "applicant.name", "petitum[1]", ...):
/// exactly one of request_id / chronology; chronology dates in order, not in the future and not after
/// submission; grounds non-empty, a-g without duplicates; applicant name and one contact channel;
/// representative name; respondent, information requested, petitum items non-empty; submitted_at not in
/// the future. The rule set is the caller's decision (decide_track). `now` carries the KI's UTC offset (its local date
/// is "today").
field_errors validate_new_dispute(const new_dispute& input, offset_instant now);

struct opening_context {
  std::string id;            // assigned by storage
  std::string competent_ki;  // derived by the caller from the respondent (§1.4)
  /// The chronology of the tracked request when input.request_id is set (the caller reads it from the
  /// request); used for the timeliness assessment only.
  std::optional<chronology> tracked_chronology;
  due_of_fn due_of;  // the deadline calculator with the rule set in force
  int utc_offset_minutes = 7 * 60;  // the KI's offset: its local date of submitted_at is the filing date
  std::optional<dispute_track> track{};  // decide_track's answer (input.ruleset is its rule set)
};

/// The clocks a new application starts: `registration_check` (the KI's time to check the file and
/// notify what is missing; PERKI 1/2013 Pasal 17, secondary) from the application's receipt, when the
/// rule set has that period (an optional period: docs/deadlines.md §5 "Registration completeness").
std::vector<deadline_intent> opening_intents(const dispute& d, const ruleset* rules);

/// The new aggregate in state `submitted`, version 1: ki = input.ki or the competent KI,
/// jurisdiction_flag when they differ, completeness.present = input.attachments, filing assessment.
/// Precondition: validate_new_dispute(input, ...) returned no errors.
dispute open_dispute(const new_dispute& input, const opening_context& context);

/// The "submit" event's payload (never personal data): where the application went and whether that KI
/// is competent, its track and why, whether it was filed in time, the tracked request, and the file as
/// it came in (complete, or what it lacked), so the timeline can say so.
std::string submission_payload(const dispute& d, const dispute_track& track);

/// Advisory warnings on a new application: filed with a KI other than the competent one (§1.4).
std::vector<std::string> submission_warnings(const dispute& d);

}  // namespace perkara::domain::disputes
