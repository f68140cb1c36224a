#include "api/disputes/dispute_document.hpp"

#include "api/disputes/dispute_clocks.hpp"
#include "api/json/json_output.hpp"
#include "domain/cases/search_text.hpp"
#include "domain/disputes/public_view.hpp"
#include "domain/reports/facts.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <stdexcept>

namespace perkara::api {
namespace {

namespace ds = domain::disputes;
using boost::json::array;
using boost::json::object;
using boost::json::value;

[[noreturn]] void corrupt(std::string_view what) { throw std::runtime_error("corrupt dispute document: " + std::string(what)); }

const value* member(const object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v && !v->is_null() ? v : nullptr;
}
std::string text(const object& o, std::string_view key) {
  const auto* v = member(o, key);
  return v ? std::string(v->as_string()) : std::string{};
}
std::optional<std::string> opt_text(const object& o, std::string_view key) {
  const auto* v = member(o, key);
  return v ? std::optional<std::string>(std::string(v->as_string())) : std::nullopt;
}
domain::offset_instant instant_of(const object& o, std::string_view key) {
  const auto t = domain::read_stored_rfc3339(text(o, key));
  if (!t) {
    corrupt(key);
  }
  return *t;
}
std::optional<domain::offset_instant> opt_instant(const object& o, std::string_view key) {
  return member(o, key) ? std::optional(instant_of(o, key)) : std::nullopt;
}
std::optional<domain::civil_date> opt_date(const object& o, std::string_view key) {
  if (!member(o, key)) {
    return std::nullopt;
  }
  const auto d = domain::read_stored_iso_date(text(o, key));
  if (!d) {
    corrupt(key);
  }
  return d;
}
bool flag(const object& o, std::string_view key) {
  const auto* v = member(o, key);
  return v && v->as_bool();
}
template <class T, class Parse>
T parsed(const object& o, std::string_view key, Parse parse) {
  const auto p = parse(text(o, key));
  if (!p) {
    corrupt(key);
  }
  return *p;
}
const array& list_of(const object& o, std::string_view key) {
  static const array empty;
  const auto* v = member(o, key);
  return v ? v->as_array() : empty;
}

// A court decision's recorded receipts: absent in documents stored before they were recorded.
array deliveries_json(const std::vector<ds::delivery>& items) {
  array out;
  for (const auto& d : items) {
    out.push_back(object{{"party", ds::to_string(d.to)}, {"delivered_at", instant_json(d.delivered_at)}});
  }
  return out;
}
std::vector<ds::delivery> deliveries_of(const object& o) {
  std::vector<ds::delivery> out;
  for (const auto& v : list_of(o, "deliveries")) {
    const auto& x = v.as_object();
    out.push_back(ds::delivery{parsed<ds::party>(x, "party", ds::parse_party), instant_of(x, "delivered_at")});
  }
  return out;
}

template <class E>
array names(const std::vector<E>& items) {
  array out;
  for (auto e : items) {
    out.emplace_back(ds::to_string(e));
  }
  return out;
}
array texts(const std::vector<std::string>& items) {
  array out;
  for (const auto& s : items) {
    out.emplace_back(s);
  }
  return out;
}
std::vector<ds::attachment> attachments_of(const object& o, std::string_view key) {
  std::vector<ds::attachment> out;
  for (const auto& v : list_of(o, key)) {
    const auto a = ds::parse_attachment(v.as_string());
    if (!a) {
      corrupt(key);
    }
    out.push_back(*a);
  }
  return out;
}
std::vector<std::string> texts_of(const object& o, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& v : list_of(o, key)) {
    out.emplace_back(v.as_string());
  }
  return out;
}

object person_json(const std::string& name, const std::string& id_number, const std::string& address,
                   const std::string& email, const std::string& phone) {
  return {{"name", name}, {"id_number", id_number}, {"address", address}, {"email", email}, {"phone", phone}};
}

object decision_json(const ds::decision& x) {
  array orders;
  for (const auto& o : x.orders) {
    orders.push_back(object{{"text", o.text}, {"due_days", o.due_days ? value(*o.due_days) : value(nullptr)}});
  }
  return {{"outcome", ds::to_string(x.outcome)},
          {"decision_number", x.decision_number},
          {"read_at", instant_json(x.read_at)},
          {"orders", std::move(orders)}};
}

object public_view_json(const ds::public_dispute_view& v) {
  array hearings;
  for (const auto& h : v.hearings) {
    hearings.push_back(object{
        {"kind", ds::to_string(h.kind)}, {"scheduled_at", instant_json(h.scheduled_at)}, {"location", h.location}});
  }
  value decision = nullptr;
  if (v.decision) {
    array orders;
    for (const auto& o : v.decision->orders) {
      orders.emplace_back(o);
    }
    decision = object{{"decision_number", v.decision->number},
                      {"read_at", instant_json(v.decision->read_at)},
                      {"outcome", ds::to_string(v.decision->outcome)},
                      {"orders", std::move(orders)}};
  }
  return {{"register_number", optional_string(v.register_number)},
          {"ki", v.ki},
          {"respondent", v.respondent},
          {"state", ds::to_string(v.state)},
          {"outcome", v.outcome ? value(ds::to_string(*v.outcome)) : value(nullptr)},
          {"next_deadline", v.next_deadline ? value(object{{"key", v.next_deadline->key},
                                                           {"due", domain::format_iso_date(v.next_deadline->due)}})
                                            : value(nullptr)},
          {"hearings", std::move(hearings)},
          {"decision", std::move(decision)},
          {"applicant_initials", v.applicant_initials}};
}

}  // namespace

std::string public_location(const ds::hearing& h) { return h.location.empty() ? "daring (online)" : h.location; }

object dispute_to_json(const ds::dispute& d) {
  object o;
  o["id"] = d.id;
  o["ki"] = d.ki;
  o["competent_ki"] = d.competent_ki;
  o["jurisdiction_flag"] = d.jurisdiction_flag;
  o["respondent"] = d.respondent;
  o["request_id"] = optional_string(d.request_id);
  if (d.chronology) {
    const auto& c = *d.chronology;
    o["chronology"] = object{{"request_date", domain::format_iso_date(c.request_date)},
                             {"ppid_response_date", date_json(c.ppid_response_date)},
                             {"objection_date", date_json(c.objection_date)},
                             {"objection_response_date", date_json(c.objection_response_date)}};
  } else {
    o["chronology"] = nullptr;
  }
  auto applicant = person_json(d.applicant.name, d.applicant.id_number, d.applicant.address, d.applicant.email,
                               d.applicant.phone);
  applicant["kind"] = domain::to_string(d.applicant.kind);
  o["applicant"] = std::move(applicant);
  if (d.representative) {
    const auto& r = *d.representative;
    o["representative"] = person_json(r.name, r.id_number, r.address, r.email, r.phone);
  } else {
    o["representative"] = nullptr;
  }
  o["information_requested"] = d.information_requested;
  o["reasons"] = d.reasons;
  o["grounds"] = names(d.grounds);
  o["petitum"] = texts(d.petitum);
  o["submitted_at"] = instant_json(d.submitted_at);
  o["ruleset"] = d.ruleset;
  o["ruleset_version"] = d.ruleset_version;
  o["ruleset_reason"] = d.ruleset_reason ? value(ds::to_string(*d.ruleset_reason)) : value(nullptr);
  o["ruleset_election"] = optional_string(d.ruleset_election);
  o["ruleset_override_reason"] = optional_string(d.ruleset_override_reason);
  o["state"] = ds::to_string(d.state);
  o["outcome"] = d.outcome ? value(ds::to_string(*d.outcome)) : value(nullptr);
  o["version"] = d.version;
  o["register_number"] = optional_string(d.register_number);
  o["register_seq"] = d.register_seq ? value(*d.register_seq) : value(nullptr);
  o["registered_at"] = instant_json(d.registered_at);
  o["completeness"] = object{{"present", names(d.completeness.present)},
                             {"missing_requested", names(d.completeness.missing_requested)}};
  o["filing"] = object{{"filing_timely", d.filing.filing_timely ? value(*d.filing.filing_timely) : value(nullptr)},
                       {"reasoning_id", d.filing.reasoning_id},
                       {"reasoning_en", d.filing.reasoning_en},
                       {"period_start", date_json(d.filing.period_start)},
                       {"due", date_json(d.filing.due)}};
  o["mediator"] = optional_string(d.mediator);
  o["majelis"] = texts(d.majelis);
  o["exemption_claim_withdrawn"] = d.exemption_claim_withdrawn;
  o["mediation_failed"] = d.mediation_failed;
  o["preliminary_examination_at"] = instant_json(d.preliminary_examination_at);
  o["mediation_started_at"] = instant_json(d.mediation_started_at);
  o["adjudication_started_at"] = instant_json(d.adjudication_started_at);
  array hearings;
  for (const auto& h : d.hearings) {
    hearings.push_back(object{{"id", h.id},
                              {"kind", ds::to_string(h.kind)},
                              {"scheduled_at", instant_json(h.scheduled_at)},
                              {"location", h.location},
                              {"online_link", h.online_link},
                              {"attendance", h.attendance},
                              {"minutes", h.minutes},
                              {"warning_after_deadline", h.warning_after_deadline}});
  }
  o["hearings"] = std::move(hearings);
  o["decision"] = d.decision ? value(decision_json(*d.decision)) : value(nullptr);
  array services;
  for (const auto& s : d.services) {
    services.push_back(object{{"party", ds::to_string(s.served_party)},
                              {"served_at", instant_json(s.served_at)},
                              {"delivered_at", instant_json(s.delivered_at)}});
  }
  o["services"] = std::move(services);
  array objections;
  for (const auto& c : d.court_objections) {
    objections.push_back(object{{"party", ds::to_string(c.filed_by)},
                                {"instance", ds::to_string(c.instance)},
                                {"filed_at", instant_json(c.filed_at)},
                                {"court", c.court},
                                {"case_number", c.case_number},
                                {"after_window", c.after_window}});
  }
  o["court_objections"] = std::move(objections);
  array court_decisions;
  for (const auto& c : d.court_decisions) {
    court_decisions.push_back(object{{"instance", ds::to_string(c.instance)},
                                     {"decided_at", instant_json(c.decided_at)},
                                     {"result", c.result},
                                     {"court", c.court},
                                     {"case_number", c.case_number},
                                     {"deliveries", deliveries_json(c.deliveries)}});
  }
  o["court_decisions"] = std::move(court_decisions);
  // The api-v1 fields of the single-objection era keep their meaning: the first objection to the
  // first-instance court and that court's decision (the lists above carry every party and instance).
  if (const auto* c = d.first_objection(ds::court_instance::first_instance)) {
    o["court_objection"] = object{{"party", ds::to_string(c->filed_by)},
                                  {"filed_at", instant_json(c->filed_at)},
                                  {"court", c->court},
                                  {"case_number", c->case_number},
                                  {"after_window", c->after_window}};
  } else {
    o["court_objection"] = nullptr;
  }
  const auto* first_decision = d.court_decided(ds::court_instance::first_instance);
  o["court_decision"] = first_decision ? value(object{{"decided_at", instant_json(first_decision->decided_at)},
                                                      {"result", first_decision->result}})
                                       : value(nullptr);
  o["final_on"] = date_json(d.final_on);
  o["compliance"] = d.compliance ? value(object{{"complied", d.compliance->complied},
                                                {"recorded_at", instant_json(d.compliance->recorded_at)},
                                                {"evidence", d.compliance->evidence}})
                                 : value(nullptr);
  o["closed"] = d.closed ? value(object{{"reason", d.closed->reason}, {"at", instant_json(d.closed->at)}})
                         : value(nullptr);
  return o;
}

ds::dispute dispute_from_json(const object& o) {
  ds::dispute d;
  d.id = text(o, "id");
  d.ki = text(o, "ki");
  d.competent_ki = text(o, "competent_ki");
  d.jurisdiction_flag = flag(o, "jurisdiction_flag");
  d.respondent = text(o, "respondent");
  d.request_id = opt_text(o, "request_id");
  if (const auto* c = member(o, "chronology")) {
    const auto& co = c->as_object();
    ds::chronology ch;
    ch.request_date = *opt_date(co, "request_date");
    ch.ppid_response_date = opt_date(co, "ppid_response_date");
    ch.objection_date = opt_date(co, "objection_date");
    ch.objection_response_date = opt_date(co, "objection_response_date");
    d.chronology = ch;
  }
  const auto& a = o.at("applicant").as_object();
  d.applicant.kind = parsed<domain::applicant_kind>(a, "kind", domain::parse_applicant_kind);
  d.applicant.name = text(a, "name");
  d.applicant.id_number = text(a, "id_number");
  d.applicant.address = text(a, "address");
  d.applicant.email = text(a, "email");
  d.applicant.phone = text(a, "phone");
  if (const auto* r = member(o, "representative")) {
    const auto& ro = r->as_object();
    d.representative = ds::representative{text(ro, "name"), text(ro, "id_number"), text(ro, "address"),
                                          text(ro, "email"), text(ro, "phone")};
  }
  d.information_requested = text(o, "information_requested");
  d.reasons = text(o, "reasons");
  for (const auto& g : list_of(o, "grounds")) {
    const auto parsed_ground = ds::parse_dispute_ground(g.as_string());
    if (!parsed_ground) {
      corrupt("grounds");
    }
    d.grounds.push_back(*parsed_ground);
  }
  d.petitum = texts_of(o, "petitum");
  d.submitted_at = instant_of(o, "submitted_at");
  d.ruleset = text(o, "ruleset");
  d.ruleset_version = static_cast<int>(o.at("ruleset_version").as_int64());
  // Absent in documents stored before the track was recorded.
  if (const auto reason = opt_text(o, "ruleset_reason")) {
    d.ruleset_reason = ds::parse_track_reason(*reason);
    if (!d.ruleset_reason) {
      corrupt("ruleset_reason");
    }
  }
  d.ruleset_election = opt_text(o, "ruleset_election");
  d.ruleset_override_reason = opt_text(o, "ruleset_override_reason");
  d.state = parsed<ds::dispute_state>(o, "state", ds::parse_dispute_state);
  if (member(o, "outcome")) {
    d.outcome = parsed<ds::dispute_outcome>(o, "outcome", ds::parse_dispute_outcome);
  }
  d.version = static_cast<int>(o.at("version").as_int64());
  d.register_number = opt_text(o, "register_number");
  if (const auto* s = member(o, "register_seq")) {
    d.register_seq = s->as_int64();
  }
  d.registered_at = opt_instant(o, "registered_at");
  const auto& c = o.at("completeness").as_object();
  d.completeness.present = attachments_of(c, "present");
  d.completeness.missing_requested = attachments_of(c, "missing_requested");
  const auto& f = o.at("filing").as_object();
  if (const auto* t = member(f, "filing_timely")) {
    d.filing.filing_timely = t->as_bool();
  }
  d.filing.reasoning_id = text(f, "reasoning_id");
  d.filing.reasoning_en = text(f, "reasoning_en");
  d.filing.period_start = opt_date(f, "period_start");
  d.filing.due = opt_date(f, "due");
  d.mediator = opt_text(o, "mediator");
  d.majelis = texts_of(o, "majelis");
  d.exemption_claim_withdrawn = flag(o, "exemption_claim_withdrawn");
  d.mediation_failed = flag(o, "mediation_failed");
  d.preliminary_examination_at = opt_instant(o, "preliminary_examination_at");
  d.mediation_started_at = opt_instant(o, "mediation_started_at");
  d.adjudication_started_at = opt_instant(o, "adjudication_started_at");
  for (const auto& hv : list_of(o, "hearings")) {
    const auto& h = hv.as_object();
    ds::hearing x;
    x.id = text(h, "id");
    x.kind = parsed<ds::hearing_kind>(h, "kind", ds::parse_hearing_kind);
    x.scheduled_at = instant_of(h, "scheduled_at");
    x.location = text(h, "location");
    x.online_link = text(h, "online_link");
    x.attendance = text(h, "attendance");
    x.minutes = text(h, "minutes");
    x.warning_after_deadline = flag(h, "warning_after_deadline");
    d.hearings.push_back(std::move(x));
  }
  if (const auto* x = member(o, "decision")) {
    const auto& xo = x->as_object();
    ds::decision dec;
    dec.outcome = parsed<ds::dispute_outcome>(xo, "outcome", ds::parse_dispute_outcome);
    dec.decision_number = text(xo, "decision_number");
    dec.read_at = instant_of(xo, "read_at");
    for (const auto& ov : list_of(xo, "orders")) {
      const auto& oo = ov.as_object();
      ds::order ord;
      ord.text = text(oo, "text");
      if (const auto* days = member(oo, "due_days")) {
        ord.due_days = static_cast<int>(days->as_int64());
      }
      dec.orders.push_back(std::move(ord));
    }
    d.decision = std::move(dec);
  }
  for (const auto& sv : list_of(o, "services")) {
    const auto& so = sv.as_object();
    d.services.push_back(ds::service{parsed<ds::party>(so, "party", ds::parse_party), instant_of(so, "served_at"),
                                     opt_instant(so, "delivered_at")});
  }
  if (o.contains("court_objections")) {
    for (const auto& cv : list_of(o, "court_objections")) {
      const auto& x = cv.as_object();
      d.court_objections.push_back(ds::court_objection{
          parsed<ds::party>(x, "party", ds::parse_party), instant_of(x, "filed_at"), text(x, "court"),
          text(x, "case_number"), flag(x, "after_window"),
          parsed<ds::court_instance>(x, "instance", ds::parse_court_instance)});
    }
    for (const auto& cv : list_of(o, "court_decisions")) {
      const auto& x = cv.as_object();
      d.court_decisions.push_back(ds::court_decision{
          instant_of(x, "decided_at"), text(x, "result"),
          parsed<ds::court_instance>(x, "instance", ds::parse_court_instance), text(x, "court"),
          text(x, "case_number"), deliveries_of(x)});
    }
  } else {
    // A document stored before the court stage (one objection, a first-instance decision taken as final).
    if (const auto* co = member(o, "court_objection")) {
      const auto& x = co->as_object();
      d.court_objections.push_back(ds::court_objection{parsed<ds::party>(x, "party", ds::parse_party),
                                                       instant_of(x, "filed_at"), text(x, "court"),
                                                       text(x, "case_number"), flag(x, "after_window")});
    }
    if (const auto* cd = member(o, "court_decision")) {
      const auto& x = cd->as_object();
      d.court_decisions.push_back(ds::court_decision{instant_of(x, "decided_at"), text(x, "result")});
    }
  }
  d.final_on = opt_date(o, "final_on");
  if (const auto* cm = member(o, "compliance")) {
    const auto& x = cm->as_object();
    d.compliance = ds::compliance{flag(x, "complied"), instant_of(x, "recorded_at"), text(x, "evidence")};
  }
  if (const auto* cl = member(o, "closed")) {
    const auto& x = cl->as_object();
    d.closed = ds::closure{text(x, "reason"), instant_of(x, "at")};
  }
  return d;
}

array awaiting_json(const std::vector<ds::awaiting_item>& items) {
  array out;
  for (const auto& a : items) {
    out.push_back(object{{"who", a.who},
                         {"what", a.what},
                         {"deadline_key", optional_string(a.deadline_key)},
                         {"due", date_json(a.due)}});
  }
  return out;
}

boost::json::object dispute_list_item(const ds::dispute& d, const ds::due_map& open_dues) {
  return {{"id", d.id},
          {"register_number", optional_string(d.register_number)},
          {"state", ds::to_string(d.state)},
          {"outcome", d.outcome ? value(ds::to_string(*d.outcome)) : value(nullptr)},
          {"ki", d.ki},
          {"respondent", d.respondent},
          {"applicant_name", d.applicant.name},
          {"information_requested", d.information_requested},
          {"submitted_at", instant_json(d.submitted_at)},
          {"registered_at", instant_json(d.registered_at)},
          {"jurisdiction_flag", d.jurisdiction_flag},
          {"awaiting", awaiting_json(ds::awaiting(d, open_dues))},
          {"ruleset", d.ruleset},
          {"ruleset_version", d.ruleset_version},
          {"version", d.version}};
}

boost::json::object dispute_public_status(const ds::dispute& d, const ds::due_map& open_dues) {
  return public_view_json(ds::public_view(d, open_dues));
}

ports::dispute_document to_document(const ds::dispute& d, const std::vector<domain::deadline_record>& records,
                                    int ki_offset_minutes) {
  ports::dispute_document doc;
  doc.id = d.id;
  doc.ki = d.ki;
  doc.respondent = d.respondent;
  doc.state = ds::to_string(d.state);
  if (d.outcome) {
    doc.outcome = std::string(ds::to_string(*d.outcome));
  }
  doc.version = d.version;
  doc.submitted_at = d.submitted_at.utc;
  if (d.registered_at) {
    doc.registered_at = d.registered_at->utc;
    doc.registered_on = domain::local_date(d.registered_at->utc, ki_offset_minutes);
  }
  doc.register_number = d.register_number;
  doc.request_id = d.request_id;
  // Closed and final cases still carry their compliance clocks; the list's overdue flag follows them.
  doc.next_due = next_open_due(records);
  doc.search_text = domain::fold_for_search(d.register_number.value_or("") + "\n" + d.applicant.name + "\n" + d.respondent +
                                "\n" + d.information_requested + "\n" + (d.decision ? d.decision->decision_number : ""));
  doc.body = boost::json::serialize(dispute_to_json(d));
  const auto open_dues = open_due_dates(records);
  doc.list_item = boost::json::serialize(dispute_list_item(d, open_dues));
  doc.public_item = boost::json::serialize(dispute_public_status(d, open_dues));
  doc.report = domain::reports::fact_of(d);
  doc.report.completion_due = domain::reports::report_due(records, domain::reports::completion_clock);
  for (const auto& h : d.hearings) {
    ports::dispute_hearing_entry e;
    e.dispute_id = d.id;
    e.hearing_id = h.id;
    e.ki = d.ki;
    e.respondent = d.respondent;
    e.register_number = d.register_number;
    e.kind = ds::to_string(h.kind);
    e.scheduled_at = h.scheduled_at.utc;
    e.offset_minutes = h.scheduled_at.offset_minutes;
    e.location = public_location(h);
    doc.hearings.push_back(std::move(e));
  }
  if (d.decision) {
    ports::dispute_decision_entry x;
    x.dispute_id = d.id;
    x.ki = d.ki;
    x.year = static_cast<int>(domain::local_date(d.decision->read_at.utc, ki_offset_minutes).year());
    x.decision_number = d.decision->decision_number;
    x.outcome = ds::to_string(d.decision->outcome);
    x.read_at = d.decision->read_at.utc;
    doc.decision = std::move(x);
  }
  return doc;
}

ds::dispute from_document(const ports::dispute_document& doc) {
  const auto parsed_body = boost::json::parse(doc.body);
  return dispute_from_json(parsed_body.as_object());
}

}  // namespace perkara::api
