#pragma once
// The measures of the PPID and KI reports (issue 18, docs/open-data.md), computed from the facts of the
// record (dates of the acts, the stored clocks' due dates, outcomes), never typed in. Pure: the period,
// `today` and the working calendars are inputs; persistence reads the facts (ports::report_repository).
//
// Counting rules, once for every measure:
// - a request or dispute counts in the period of the act measured: received on its receipt date,
//   answered outcomes and timeliness on the receipt date of the request (the cohort received in the
//   period, so every request is counted once, however late its answer), a dispute's registration,
//   decision, closure and court objection on the day each happened;
// - "on time" compares the act's local date with the due date of its stored clock, which already holds
//   the extension and every calendar change that moved it (docs/deadlines.md);
// - median and 90th percentile: the median of an even count is the mean of the two middle values; the
//   percentile is the nearest rank (the value at rank ceil(0.9 n)).

#include "domain/calendar/working_calendar.hpp"
#include "domain/disputes/vocabulary.hpp"
#include "domain/reports/period.hpp"
#include "domain/requests/information_request.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace perkara::domain::reports {

/// What the reports need of one information request.
struct request_fact {
  std::string respondent;
  civil_date received_on{};  // respondent-local
  request_channel channel = request_channel::web;
  request_state state = request_state::received;
  bool extension_used = false;
  std::optional<response_decision> decision;
  std::vector<char> exemptions;  // UU 14/2008 Pasal 17 letters a refusal cites (domain/letters cited_exemptions)
  std::optional<civil_date> responded_on;  // respondent-local date of the answer
  std::optional<civil_date> response_due;  // the ppid_response clock's due date (extension included)
  bool objected = false;
  std::optional<objection_decision> objection_outcome;
};

/// What the reports need of one dispute.
struct dispute_fact {
  std::string ki;
  std::string respondent;
  std::optional<std::string> register_number;  // once registered
  civil_date submitted_on{};                   // KI-local
  std::optional<civil_date> registered_on;
  disputes::dispute_state state = disputes::dispute_state::submitted;
  std::optional<disputes::dispute_outcome> outcome;
  bool mediated = false;                     // mediation started
  bool adjudicated = false;                  // adjudication started
  std::optional<civil_date> decided_on;      // decision read
  std::optional<civil_date> completion_due;  // the ki_completion clock's due date
  std::optional<civil_date> closed_on;       // closed without a decision (rejected, withdrawn, lapsed)
  std::optional<civil_date> court_objection_on;
  std::optional<civil_date> court_decided_on;
  std::string court_result;  // as recorded ("" while pending)

  bool operator==(const dispute_fact&) const = default;
};

/// A count per named key, in a fixed order (the key is a code, the UI names it).
struct count_row {
  std::string key;
  long long count = 0;

  bool operator==(const count_row&) const = default;
};

struct month_row {
  civil_date month{};  // its first day
  long long requests = 0;
  long long disputes = 0;
  std::optional<double> dispute_rate;  // disputes per 100 requests; none without requests

  bool operator==(const month_row&) const = default;
};

struct ppid_report {
  long long received = 0;
  std::vector<count_row> by_channel;  // every channel, zeros included
  // Timeliness of the answer, over the requests received in the period.
  long long answered_within_period = 0;     // by the due date, no extension used
  long long answered_within_extension = 0;  // by the extended due date
  long long answered_late = 0;
  long long never_answered = 0;                 // no answer and the due date passed (or the request ended unanswered)
  long long pending = 0;                        // no answer yet, still within the due date
  std::vector<count_row> outcomes;              // granted, partly_granted, refused, not_held
  std::vector<count_row> refused_by_exemption;  // "a".."j", and "none" for a refusal citing no ground
  std::optional<double> median_working_days;    // receipt to answer, answered requests
  std::optional<double> p90_working_days;
  long long extensions_used = 0;
  long long objections = 0;
  std::vector<count_row> objection_outcomes;  // upheld, overturned, pending
  long long disputes = 0;                     // disputes submitted in the period against the offices
  std::optional<double> dispute_rate;         // per 100 requests received
  std::vector<month_row> trend;

  bool operator==(const ppid_report&) const = default;
};

struct ki_report {
  long long received = 0;    // submitted in the period
  long long registered = 0;  // registered in the period
  long long rejected = 0;    // not registered, closed in the period
  long long withdrawn = 0;
  long long lapsed = 0;
  long long decided = 0;            // decisions read in the period
  std::vector<count_row> by_route;  // mediation, adjudication (of the decided)
  std::vector<count_row> outcomes;  // decision outcomes
  long long decided_on_time = 0;    // on or before the ki_completion due date
  long long decided_late = 0;
  std::optional<double> median_days_to_decision;  // registration to decision, working days on the KI's calendar
  std::vector<count_row> pending_by_age;          // open at the end of the period, by days since submission
  long long pending = 0;
  long long court_objections = 0;        // filed in the period
  std::vector<count_row> court_results;  // decided in the period, by result text; "pending" still open
  std::optional<double> clearance_rate;  // finished / received in the period, per 100
  std::vector<month_row> trend;          // received (as `disputes`) per month

  bool operator==(const ki_report&) const = default;
};

/// The disputes submitted on one (KI-local) day against one office: all that the PPID measures count of
/// disputes, so a report can have the database count them (ports::report_repository::dispute_counts).
struct dispute_count {
  std::string respondent;
  civil_date submitted_on{};
  long long count = 0;
};

/// `disputes` counted per (respondent, submission day).
std::vector<dispute_count> dispute_counts(const std::vector<dispute_fact>& disputes);

/// The working calendar of an organisation (by code), for counting working days.
using calendar_of = std::function<const working_calendar&(const std::string& organisation)>;

/// `requests`: those received in the period (others are ignored); `disputes`: disputes against the same
/// offices (those submitted in the period count). `today` decides whether an unanswered request is
/// still pending.
ppid_report ppid_measures(const std::vector<request_fact>& requests, const std::vector<dispute_count>& disputes,
                          const period& p, civil_date today, const calendar_of& calendars);
/// The same over the disputes' facts.
ppid_report ppid_measures(const std::vector<request_fact>& requests, const std::vector<dispute_fact>& disputes,
                          const period& p, civil_date today, const calendar_of& calendars);

/// `disputes`: every dispute of the KIs submitted on or before the period's end (the others are
/// ignored). Pending is counted at the earlier of the period's end and `today`.
ki_report ki_measures(const std::vector<dispute_fact>& disputes, const period& p, civil_date today,
                      const calendar_of& calendars);

/// Median (mean of the middle two for an even count); nullopt for none.
std::optional<double> median(std::vector<int> values);
/// Nearest-rank percentile `pct` in (0, 100]; nullopt for none.
std::optional<double> percentile(std::vector<int> values, int pct);

/// The age bands of pending cases, in days since submission: "0-30", "31-90", "91-180", "181+".
std::string_view age_band(int days);

}  // namespace perkara::domain::reports
