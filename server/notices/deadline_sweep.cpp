#include "server/notices/deadline_sweep.hpp"

#include "api/calendar/calendar_service.hpp"
#include "api/requests/request_service.hpp"
#include "domain/notices/deadline_sweep.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>

namespace perkara::server::notices {
namespace {

using domain::notices::sweep_kind;
using std::chrono::days;

// Indonesia spans +07:00 to +09:00; the walk's bounds allow any offset and the domain decides exactly.
constexpr int earliest_offset = -12 * 60;
constexpr int latest_offset = 14 * 60;

domain::civil_date plus_days(domain::civil_date d, int n) {
  return domain::civil_date{std::chrono::sys_days{d} + days{n}};
}

domain::notices::sweep_office office_of(const domain::organisation& org) { return {org.utc_offset_minutes, org.hours}; }

ports::sweep_mark mark_of(const domain::deadline_record& c, sweep_kind kind) {
  return {c.case_type, c.case_id, c.key, c.due, kind};
}

/// Walks the open clocks of [from, until] lacking a mark of `kind`, a page per transaction; `act`
/// decides and acts on one clock (returns whether it did) inside the page's transaction.
std::size_t walk(
    ports::database& db, sweep_kind kind, domain::civil_date from, domain::civil_date until, const sweep_config& config,
    const std::function<bool(ports::transaction&, api::clock_context&, const domain::deadline_record&)>& act) {
  const int page = config.page;
  std::size_t done = 0;
  std::optional<ports::sweep_position> after;
  for (;;) {
    if (config.stopping && config.stopping()) return done;
    auto tx = db.begin(ports::access::write);
    api::clock_context clocks(*tx);
    const auto clocks_page = tx->sweeps().open_unmarked(kind, from, until, after, page);
    for (const auto& clock : clocks_page) {
      if (act(*tx, clocks, clock)) ++done;
    }
    tx->commit();
    if (clocks_page.size() < static_cast<std::size_t>(page)) return done;
    after = ports::sweep_position{clocks_page.back().due, clocks_page.back().id};
  }
}

/// The reminder lead of a clock's rule-set period ("court_objection:applicant" is a court_objection).
int remind_days_of(api::clock_context& clocks, const domain::deadline_record& c) {
  const auto& rules = clocks.ruleset(c.ruleset, c.ruleset_version);
  const auto* period = rules.find(c.key.substr(0, c.key.find(':')));
  return period ? period->remind_days : 1;
}

void queue_reminders(ports::transaction& tx, sweep_kind kind, const domain::deadline_record& c, domain::instant now) {
  const auto facts = tx.sweeps().case_facts(c.case_type, c.case_id);
  if (!facts) return;
  const auto email = tx.sweeps().organisation_email(c.organisation);
  for (const auto& n : domain::notices::reminders_for(kind, c, *facts, email)) {
    tx.sweeps().queue(n, *facts, std::string(domain::notices::to_string(kind)), now);
  }
}

}  // namespace

sweep_report sweep_deadlines(ports::database& db, domain::instant now, const sweep_config& config) {
  sweep_report report;
  const auto earliest_today = domain::local_date(now, earliest_offset);
  const auto latest_today = domain::local_date(now, latest_offset);
  const domain::civil_date beginning{std::chrono::year{1900}, std::chrono::January, std::chrono::day{1}};

  // Missed deadlines: the same record for every reader (lists, board, public status, reports).
  report.missed =
      walk(db, sweep_kind::missed, beginning, plus_days(latest_today, -1), config,
           [&](ports::transaction& tx, api::clock_context& clocks, const domain::deadline_record& c) {
             const auto& org = clocks.organisation(c.organisation);
             if (!domain::notices::day_ended(c.due, now, office_of(org))) return false;
             if (!tx.sweeps().mark(mark_of(c, sweep_kind::missed), now)) return false;
             if (c.case_type == "request") {
               api::apply_request_timers(tx, c.case_id, now);
             }
             const boost::json::object payload{{"deadline", c.key}, {"due", domain::format_iso_date(c.due)}};
             tx.events().append(domain::case_event{c.case_type, c.case_id, 0, "system", now, "deadline_missed",
                                                   boost::json::serialize(payload)});
             return true;
           });

  // Reminders before the due date: the window covers the longest lead of the rule sets in force.
  int lead = 1;
  {
    auto tx = db.begin(ports::access::read);
    for (const auto& rs : tx->rulesets().list_latest()) {
      for (const auto& p : rs.periods) lead = std::max(lead, p.remind_days);
    }
  }
  const int window = lead * 7 / 5 + 21;  // working days as calendar days, with room for long holidays
  report.reminders = walk(db, sweep_kind::reminder, earliest_today, plus_days(latest_today, window), config,
                          [&](ports::transaction& tx, api::clock_context& clocks, const domain::deadline_record& c) {
                            const auto& org = clocks.organisation(c.organisation);
                            const auto& rules = clocks.ruleset(c.ruleset, c.ruleset_version);
                            if (!domain::notices::reminder_due(c.due, remind_days_of(clocks, c), now, office_of(org),
                                                               clocks.calendar(c.organisation, rules.counting))) {
                              return false;
                            }
                            if (!tx.sweeps().mark(mark_of(c, sweep_kind::reminder), now)) return false;
                            queue_reminders(tx, sweep_kind::reminder, c, now);
                            return true;
                          });

  // The morning after a missed deadline (recent ones only: a case entered months late gets its event,
  // not a reminder about a day long gone).
  report.reminders += walk(db, sweep_kind::missed_reminder, plus_days(earliest_today, -config.missed_reminder_days - 1),
                           plus_days(latest_today, -1), config,
                           [&](ports::transaction& tx, api::clock_context& clocks, const domain::deadline_record& c) {
                             const auto office = office_of(clocks.organisation(c.organisation));
                             if (!domain::notices::missed_reminder_due(c.due, now, office)) return false;
                             if (!tx.sweeps().mark(mark_of(c, sweep_kind::missed_reminder), now)) return false;
                             queue_reminders(tx, sweep_kind::missed_reminder, c, now);
                             return true;
                           });

  // The daily digest of every organisation that can hear one, once its office has opened.
  if (config.stopping && config.stopping()) return report;
  {
    auto tx = db.begin(ports::access::write);
    api::clock_context clocks(*tx);
    for (const auto& r : tx->sweeps().digest_recipients()) {
      const auto& org = clocks.organisation(r.code);
      const auto office = office_of(org);
      if (!domain::notices::office_open_reached(now, office)) continue;
      const auto today = domain::local_date(now, office.utc_offset_minutes);
      if (!tx->sweeps().mark({"organisation", r.code, "digest", today, sweep_kind::digest}, now)) continue;
      const auto items = tx->sweeps().digest_items(r.code, plus_days(today, config.digest_horizon_days));
      domain::notices::case_facts facts;
      facts.case_type = "organisation";
      facts.case_id = r.code;
      facts.organisation = r.code;
      facts.utc_offset_minutes = office.utc_offset_minutes;
      facts.organisation_has_webhooks = r.has_webhooks;
      const auto notices = domain::notices::digest_for(org.name, today, items, {r.has_webhooks, r.email, r.staff}, r.code);
      for (const auto& n : notices) {
        tx->sweeps().queue(n, facts, "digest", now);
      }
      if (!notices.empty()) ++report.digests;
    }
    tx->commit();
  }
  return report;
}

}  // namespace perkara::server::notices
