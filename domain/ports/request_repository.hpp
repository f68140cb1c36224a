#pragma once
// Storage port of the PPID workflow: information requests (issue 4). Besides the aggregate, a stored
// request carries the columns that lists are filtered and ordered by (computed by the application
// layer from the request's clocks) and the KI where it is disputed (so that KI's staff may read it).

#include "domain/elections/election_period.hpp"
#include "domain/requests/information_request.hpp"
#include "domain/requests/queries.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

struct stored_request {
  domain::information_request request;
  std::optional<domain::civil_date> next_due;        // earliest due date among the open clocks
  domain::awaiting_party awaiting_party = domain::awaiting_party::none;
  std::optional<domain::civil_date> awaiting_due;    // due date of what is awaited (for `overdue`)
  std::optional<std::string> dispute_ki;              // KI code, with state disputed
  std::optional<domain::civil_date> response_due;    // the reports' due date of the ppid_response clock
                                                     // (domain/reports/facts.hpp report_due)
};

struct request_filter {
  // Scope (at least one must be set; both set = either matches).
  std::optional<std::string> respondent;   // requests of this organisation
  std::optional<std::string> disputed_at;  // requests disputed at this KI
  // Filters.
  std::optional<std::string> only_respondent;  // ?respondent=
  std::optional<domain::request_state> state;
  std::optional<std::string> q;                  // case-insensitive substring of number, applicant name, information
  std::optional<domain::civil_date> received_from;  // respondent-local received date, inclusive
  std::optional<domain::civil_date> received_to;
  std::optional<domain::civil_date> overdue_on;  // awaiting the respondent and awaiting_due < this date
  // Keyset paging, ordered by (next_due with no-due last, received_at, id).
  struct position {
    std::string due_key;  // ISO date or "9999-12-31"
    long long received_at = 0;
    std::string id;
  };
  std::optional<position> after;
  int limit = 50;
};

/// The sort key of a stored request as the list orders it (the cursor's parts).
request_filter::position list_position(const stored_request& r);

class request_repository {
 public:
  virtual ~request_repository() = default;
  /// Inserts a new request (version as given); conflict_error on a duplicate id or number.
  virtual void insert(const stored_request& request) = 0;
  /// The request; with `for_update` its row is locked until the transaction ends (MariaDB FOR UPDATE).
  virtual std::optional<stored_request> find(const std::string& id, bool for_update) = 0;
  /// The request with exactly this register number (numbers are stored upper-case), not locked.
  virtual std::optional<stored_request> find_by_number(const std::string& number) = 0;
  /// Writes `request` if the stored version is still `expected_version`; false (nothing written) when
  /// another transaction changed it meanwhile or it does not exist.
  virtual bool update(const stored_request& request, int expected_version) = 0;
  /// One page (at most filter.limit items), in list order.
  virtual std::vector<stored_request> list(const request_filter& filter) = 0;
  /// The election stage periods loaded at migrate time from data/election_periods.csv.
  virtual std::vector<domain::election_period> election_periods() = 0;
  /// Those whose dates include `day` (start <= day <= end): all that domain::choose_ruleset matches on `day`.
  virtual std::vector<domain::election_period> election_periods_on(domain::civil_date day) = 0;
};

inline request_filter::position list_position(const stored_request& r) {
  return {r.next_due ? domain::format_iso_date(*r.next_due) : std::string("9999-12-31"),
          static_cast<long long>(r.request.received_at.utc.time_since_epoch().count()), r.request.id};
}

}  // namespace perkara::ports
