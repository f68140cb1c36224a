// The stored monthly tallies of the reports (issue 18, docs/open-data.md "Monthly tallies", migration 0031):
// read back by month range, stored only over the stamp a report read, and invalidated by every save of a
// case in the same transaction (invalidate_tallies). Which months a save invalidates and which a report
// may store are decided by the database's own clock, with margins so that no report can store a month
// a concurrent save did not invalidate.
#include "persistence/repositories/report_tallies.hpp"

#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/report_repository.hpp"

#include <soci/soci.h>
#include <boost/json.hpp>

#include <fmt/format.h>

#include <chrono>

namespace perkara::persistence::detail {
namespace {

using domain::reports::tally_kind;

const char* kind_name(tally_kind kind) { return kind == tally_kind::ppid ? "ppid" : "ki"; }

std::string month_text(domain::civil_date month) { return domain::format_iso_date(month).substr(0, 7); }

domain::civil_date database_today() {
  return domain::civil_date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

// A month a report may store: over by more than a day in UTC, so in every Indonesian time zone.
bool storable(domain::civil_date month, domain::civil_date today) {
  return domain::reports::month_end(month) < domain::add_days(today, -1);
}

// A month a save invalidates: one that is storable, or becomes so within the next two days (a report
// whose read began before this save commits cannot store a month that is storable only later).
bool may_be_stored(domain::civil_date month, domain::civil_date today) {
  return domain::reports::month_end(month) <= domain::add_days(today, 1);
}

std::string body_of(const domain::reports::tally& t) {
  boost::json::object o;
  for (const auto& [k, n] : t) {
    o[k] = n;
  }
  return boost::json::serialize(o);
}

domain::reports::tally tally_of(const std::string& body) {
  domain::reports::tally out;
  const auto parsed = boost::json::parse(body);
  for (const auto& [k, n] : parsed.as_object()) {
    out.emplace(std::string(k), n.to_number<long long>());
  }
  return out;
}

}  // namespace

namespace {

void invalidate_months(const db_context& ctx, tally_kind kind, const std::string& organisation,
                       domain::civil_date first_day, std::optional<domain::civil_date> last_day) {
  const auto today = database_today();
  static const std::string sqlite_sql =
      "INSERT INTO report_tallies (kind, organisation, month, stamp) VALUES (:k, :o, :m, 1) ON CONFLICT (kind, "
      "month, organisation) DO UPDATE SET stamp = stamp + 1, body = NULL";
  static const std::string mysql_sql =
      "INSERT INTO report_tallies (kind, organisation, month, stamp) VALUES (:k, :o, :m, 1) ON DUPLICATE KEY "
      "UPDATE stamp = stamp + 1, body = NULL";
  std::string name = kind_name(kind);
  std::string org = organisation;
  for (auto m = domain::reports::month_start(first_day); may_be_stored(m, today) && (!last_day || m <= *last_day);
       m = domain::add_days(domain::reports::month_end(m), 1)) {
    std::string month = month_text(m);
    prepared p(ctx, ctx.kind == backend::sqlite ? sqlite_sql : mysql_sql);
    p.run(soci::use(name), soci::use(org), soci::use(month));
  }
}

}  // namespace

void invalidate_tally(const db_context& ctx, tally_kind kind, const std::string& organisation, domain::civil_date day) {
  invalidate_months(ctx, kind, organisation, day, day);
}

void invalidate_tallies_since(const db_context& ctx, tally_kind kind, const std::string& organisation,
                              domain::civil_date first_day) {
  invalidate_months(ctx, kind, organisation, first_day, std::nullopt);
}

std::vector<ports::stored_tally> soci_report_repository::tallies(tally_kind kind,
                                                                 const std::vector<std::string>& organisations,
                                                                 domain::civil_date first_month,
                                                                 domain::civil_date last_month,
                                                                 const std::string& revision) {
  return translated([&] {
    std::string name = kind_name(kind);
    std::string first = month_text(first_month);
    std::string last = month_text(last_month);
    std::string rev = revision;
    std::string query =
        "SELECT organisation, month, stamp, CASE WHEN revision = :rev THEN body END FROM report_tallies WHERE kind = "
        ":kind AND month >= :first AND month <= :last";
    if (!organisations.empty()) {
      query += " AND organisation IN (";
      for (std::size_t i = 0; i < organisations.size(); ++i) {
        query += fmt::format("{}:o{}", i ? ", " : "", i);
      }
      query += ")";
    }
    std::string org, month, body;
    long long stamp = 0;
    soci::indicator body_ind{};
    soci::statement st(ctx_.sql);
    st.exchange(soci::into(org));
    st.exchange(soci::into(month));
    st.exchange(soci::into(stamp));
    st.exchange(soci::into(body, body_ind));
    st.exchange(soci::use(rev));
    st.exchange(soci::use(name));
    st.exchange(soci::use(first));
    st.exchange(soci::use(last));
    for (const auto& o : organisations) {
      st.exchange(soci::use(o));
    }
    st.alloc();
    st.prepare(query);
    st.define_and_bind();
    st.execute();
    std::vector<ports::stored_tally> out;
    while (st.fetch()) {
      ports::stored_tally t;
      t.key = {org, date_column(month + "-01", "report_tallies.month")};
      t.stamp = stamp;
      if (body_ind == soci::i_ok) {
        t.counts = tally_of(body);
      }
      out.push_back(std::move(t));
    }
    return out;
  });
}

void soci_report_repository::store_tallies(tally_kind kind, const std::vector<ports::tally_to_store>& built,
                                           const std::string& revision) {
  translated([&] {
    const auto today = database_today();
    std::string name = kind_name(kind);
    std::string rev = revision;
    const std::string insert = ctx_.kind == backend::sqlite ? "INSERT OR IGNORE" : "INSERT IGNORE";
    for (const auto& t : built) {
      if (!storable(t.key.month, today)) {
        continue;
      }
      std::string org = t.key.organisation;
      std::string month = month_text(t.key.month);
      std::string body = body_of(t.counts);
      if (t.stamp) {
        // Only over the stamp the report read: a case changed since has raised it.
        long long stamp = *t.stamp;
        prepared p(ctx_,
                   "UPDATE report_tallies SET body = :b, revision = :r WHERE kind = :k AND month = :m AND "
                   "organisation = :o AND stamp = :s");
        p.run(soci::use(body), soci::use(rev), soci::use(name), soci::use(month), soci::use(org), soci::use(stamp));
      } else {
        // A row a save inserted since the report read is newer: kept.
        prepared p(ctx_, insert +
                             " INTO report_tallies (kind, organisation, month, stamp, revision, body) VALUES (:k, :o, "
                             ":m, 0, :r, :b)");
        p.run(soci::use(name), soci::use(org), soci::use(month), soci::use(rev), soci::use(body));
      }
    }
  });
}

}  // namespace perkara::persistence::detail
