#pragma once
// Who hears what among the staff (issue 16, docs/operations.md "Notices"): the party whose move it is.
// Pure: from the event, the case's facts (its organisations' users, a dispute's panel) and its open
// clocks, the staff members to email. Preferences are per user and per notice kind.

#include "domain/deadline_record.hpp"
#include "domain/notices/notice.hpp"

#include <array>
#include <string_view>
#include <vector>

namespace perkara::domain::notices {

/// The notice kinds a user can turn off: each event of a case, hearing summonses, reminders before a
/// due date, the missed-deadline notice, and the daily digest.
inline constexpr std::array<std::string_view, 5> preference_kinds{"event", "hearing", "reminder", "deadline_missed",
                                                                  "digest"};

bool is_preference_kind(std::string_view kind);

/// The preference an event's notice is checked against: a hearing summons is "hearing", a missed
/// deadline "deadline_missed", every other event "event".
std::string_view preference_kind_of(const case_event& event);

/// The staff to email about `event`, each address once, in the order of `facts.staff`:
/// - a request: the respondent body's PPID officers; its PPID superior (atasan PPID) too when an
///   objection is filed or answered or the superior's clock runs;
/// - a dispute: the KI's registrars, the commissioners of its panel, and the respondent body's PPID
///   officers and superior (the respondent party).
/// Users without an address, users who turned the kind off, and the applicant's own address are left out.
std::vector<staff_member> staff_recipients(const case_event& event, const case_facts& facts,
                                           const std::vector<deadline_record>& open_clocks);

}  // namespace perkara::domain::notices
