#pragma once
// The reports of issue 18 (docs/open-data.md): who may see which scope, the facts read through
// ports::report_repository, the measures of domain/reports/measures.hpp, and their JSON.

#include "api/auth/caller.hpp"
#include "api/calendar/calendar_service.hpp"
#include "api/http/message.hpp"
#include "domain/ports/database.hpp"
#include "domain/reports/measures.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace perkara::api {

/// What a report covers: one office, the offices under one KI (the KI's province or the centre's
/// national bodies), one KI, or everything (`organisation` empty).
struct report_scope {
  enum class kind { office, ki, national };
  kind what = kind::national;
  std::optional<domain::organisation> organisation;
  std::vector<std::string> respondents;  // the offices whose requests count (empty: every office)
};

/// The period of a report from `?period=` (a preset: a year, quarter, month, or an election's stages from
/// the election periods of `tx`) or `?from=&to=`; 422 naming the field otherwise.
domain::reports::period report_period(const request& req, ports::transaction& tx);

/// The PPID report's scope for `who` (`?organisation=`; the caller's own by default, national for a
/// sysadmin): 422 for an unknown organisation, 403 for one the caller may not see.
report_scope ppid_scope(ports::transaction& tx, const caller& who, const std::optional<std::string>& wanted);
/// The KI report's scope: a KI (422 for anything else), the caller's own; national for a sysadmin.
report_scope ki_scope(ports::transaction& tx, const caller& who, const std::optional<std::string>& wanted);

/// The disputes brought against `respondent` (unset: all) submitted in the period, counted per office and
/// day: all the PPID measures count of them.
std::vector<domain::reports::dispute_count> dispute_counts_in(ports::transaction& tx,
                                                              const std::optional<std::string>& respondent,
                                                              const domain::reports::period& p);
/// The facts of the disputes handled by `ki` (unset: every KI) that its KI measures of `p` counted as of
/// `today` can count (ports::report_repository::disputes_active): those submitted up to the period's end
/// less those finished before it with no act in it.
std::vector<domain::reports::dispute_fact> ki_dispute_facts(ports::transaction& tx,
                                                            const std::optional<std::string>& ki,
                                                            const domain::reports::period& p, domain::civil_date today);
/// Working calendars of `clocks`, for the measures (default counting rules: cuti bersama closed).
domain::reports::calendar_of calendars_in(clock_context& clocks);

/// The measures of `scope` in `p`, counted as of `today`, from its tallies (api/reports/report_tallies.hpp:
/// those stored for settled months, the tallies missing stored through `db`).
domain::reports::ppid_report ppid_report_of(ports::database& db, ports::transaction& tx, const report_scope& scope,
                                            const domain::reports::period& p, domain::civil_date today);
domain::reports::ki_report ki_report_of(ports::database& db, ports::transaction& tx, const report_scope& scope,
                                        const domain::reports::period& p, domain::civil_date today);

boost::json::object ppid_report_json(const domain::reports::ppid_report& r, const report_scope& scope,
                                     const domain::reports::period& p);
boost::json::object ki_report_json(const domain::reports::ki_report& r, const report_scope& scope,
                                   const domain::reports::period& p);

}  // namespace perkara::api
