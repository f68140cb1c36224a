#include "api/reports/report_tallies.hpp"

#include "api/calendar/calendar_service.hpp"
#include "api/reports/report_service.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace perkara::api {
namespace {

using namespace domain::reports;

// Above this many organisations missing a stored tally, one read of every organisation's facts is
// cheaper than one read per organisation.
constexpr std::size_t per_organisation_reads = 8;

// The tallies built from the facts of `organisation` (none: every one) in `p`.
tallies from_facts(ports::transaction& tx, tally_kind kind, const std::optional<std::string>& organisation,
                   const period& p, domain::civil_date today) {
  clock_context clocks(tx);
  const auto calendars = calendars_in(clocks);
  if (kind == tally_kind::ppid) {
    return ppid_tallies(tx.reports().requests(organisation, p.from, p.to), dispute_counts_in(tx, organisation, p), p,
                        calendars);
  }
  return ki_tallies(ki_dispute_facts(tx, organisation, p, today), p, today, calendars);
}

tallies from_facts_of(ports::transaction& tx, tally_kind kind, const std::vector<std::string>& organisations,
                      const period& p, domain::civil_date today) {
  if (organisations.empty()) {
    return from_facts(tx, kind, std::nullopt, p, today);
  }
  tallies out;
  for (const auto& o : organisations) {
    add_tallies(out, from_facts(tx, kind, o, p, today));
  }
  return out;
}

// Every organisation a national tally covers: the offices, or the KIs.
std::vector<std::string> every_organisation(ports::transaction& tx, tally_kind kind) {
  std::vector<std::string> out;
  for (const auto& o : tx.organisations().list()) {
    if ((kind == tally_kind::ki) == !o.is_respondent()) {
      out.push_back(o.code);
    }
  }
  return out;
}

// Stores what a report built; a collision or a busy database only means the next report builds it again.
void store(ports::database& db, tally_kind kind, const std::vector<ports::tally_to_store>& built,
           const std::string& revision) {
  try {
    auto tx = db.begin(ports::access::write);
    tx->reports().store_tallies(kind, built, revision);
    tx->commit();
  } catch (const ports::unavailable_error&) {
  } catch (const ports::conflict_error&) {
  }
}

}  // namespace

tallies tallies_of(ports::database& db, ports::transaction& tx, const tally_scope& scope, const period& p,
                   domain::civil_date today) {
  tallies out;
  const auto settled = settled_months(p, today);
  if (!settled) {
    add_tallies(out, from_facts_of(tx, scope.kind, scope.organisations, p, today));
    return out;
  }
  // The stamps are read before any fact: a case changed after this read raises its month's stamp, and
  // the tally built from the facts is then not stored.
  const auto revision = tx.holidays().revision();
  std::map<tally_key, const ports::stored_tally*> stored;
  const auto rows = tx.reports().tallies(scope.kind, scope.organisations, settled->from, settled->to, revision);
  for (const auto& row : rows) {
    stored.emplace(row.key, &row);
  }
  if (p.from < settled->from) {
    add_tallies(
        out, from_facts_of(tx, scope.kind, scope.organisations, {p.from, domain::add_days(settled->from, -1)}, today));
  }
  if (settled->to < p.to) {
    add_tallies(out,
                from_facts_of(tx, scope.kind, scope.organisations, {domain::add_days(settled->to, 1), p.to}, today));
  }

  const auto organisations = scope.organisations.empty() ? every_organisation(tx, scope.kind) : scope.organisations;
  std::vector<ports::tally_to_store> missing;
  std::set<std::string> missing_organisations;
  for (const auto& o : organisations) {
    for (const auto m : months_of(*settled)) {
      tally_key key{o, m};
      const auto it = stored.find(key);
      if (it != stored.end() && it->second->counts) {
        out.emplace(std::move(key), *it->second->counts);
        continue;
      }
      missing.push_back({std::move(key), it == stored.end() ? std::nullopt : std::optional(it->second->stamp), {}});
      missing_organisations.insert(o);
    }
  }
  if (missing.empty()) {
    return out;
  }
  // The months from the first missing to the last, built from the facts of the organisations missing them.
  const auto [first, last] = std::minmax_element(
      missing.begin(), missing.end(), [](const auto& a, const auto& b) { return a.key.month < b.key.month; });
  const period span{first->key.month, month_end(last->key.month)};
  const auto built =
      scope.organisations.empty() && missing_organisations.size() > per_organisation_reads
          ? from_facts(tx, scope.kind, std::nullopt, span, today)
          : from_facts_of(tx, scope.kind, {missing_organisations.begin(), missing_organisations.end()}, span, today);
  for (auto& m : missing) {
    if (const auto it = built.find(m.key); it != built.end()) {
      m.counts = it->second;
    }
    out.emplace(m.key, m.counts);
  }
  store(db, scope.kind, missing, revision);
  return out;
}

}  // namespace perkara::api
