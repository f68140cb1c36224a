// Views of the PPID workflow (domain → JSON): the request page, the list and the event trail. Reads
// only: on a read the silences that have come due are computed for display, never stored.
#include "api/requests/request_view.hpp"

#include "api/json/json_output.hpp"
#include "api/requests/request_case.hpp"
#include "api/requests/request_service.hpp"
#include "api/http/problem.hpp"

#include <algorithm>

namespace perkara::api {
namespace {

using namespace requests;

boost::json::object view_of(ports::transaction& tx, const case_actor& actor, const ports::stored_request& s,
                            domain::instant now, clock_context* shared_clocks = nullptr) {
  const auto& r = s.request;
  loaded_request l(tx, s, now, shared_clocks);
  // On a read the silences are computed for display only (nothing is written by GET); the next
  // action stores them.
  l.apply_timers();
  const auto due = l.due();
  const int offset = l.org.utc_offset_minutes;
  const bool staff = is_staff_of_respondent(actor, r);

  boost::json::object applicant{{"kind", domain::to_string(r.applicant.kind)}, {"name", r.applicant.name}};
  if (staff) {  // personal data only for the respondent's own staff
    applicant["id_number"] = optional_string(r.applicant.id_number);
    applicant["address"] = optional_string(r.applicant.address);
    applicant["email"] = optional_string(r.applicant.email);
    applicant["phone"] = optional_string(r.applicant.phone);
  }
  boost::json::object ruleset{{"name", r.ruleset.name},
                              {"version", r.ruleset.version},
                              {"reason", domain::to_string(r.ruleset.reason)},
                              {"election_code", optional_string(r.ruleset.election_code)},
                              {"election_name", optional_string(r.ruleset.election_name)},
                              {"override_reason", optional_string(r.ruleset.override_reason)}};
  const auto w = domain::awaiting(r, due);
  boost::json::object awaiting{
      {"party", domain::to_string(w.party)},
      {"action", w.action.empty() ? boost::json::value(nullptr) : boost::json::value(w.action)},
      {"due", date_json(w.due)}};
  boost::json::object out{
      {"id", r.id},
      {"number", r.number},
      {"respondent", r.respondent},
      {"received_at", instant_json(r.received_at)},
      {"channel", domain::to_string(r.channel)},
      {"applicant", std::move(applicant)},
      {"information_requested", r.information_requested},
      {"purpose", r.purpose},
      {"format", r.format},
      {"delivery_medium", r.delivery_medium},
      {"ruleset", std::move(ruleset)},
      {"state", domain::to_string(r.state)},
      {"version", r.version},
      {"extension_used", r.extension_used()},
  };
  out["extension"] = r.extension ? boost::json::value(boost::json::object{
                                       {"reason", r.extension->reason},
                                       {"at", domain::format_rfc3339(r.extension->at, offset)}})
                                 : nullptr;
  out["response"] =
      r.response ? boost::json::value(boost::json::object{{"decision", domain::to_string(r.response->decision)},
                                                          {"reasons", r.response->reasons},
                                                          {"responded_at", instant_json(r.response->responded_at)},
                                                          {"delivered_at", instant_json(r.response->delivered_at)}})
                 : nullptr;
  if (r.objection) {
    boost::json::array grounds;
    for (const auto g : r.objection->grounds) {
      grounds.emplace_back(domain::to_string(g));
    }
    out["objection"] = boost::json::object{{"number", r.objection->number},
                                           {"grounds", std::move(grounds)},
                                           {"reasons", r.objection->reasons},
                                           {"received_at", instant_json(r.objection->received_at)}};
  } else {
    out["objection"] = nullptr;
  }
  out["objection_answer"] =
      r.objection_answer
          ? boost::json::value(boost::json::object{{"decision", domain::to_string(r.objection_answer->decision)},
                                                   {"reasons", r.objection_answer->reasons},
                                                   {"answered_at", instant_json(r.objection_answer->answered_at)},
                                                   {"delivered_at", instant_json(r.objection_answer->delivered_at)}})
          : nullptr;
  out["closed"] = r.closed ? boost::json::value(boost::json::object{
                                 {"reason", r.closed->reason}, {"at", domain::format_rfc3339(r.closed->at, offset)}})
                           : nullptr;
  out["dispute_id"] = optional_string(r.dispute_id);
  out["dispute_ki"] = optional_string(s.dispute_ki);
  out["deadlines"] = deadlines_json(l.clocks, l.book.records(), l.today);
  out["next_due"] = date_json(l.book.next_due());
  out["awaiting"] = std::move(awaiting);
  out["allowed_actions"] = action_names(domain::allowed_actions(r, caller_of(actor), l.today, due));
  return out;
}

}  // namespace

boost::json::object request_view(ports::transaction& tx, const case_actor& actor,
                                 const domain::information_request& r, domain::instant now) {
  ports::stored_request s;
  s.request = r;
  if (auto stored = tx.requests().find(r.id, false)) {
    s.dispute_ki = stored->dispute_ki;
  }
  return view_of(tx, actor, s, now);
}

boost::json::object list_requests(ports::transaction& tx, const case_actor& actor,
                                  const request_list_query& query, domain::instant now) {
  ports::request_filter f;
  const auto own = tx.organisations().find(actor.organisation);
  if (!own) {
    throw forbidden();
  }
  if (own->is_respondent() && is_respondent_officer(actor)) {
    f.respondent = actor.organisation;
  } else if (!own->is_respondent() && is_ki_staff(actor)) {
    f.disputed_at = actor.organisation;  // a KI reads the requests disputed before it
  } else {
    throw forbidden();  // a role that reads no requests at this organisation (applicant, sysadmin)
  }
  f.only_respondent = query.respondent;
  if (query.state) {
    f.state = domain::parse_request_state(*query.state);
    if (!f.state) {
      throw validation_problem({{"state", "status tidak dikenal / unknown state"}});
    }
  }
  f.q = query.q;
  f.received_from = query.from;
  f.received_to = query.to;
  if (query.overdue) {
    f.overdue_on = local_today(*own, now);
  }
  f.limit = query.limit + 1;  // one more tells whether there is a next page
  if (query.cursor) {
    const auto keys = read_page_cursor(*query.cursor, "next_due", 3);
    f.after = ports::request_filter::position{keys[0], cursor_integer(keys[1]), keys[2]};
  }
  auto rows = tx.requests().list(f);
  boost::json::array items;
  std::optional<std::string> next_cursor;
  const auto n = std::min<std::size_t>(rows.size(), static_cast<std::size_t>(query.limit));
  // One clock context for the page: organisations, rule sets and calendars are loaded once.
  clock_context clocks{tx};
  for (std::size_t i = 0; i < n; ++i) {
    items.push_back(view_of(tx, actor, rows[i], now, &clocks));
  }
  if (rows.size() > n && n > 0) {
    const auto p = ports::list_position(rows[n - 1]);
    next_cursor = page_cursor("next_due", {p.due_key, std::to_string(p.received_at), p.id});
  }
  return {{"items", std::move(items)}, {"next_cursor", optional_string(next_cursor)}};
}

boost::json::array request_events(ports::transaction& tx, const case_actor& actor,
                                  const std::string& request_id, domain::instant now) {
  const auto r = load_visible_request(tx, actor, request_id, now, false);
  const auto org = tx.organisations().find(r.respondent);
  const int offset = org ? org->utc_offset_minutes : 7 * 60;
  const auto events = tx.events().for_case(std::string(case_type), request_id);
  boost::json::array out;
  for (const auto& e : events) {
    out.push_back(case_event_json(e, offset));
  }
  return out;
}

}  // namespace perkara::api
