// The facts of the reports (issue 18): plain indexed reads, one organisation at a time. Requests by
// (respondent, received_date) (ix_requests_respondent_received), disputes by (ki, submitted_at) or
// (respondent, submitted_at), reading the report facts stored beside each document (migration 0022);
// each with the due date of its statutory clock from the deadlines table (ix_deadlines_case), so a
// calendar change that moves a due date shows at once. No measure is computed here:
// domain/reports/measures.cpp does that.
#include "persistence/repositories/report_repository.hpp"

#include "domain/letters/letter.hpp"
#include "persistence/detail/session_setup.hpp"

#include <soci/soci.h>

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
        "SELECT r.respondent, r.received_date, r.channel, r.state, r.extension_at, r.response_decision, "
        "r.response_reasons, r.responded_at, r.responded_offset, r.objection_received_at, "
        "r.objection_answer_decision, (SELECT MAX(d.due) FROM deadlines d WHERE d.case_type = 'request' AND "
        "d.case_id = r.id AND d.period_key = 'ppid_response') FROM requests r WHERE " +
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
      f.response_due = optional_date(due, due_ind, "deadlines.due");
      f.objected = obj_ind == soci::i_ok;
      if (obj_dec_ind == soci::i_ok) {
        f.objection_outcome = domain::parse_objection_decision(objection_decision);
      }
      out.push_back(std::move(f));
    }
    return out;
  });
}

std::vector<ports::dispute_report_row> soci_report_repository::disputes(const std::optional<std::string>& ki,
                                                                        const std::optional<std::string>& respondent,
                                                                        long long submitted_from,
                                                                        long long submitted_before) {
  return translated([&] {
    std::string ki_code = ki.value_or("");
    std::string org = respondent.value_or("");
    std::string id, who_ki, who, number, state, outcome, registered, submitted, decided, closed, objection, court_on,
        court_result, due, body;
    int mediated = 0, adjudicated = 0;
    soci::indicator number_ind{}, outcome_ind{}, registered_ind{}, submitted_ind{}, decided_ind{}, closed_ind{},
        objection_ind{}, court_on_ind{}, court_result_ind{}, mediated_ind{}, adjudicated_ind{}, due_ind{}, body_ind{};
    std::string where;
    if (ki) {
      where += "x.ki = :ki AND ";
    }
    if (respondent) {
      where += "x.respondent = :org AND ";
    }
    // The facts columns (migration 0022); the document only for a row stored without them.
    const std::string sql =
        "SELECT x.id, x.ki, x.respondent, x.register_number, x.state, x.outcome, x.registered_on, x.submitted_on, "
        "x.decided_on, x.closed_on, x.court_objection_on, x.court_decided_on, x.court_result, x.mediated, "
        "x.adjudicated, (SELECT MAX(d.due) FROM deadlines d WHERE d.case_type = 'dispute' AND d.case_id = x.id AND "
        "d.period_key = 'ki_completion'), CASE WHEN x.submitted_on IS NULL THEN x.body END FROM disputes x WHERE " +
        where + "x.submitted_at >= :after AND x.submitted_at < :before";
    soci::statement st(ctx_.sql);
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
    if (ki) {
      st.exchange(soci::use(ki_code));
    }
    if (respondent) {
      st.exchange(soci::use(org));
    }
    st.exchange(soci::use(submitted_from));
    st.exchange(soci::use(submitted_before));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    std::vector<ports::dispute_report_row> out;
    while (st.fetch()) {
      ports::dispute_report_row r;
      r.id = id;
      r.completion_due = optional_date(due, due_ind, "deadlines.due");
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
  });
}

}  // namespace perkara::persistence::detail
