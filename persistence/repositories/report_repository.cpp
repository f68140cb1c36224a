// The facts of the reports (issue 18): plain indexed reads, one organisation at a time. Requests by
// (respondent, received_date) (ix_requests_respondent_received), disputes by (ki, submitted_at) or
// (respondent, submitted_at), reading the report facts stored beside each document (migration 0022),
// each with the due date of its statutory clock stored beside them (migration 0028), so no row is looked
// up elsewhere; a calendar change that moves a due date rewrites it with the case. The indexes carry
// every column read (migrations 0025 and 0028). No measure is computed here: domain/reports/measures.cpp
// does that, from rows or, for the disputes of a PPID report, from counts per day.
#include "persistence/repositories/report_repository.hpp"

#include "domain/letters/letter.hpp"
#include "persistence/detail/session_setup.hpp"

#include <soci/soci.h>

#include <fmt/format.h>

#include <algorithm>
#include <variant>

namespace perkara::persistence::detail {
namespace {

using domain::reports::request_fact;

std::optional<domain::civil_date> optional_date(const std::string& text, soci::indicator ind, const char* column) {
  if (ind != soci::i_ok || text.empty()) {
    return std::nullopt;
  }
  return date_column(text, column);
}

}  // namespace

std::vector<request_fact> soci_report_repository::requests(const std::optional<std::string>& respondent,
                                                           domain::civil_date from, domain::civil_date to) {
  return translated([&] {
    std::string org = respondent.value_or("");
    std::string first = domain::format_iso_date(from);
    std::string last = domain::format_iso_date(to);
    std::string who, received, channel, state, decision, reasons, objection_decision, due;
    long long extension_at = 0, responded_at = 0, objection_at = 0;
    int responded_offset = 0;
    soci::indicator ext_ind{}, dec_ind{}, reasons_ind{}, resp_ind{}, off_ind{}, obj_ind{}, obj_dec_ind{}, due_ind{};
    const std::string where = respondent ? "r.respondent = :org AND " : "";
    const std::string sql =
        "SELECT r.respondent, r.received_date, r.channel, r.state, r.extension_at, r.response_decision, CASE WHEN "
        "r.response_decision = 'refused' THEN r.response_reasons END, r.responded_at, r.responded_offset, "
        "r.objection_received_at, r.objection_answer_decision, r.response_due FROM requests r WHERE " +
        where + "r.received_date >= :first AND r.received_date <= :last";
    soci::statement st(ctx_.sql);
    st.exchange(soci::into(who));
    st.exchange(soci::into(received));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(state));
    st.exchange(soci::into(extension_at, ext_ind));
    st.exchange(soci::into(decision, dec_ind));
    st.exchange(soci::into(reasons, reasons_ind));
    st.exchange(soci::into(responded_at, resp_ind));
    st.exchange(soci::into(responded_offset, off_ind));
    st.exchange(soci::into(objection_at, obj_ind));
    st.exchange(soci::into(objection_decision, obj_dec_ind));
    st.exchange(soci::into(due, due_ind));
    if (respondent) {
      st.exchange(soci::use(org));
    }
    st.exchange(soci::use(first));
    st.exchange(soci::use(last));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    std::vector<request_fact> out;
    while (st.fetch()) {
      request_fact f;
      f.respondent = who;
      f.received_on = date_column(received, "requests.received_date");
      f.channel = domain::parse_request_channel(channel).value_or(domain::request_channel::web);
      f.state = domain::parse_request_state(state).value_or(domain::request_state::received);
      f.extension_used = ext_ind == soci::i_ok;
      if (dec_ind == soci::i_ok) {
        f.decision = domain::parse_response_decision(decision);
        if (f.decision == domain::response_decision::refused && reasons_ind == soci::i_ok) {
          f.exemptions = domain::letters::cited_exemptions(reasons);
        }
      }
      if (resp_ind == soci::i_ok) {
        f.responded_on =
            domain::local_date(from_epoch_seconds(responded_at), off_ind == soci::i_ok ? responded_offset : 0);
      }
      f.response_due = optional_date(due, due_ind, "requests.response_due");
      f.objected = obj_ind == soci::i_ok;
      if (obj_dec_ind == soci::i_ok) {
        f.objection_outcome = domain::parse_objection_decision(objection_decision);
      }
      out.push_back(std::move(f));
    }
    return out;
  });
}

namespace {

// A value bound to a placeholder, in the order of the placeholders.
using bound = std::variant<std::string, long long>;

// What the reports read of a dispute: the report facts (migration 0022) and the ki_completion due date
// (migration 0028) from the covering indexes, and the document only for a row stored without facts,
// which is then the only row read from the table.
constexpr const char* dispute_columns =
    "x.id, x.ki, x.respondent, x.register_number, x.state, x.outcome, x.registered_on, x.submitted_on, "
    "x.decided_on, x.closed_on, x.court_objection_on, x.court_decided_on, x.court_result, x.mediated, "
    "x.adjudicated, x.completion_due, CASE WHEN x.submitted_on IS NULL THEN x.body END AS body";

// Binds `uses` to the placeholders of `query` in order and runs it (the intos are already exchanged).
void run_with(soci::statement& st, const std::string& query, const std::vector<bound>& uses) {
  for (const auto& u : uses) {
    std::visit([&st](const auto& value) { st.exchange(soci::use(value)); }, u);
  }
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute();
}

// The dispute rows of `SELECT dispute_columns FROM disputes x WHERE <tail>`.
std::vector<ports::dispute_report_row> dispute_rows(soci::session& sql, const std::string& tail,
                                                    const std::vector<bound>& uses) {
  std::string id, who_ki, who, number, state, outcome, registered, submitted, decided, closed, objection, court_on,
      court_result, due, body;
  int mediated = 0, adjudicated = 0;
  soci::indicator number_ind{}, outcome_ind{}, registered_ind{}, submitted_ind{}, decided_ind{}, closed_ind{},
      objection_ind{}, court_on_ind{}, court_result_ind{}, mediated_ind{}, adjudicated_ind{}, due_ind{}, body_ind{};
  const std::string query = std::string("SELECT ") + dispute_columns + " FROM disputes x WHERE " + tail;
  soci::statement st(sql);
  st.exchange(soci::into(id));
  st.exchange(soci::into(who_ki));
  st.exchange(soci::into(who));
  st.exchange(soci::into(number, number_ind));
  st.exchange(soci::into(state));
  st.exchange(soci::into(outcome, outcome_ind));
  st.exchange(soci::into(registered, registered_ind));
  st.exchange(soci::into(submitted, submitted_ind));
  st.exchange(soci::into(decided, decided_ind));
  st.exchange(soci::into(closed, closed_ind));
  st.exchange(soci::into(objection, objection_ind));
  st.exchange(soci::into(court_on, court_on_ind));
  st.exchange(soci::into(court_result, court_result_ind));
  st.exchange(soci::into(mediated, mediated_ind));
  st.exchange(soci::into(adjudicated, adjudicated_ind));
  st.exchange(soci::into(due, due_ind));
  st.exchange(soci::into(body, body_ind));
  run_with(st, query, uses);
  std::vector<ports::dispute_report_row> out;
  while (st.fetch()) {
    ports::dispute_report_row r;
    r.id = id;
    r.completion_due = optional_date(due, due_ind, "disputes.completion_due");
    if (submitted_ind != soci::i_ok) {
      r.body = body_ind == soci::i_ok ? body : std::string{};
      out.push_back(std::move(r));
      continue;
    }
    domain::reports::dispute_fact f;
    f.ki = who_ki;
    f.respondent = who;
    if (number_ind == soci::i_ok) {
      f.register_number = number;
    }
    f.state = domain::disputes::parse_dispute_state(state).value_or(domain::disputes::dispute_state::submitted);
    if (outcome_ind == soci::i_ok) {
      f.outcome = domain::disputes::parse_dispute_outcome(outcome);
    }
    f.submitted_on = date_column(submitted, "disputes.submitted_on");
    f.registered_on = optional_date(registered, registered_ind, "disputes.registered_on");
    f.decided_on = optional_date(decided, decided_ind, "disputes.decided_on");
    f.closed_on = optional_date(closed, closed_ind, "disputes.closed_on");
    f.court_objection_on = optional_date(objection, objection_ind, "disputes.court_objection_on");
    f.court_decided_on = optional_date(court_on, court_on_ind, "disputes.court_decided_on");
    if (court_result_ind == soci::i_ok) {
      f.court_result = court_result;
    }
    f.mediated = mediated_ind == soci::i_ok && mediated != 0;
    f.adjudicated = adjudicated_ind == soci::i_ok && adjudicated != 0;
    f.completion_due = r.completion_due;
    r.fact = std::move(f);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::vector<ports::dispute_report_row> soci_report_repository::disputes(const std::optional<std::string>& ki,
                                                                        const std::optional<std::string>& respondent,
                                                                        long long submitted_from,
                                                                        long long submitted_before) {
  return translated([&] {
    std::string where;
    std::vector<bound> uses;
    if (ki) {
      where += "x.ki = :ki AND ";
      uses.emplace_back(*ki);
    }
    if (respondent) {
      where += "x.respondent = :org AND ";
      uses.emplace_back(*respondent);
    }
    where += "x.submitted_at >= :after AND x.submitted_at < :before";
    uses.emplace_back(submitted_from);
    uses.emplace_back(submitted_before);
    return dispute_rows(ctx_.sql, where, uses);
  });
}

// One GROUP BY over the covering index, the disputes submitted in the range (ix_disputes_submitted or,
// for one office, ix_disputes_respondent); a row stored without facts (submitted_on NULL) counts on its
// document's submission date, as migration 0022 fills it (the instant's own offset: the first ten
// characters).
std::vector<domain::reports::dispute_count> soci_report_repository::dispute_counts(
    const std::optional<std::string>& respondent, long long submitted_from, long long submitted_before) {
  return translated([&] {
    std::vector<bound> uses;
    const auto scope = [&](const char* t) {
      std::string out;
      if (respondent) {
        out = fmt::format("{0}.respondent = :{0}org AND ", t);
        uses.emplace_back(*respondent);
      }
      uses.emplace_back(submitted_from);
      uses.emplace_back(submitted_before);
      return out + fmt::format("{0}.submitted_at >= :{0}after AND {0}.submitted_at < :{0}before", t);
    };
    const char* json_value = ctx_.kind == backend::sqlite ? "json_extract" : "JSON_VALUE";
    std::string query = "SELECT x.respondent, x.submitted_on, COUNT(*) FROM disputes x WHERE " + scope("x") +
                        " AND x.submitted_on IS NOT NULL GROUP BY x.respondent, x.submitted_on";
    query += fmt::format(
        " UNION ALL SELECT y.respondent, SUBSTR({0}(y.body, '$.submitted_at'), 1, 10), COUNT(*) FROM disputes y "
        "WHERE {1} AND y.submitted_on IS NULL GROUP BY y.respondent, SUBSTR({0}(y.body, '$.submitted_at'), 1, 10)",
        json_value, scope("y"));
    std::string who, on;
    long long count = 0;
    soci::statement st(ctx_.sql);
    st.exchange(soci::into(who));
    st.exchange(soci::into(on));
    st.exchange(soci::into(count));
    run_with(st, query, uses);
    std::vector<domain::reports::dispute_count> out;
    while (st.fetch()) {
      out.push_back({who, date_column(on, "disputes.submitted_on"), count});
    }
    return out;
  });
}

// A dispute finished before `done_before` with every act before `from` counts in no KI measure of the
// period, so it is not read (at 10^6 that leaves the disputes of the period and those still open), but
// for the first dispute of each KI, so that every KI with a dispute up to the period's end has its (zero)
// measures as before (domain/reports/open_data.hpp ki_by_ki). Two disjoint parts, each over an index: those
// still open or with an act on or after `done_before` (ix_disputes_last_act, migration 0032: every dispute
// not finished before it is one of them), and each KI's first dispute if finished (ix_disputes_ki).
std::vector<ports::dispute_report_row> soci_report_repository::disputes_active(const std::optional<std::string>& ki,
                                                                               long long submitted_before,
                                                                               domain::civil_date from,
                                                                               domain::civil_date done_before) {
  return translated([&] {
    const std::string first = domain::format_iso_date(from);
    const std::string done = domain::format_iso_date(done_before);
    std::vector<bound> uses;
    // Each part reads `x` (dispute_columns) and names its placeholders after itself (`p`): SQLite binds
    // one value to a repeated name.
    const auto finished = [&](const char* p) {
      uses.emplace_back(done);
      uses.emplace_back(done);
      for (int i = 0; i < 5; ++i) {
        uses.emplace_back(first);
      }
      return fmt::format(
          "(x.submitted_on IS NOT NULL AND (COALESCE(x.decided_on, '9') < :{0}d1 OR COALESCE(x.closed_on, '9') < "
          ":{0}d2) AND x.submitted_on < :{0}f1 AND COALESCE(x.registered_on, '') < :{0}f2 AND "
          "COALESCE(x.decided_on, '') < :{0}f3 AND COALESCE(x.closed_on, '') < :{0}f4 AND "
          "COALESCE(x.court_objection_on, '') < :{0}f5)",
          p);
    };
    const auto scope = [&](const char* p) {
      std::string out;
      if (ki) {
        out = fmt::format("x.ki = :{0}ki AND ", p);
        uses.emplace_back(*ki);
      }
      out += fmt::format("x.submitted_at < :{0}before AND ", p);
      uses.emplace_back(submitted_before);
      return out;
    };
    std::string tail = scope("x") + "x.last_act_on >= :xdone AND NOT ";
    uses.emplace_back(done);
    tail += finished("x");
    // Each KI's first dispute (by submission), read only if finished: an open one is read above.
    tail += std::string(" UNION ALL SELECT ") + dispute_columns +
            " FROM disputes x WHERE x.id IN (SELECT (SELECT f.id FROM disputes f WHERE f.ki = o.code AND "
            "f.submitted_at < :fbefore ORDER BY f.submitted_at, f.id LIMIT 1) FROM organisations o WHERE o.kind = 'ki'";
    uses.emplace_back(submitted_before);
    if (ki) {
      tail += " AND o.code = :oki";
      uses.emplace_back(*ki);
    }
    tail += ") AND ";
    tail += finished("y");
    return dispute_rows(ctx_.sql, tail, uses);
  });
}

// The register in its order over ix_disputes_register (migration 0025), from the page's position on: a
// row value comparison, so each page reads only its own rows plus those of the order it skips.
std::vector<ports::dispute_report_row> soci_report_repository::register_page(
    domain::civil_date from, domain::civil_date to, const std::optional<ports::register_position>& after, int limit) {
  return translated([&] {
    const std::string first = domain::format_iso_date(from);
    const std::string last = domain::format_iso_date(to);
    std::vector<bound> uses;
    std::string where = "x.register_number IS NOT NULL AND x.registered_on IS NOT NULL AND ";
    if (after) {
      where += "(x.ki, x.registered_on, x.register_number) > (:ki, :on, :number) AND ";
      uses.emplace_back(after->ki);
      uses.emplace_back(domain::format_iso_date(after->registered_on));
      uses.emplace_back(after->register_number);
    }
    where +=
        "((x.submitted_on >= :f1 AND x.submitted_on <= :t1) OR (x.registered_on >= :f2 AND x.registered_on <= :t2) "
        "OR (x.decided_on >= :f3 AND x.decided_on <= :t3) OR (x.closed_on >= :f4 AND x.closed_on <= :t4))";
    for (int i = 0; i < 4; ++i) {
      uses.emplace_back(first);
      uses.emplace_back(last);
    }
    where += " ORDER BY x.ki, x.registered_on, x.register_number LIMIT " + std::to_string(std::max(limit, 0));
    return dispute_rows(ctx_.sql, where, uses);
  });
}

}  // namespace perkara::persistence::detail
