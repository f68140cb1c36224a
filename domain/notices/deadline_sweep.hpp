#pragma once
// The deadline sweep's decisions (issue 16, docs/operations.md "Notices", "Deadline sweep"): when a
// running clock's day has ended in its organisation's time zone (the missed-deadline event), when the
// party whose move it is hears a reminder, and when an organisation's daily digest goes out. Pure:
// `now`, the organisation's offset and office hours, and its working calendar are inputs; the server's
// sweep (server/notices/deadline_sweep.cpp) asks these questions of every open clock.

#include "domain/calendar/working_calendar.hpp"
#include "domain/deadline_record.hpp"
#include "domain/notices/notice.hpp"
#include "domain/org/organisation.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::notices {

/// What the sweep records once per (case, clock, due date): the missed-deadline event, the reminder
/// before the due date, the reminder on the morning after a missed one; and once per (organisation,
/// local day) the digest. A moved due date is a new due date, so it is reminded again.
enum class sweep_kind { missed, reminder, missed_reminder, digest };

std::string_view to_string(sweep_kind kind);

/// The organisation's facts the sweep needs: where its day starts and ends.
struct sweep_office {
  int utc_offset_minutes = 7 * 60;
  office_hours hours;
};

/// The clock's due day has ended where its organisation is: its local date at `now` is after `due`
/// (the same rule as the clock's `missed` status, domain/deadline/status.hpp, seen at midnight).
bool day_ended(civil_date due, instant now, const sweep_office& office);

/// The organisation's office has opened today (local time at or after office_hours.open_minute):
/// reminders and digests arrive in the morning, never at midnight.
bool office_open_reached(instant now, const sweep_office& office);

/// A reminder is due when the office has opened and the due date is at most `remind_days` working days
/// ahead (working_days_between(today, due) in [0, remind_days]; 0 is the due day itself).
bool reminder_due(civil_date due, int remind_days, instant now, const sweep_office& office,
                  const working_calendar& calendar);

/// The reminder on the morning a deadline is missed: its day has ended and the office has opened.
bool missed_reminder_due(civil_date due, instant now, const sweep_office& office);

/// Whose move a clock waits for: the applicant (filing an objection, a dispute, a court objection of
/// their own) or the organisation the clock is counted for (everything else).
enum class mover { applicant, organisation };
mover mover_of(std::string_view period_key);

/// The reminders of one clock (kind reminder or missed_reminder) to the party whose move it is: the
/// applicant by email (when known and not opted out); the organisation by its webhooks and, when it has
/// one, its own address (`organisation_email`, the letterhead's). Webhook notices carry an empty
/// recipient (the outbox writes one per endpoint).
std::vector<notice> reminders_for(sweep_kind kind, const deadline_record& clock, const case_facts& facts,
                                  const std::optional<std::string>& organisation_email);

/// One line of an organisation's digest: a running clock of one of its cases.
struct digest_item {
  deadline_record clock;
  std::string number;  // the case number people see; may be empty
};

/// Who hears an organisation's digest: its webhooks, its own address, and its staff's addresses.
struct digest_audience {
  bool has_webhooks = false;
  std::optional<std::string> organisation_email;
  std::vector<std::string> staff_emails;
};

/// The daily digest of an organisation: what is due (today up to `horizon`) and overdue, earliest
/// first; nothing when nothing is. One email per address (the organisation's, then each staff member's
/// not already written to), and one webhook notice (recipient empty: the outbox writes one per endpoint).
std::vector<notice> digest_for(const std::string& organisation_name, civil_date today,
                               const std::vector<digest_item>& items, const digest_audience& audience,
                               const std::string& organisation);

}  // namespace perkara::domain::notices
