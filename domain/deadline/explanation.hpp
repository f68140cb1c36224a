#pragma once
// What the deadline calculator answers: the due date and every input and step that produced it, so a
// registrar (or a court) can check the count by hand. The api layer serialises these structs
// (docs/deadlines.md §1: skipped days as {"date","reason","name"}).

#include "domain/calendar/working_calendar.hpp"
#include "domain/rules/ruleset.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

/// Why day 0 is the date it is (docs/deadlines.md §1, rules 1-2).
enum class deemed_reason {
  on_time,             // received on a working day before office closing: day 0 = receipt date
  after_office_hours,  // received at or after closing time: day 0 = next working day
  non_working_day,     // received on a weekend or holiday: day 0 = next working day
};

/// Where the number of days came from.
enum class value_origin {
  statutory,  // the period's statutory value (ruleset period.value)
  fallback,   // the statutory value is unknown; the rule set's fallback was used (docs/legal-sources.md §7)
  caller,     // raw days given by the caller (the public calculator), no rule set involved
};

std::string_view to_string(deemed_reason reason);
std::string_view to_string(value_origin origin);

/// One non-working day, with its reason and holiday names (names empty for a plain weekend).
struct skipped_day {
  civil_date date{};
  closure_reason reason = closure_reason::weekend;
  std::string_view name_id;
  std::string_view name_en;
};

/// Holiday names and rule-set texts are views into the working_calendar and ruleset the deadline was
/// computed with (immutable reference data), so computing one allocates at most the skipped list. Read an
/// explanation while both live: the api layer keeps them in its clock_context (calendars in shared_ptr)
/// for the whole request. period_key is owned, since the api layer renames it ("court_objection:applicant").
struct deadline_explanation {
  // User-provided (not = default), so that std::variant's in-place value-initialisation does not zero the
  // whole object before the member initialisers run.
  deadline_explanation() {}  // NOLINT(modernize-use-equals-default)

  // The period counted. For raw days (value_origin::caller) the rule-set fields are empty / 0 / nullopt.
  std::string_view ruleset;                     // rule-set name, e.g. "perki_1_2019"
  int ruleset_version = 0;
  std::string period_key;                       // e.g. "ppid_response"
  std::string_view start_event;                 // e.g. "request_received"
  std::string_view legal_source;                // e.g. "PERKI 1/2019 Pasal 12 (secondary)"
  std::optional<confidence> confidence_level;
  value_origin origin = value_origin::caller;
  period_unit unit = period_unit::working_days;
  int days = 0;                                 // the period's own length (statutory, fallback or raw)
  int extension_days = 0;
  int total_days = 0;                           // days + extension_days: the N that was counted

  // Day 0.
  std::optional<instant> received_at;           // absent when the start was a plain date (`from`)
  int utc_offset_minutes = 0;                   // the organisation's offset the receipt date was read in
  civil_date receipt_date{};                    // local date of received_at, or `from`
  civil_date deemed_received{};                 // day 0
  deemed_reason deemed_why = deemed_reason::on_time;
  std::optional<skipped_day> receipt_closure;   // set when deemed_why == non_working_day: why receipt_date was closed

  // The end.
  civil_date due{};                             // the last day on which the act is on time
  std::optional<skipped_day> rolled_from;       // calendar_days only: day N fell on this non-working day, so
                                                // due is the next working day after it (docs/deadlines.md §1, rule 8)
  bool skipped_listed = true;                   // false when the caller asked for no skipped list
  std::vector<skipped_day> skipped;             // non-working days in (day 0, due) that were not counted
};

}  // namespace perkara::domain
