// The facts of the reports (issue 18): plain indexed reads, one organisation at a time. Requests by
// (respondent, received_date) (ix_requests_respondent_received), disputes by (ki, submitted_at) or
// (respondent, submitted_at); each with the due date of its statutory clock from the deadlines table
// (ix_deadlines_case). No measure is computed here: domain/reports/measures.cpp does that.
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
                                                                        long long submitted_before) {
  return translated([&] {
    std::string ki_code = ki.value_or("");
    std::string org = respondent.value_or("");
    ports::dispute_report_row row;
    std::string due;
    soci::indicator due_ind{};
    std::string where;
    if (ki) {
      where += "x.ki = :ki AND ";
    }
    if (respondent) {
      where += "x.respondent = :org AND ";
    }
    const std::string sql =
        "SELECT x.id, x.ki, x.respondent, x.body, (SELECT MAX(d.due) FROM deadlines d WHERE d.case_type = "
        "'dispute' AND d.case_id = x.id AND d.period_key = 'ki_completion') FROM disputes x WHERE " +
        where + "x.submitted_at < :before";
    soci::statement st(ctx_.sql);
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(row.ki));
    st.exchange(soci::into(row.respondent));
    st.exchange(soci::into(row.body));
    st.exchange(soci::into(due, due_ind));
    if (ki) {
      st.exchange(soci::use(ki_code));
    }
    if (respondent) {
      st.exchange(soci::use(org));
    }
    st.exchange(soci::use(submitted_before));
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute();
    std::vector<ports::dispute_report_row> out;
    while (st.fetch()) {
      auto r = row;
      r.completion_due = optional_date(due, due_ind, "deadlines.due");
      out.push_back(std::move(r));
    }
    return out;
  });
}

}  // namespace perkara::persistence::detail
