#include "api/disputes/dispute_input.hpp"

#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"

#include <fmt/format.h>

namespace perkara::api {
namespace {

namespace ds = domain::disputes;

template <class E, class Parse>
std::optional<E> enum_field(json_reader& in, std::string_view key, bool required, Parse parse, std::string_view allowed) {
  const auto raw = in.string(key, required, 64);
  if (!raw) {
    return std::nullopt;
  }
  const auto e = parse(*raw);
  if (!e) {
    in.errors().fail(in.path(key), fmt::format("harus salah satu dari / must be one of: {}", allowed));
  }
  return e;
}

std::vector<ds::attachment> attachments(json_reader& in, std::string_view key, bool required) {
  std::vector<ds::attachment> out;
  const auto raw = in.string_array(key, required);
  if (!raw) {
    return out;
  }
  for (std::size_t i = 0; i < raw->size(); ++i) {
    if (const auto a = ds::parse_attachment((*raw)[i])) {
      out.push_back(*a);
    } else {
      in.errors().fail(fmt::format("{}[{}]", in.path(key), i), "lampiran tidak dikenal / unknown attachment");
    }
  }
  return out;
}

domain::offset_instant instant_or(json_reader& in, std::string_view key, domain::offset_instant fallback) {
  return in.instant(key, false).value_or(fallback);
}

domain::offset_instant required_instant(json_reader& in, std::string_view key) {
  return in.instant(key, true).value_or(domain::offset_instant{});
}

ds::party party_field(json_reader& in, std::string_view key) {
  return enum_field<ds::party>(in, key, true, ds::parse_party, "applicant, respondent").value_or(ds::party::applicant);
}

// Optional; absent means the first-instance court (the only instance before the court stage was modelled).
ds::court_instance instance_field(json_reader& in) {
  return enum_field<ds::court_instance>(in, "instance", false, ds::parse_court_instance, "first_instance, cassation")
      .value_or(ds::court_instance::first_instance);
}

// A party's receipts of the first-instance court's decision given with it: [{party, delivered_at}].
std::vector<ds::delivery> deliveries(const boost::json::object& body, domain::validation& v) {
  std::vector<ds::delivery> out;
  const auto* raw = body.if_contains("deliveries");
  if (raw == nullptr || raw->is_null()) {
    return out;
  }
  if (!raw->is_array()) {
    v.fail("deliveries", "harus larik / must be an array");
    return out;
  }
  const auto& items = raw->as_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto field = fmt::format("deliveries[{}]", i);
    if (!items[i].is_object()) {
      v.fail(field, "harus objek {party, delivered_at} / must be an object {party, delivered_at}");
      continue;
    }
    json_reader di{items[i].as_object(), v, field};
    out.push_back(ds::delivery{party_field(di, "party"), required_instant(di, "delivered_at")});
  }
  return out;
}

}  // namespace

ds::new_dispute parse_new_dispute(const boost::json::object& body, domain::offset_instant now, domain::validation& v) {
  json_reader in{body, v};
  ds::new_dispute n;
  n.request_id = in.string("request_id", false, 64);
  if (const auto* c = in.object("chronology", false)) {
    json_reader cr{*c, v, "chronology"};
    ds::chronology ch;
    ch.request_date = cr.date("request_date", true).value_or(domain::civil_date{});
    ch.ppid_response_date = cr.date("ppid_response_date", false);
    ch.objection_date = cr.date("objection_date", false);
    ch.objection_response_date = cr.date("objection_response_date", false);
    n.chronology = ch;
  }
  if (const auto* a = in.object("applicant", true)) {
    json_reader ar{*a, v, "applicant"};
    n.applicant.kind = enum_field<domain::applicant_kind>(ar, "kind", false, domain::parse_applicant_kind,
                                                      "individual, legal_entity, group")
                           .value_or(domain::applicant_kind::individual);
    n.applicant.name = ar.string("name", false, 255).value_or("");
    n.applicant.id_number = ar.string("id_number", false, 64).value_or("");
    n.applicant.address = ar.string("address", false, 500).value_or("");
    n.applicant.email = ar.string("email", false, 255).value_or("");
    n.applicant.phone = ar.string("phone", false, 64).value_or("");
  }
  if (const auto* r = in.object("representative", false)) {
    json_reader rr{*r, v, "representative"};
    ds::representative rep;
    rep.name = rr.string("name", false, 255).value_or("");
    rep.id_number = rr.string("id_number", false, 64).value_or("");
    rep.address = rr.string("address", false, 500).value_or("");
    rep.email = rr.string("email", false, 255).value_or("");
    rep.phone = rr.string("phone", false, 64).value_or("");
    n.representative = rep;
  }
  n.respondent = in.string("respondent", true, 64).value_or("");
  n.information_requested = in.string("information_requested", false, 10000).value_or("");
  n.reasons = in.string("reasons", false, 20000).value_or("");
  if (const auto grounds = in.string_array("grounds", false)) {
    for (std::size_t i = 0; i < grounds->size(); ++i) {
      if (const auto g = ds::parse_dispute_ground((*grounds)[i])) {
        n.grounds.push_back(*g);
      } else {
        v.fail(fmt::format("grounds[{}]", i), "harus a sampai g / must be a to g (UU 14/2008 Pasal 35(1))");
      }
    }
  }
  n.petitum = in.string_array("petitum", false).value_or(std::vector<std::string>{});
  n.submitted_at = instant_or(in, "submitted_at", now);
  n.ki = in.string("ki", false, 64);
  // Empty: not asked for; the service decides the track (domain/disputes/track.hpp).
  n.ruleset = in.string("ruleset", false, 64).value_or("");
  n.ruleset_override_reason = in.string("ruleset_override_reason", false, 2000);
  n.attachments = attachments(in, "attachments", false);
  return n;
}

std::optional<ds::command> parse_dispute_command(ds::dispute_action action, const boost::json::object& body,
                                                 domain::offset_instant now, domain::validation& v) {
  json_reader in{body, v};
  using A = ds::dispute_action;
  switch (action) {
    case A::request_completion: {
      ds::cmd::request_completion c;
      c.missing = attachments(in, "missing", true);
      return c;
    }
    case A::complete:
      return ds::cmd::complete{attachments(in, "attachments", false)};
    case A::register_dispute: {
      ds::cmd::register_dispute c;
      c.registered_at = instant_or(in, "registered_at", now);
      c.attachments = attachments(in, "attachments", false);
      c.majelis = in.string_array("majelis", false).value_or(std::vector<std::string>{});
      return c;
    }
    case A::reject_registration:
      return ds::cmd::reject_registration{in.string("reason", true, 2000).value_or(""), in.instant("at", false)};
    case A::open_preliminary_examination:
      return ds::cmd::open_preliminary_examination{instant_or(in, "held_at", now)};
    case A::start_mediation: {
      ds::cmd::start_mediation c;
      c.mediator = in.string("mediator", true, 190).value_or("");
      c.held_at = instant_or(in, "held_at", now);
      c.exemption_claim_withdrawn = in.boolean("exemption_claim_withdrawn", false).value_or(false);
      return c;
    }
    case A::mediation_failed:
      return ds::cmd::mediation_failed{in.string("reason", true, 2000).value_or(""), in.instant("at", false)};
    case A::start_adjudication:
      return ds::cmd::start_adjudication{instant_or(in, "held_at", now)};
    case A::schedule_hearing: {
      ds::cmd::schedule_hearing c;
      c.kind = enum_field<ds::hearing_kind>(in, "kind", true, ds::parse_hearing_kind,
                                            "preliminary_examination, mediation, evidence, closed_examination, "
                                            "site_inspection, conclusions, decision_reading")
                   .value_or(ds::hearing_kind::preliminary_examination);
      c.scheduled_at = required_instant(in, "scheduled_at");
      c.location = in.string("location", false, 255).value_or("");
      c.online_link = in.string("online_link", false, 1000).value_or("");
      return c;
    }
    case A::decide: {
      ds::cmd::decide c;
      c.outcome = enum_field<ds::dispute_outcome>(in, "outcome", true, ds::parse_dispute_outcome,
                                                  "granted, partly_granted, rejected, inadmissible, no_jurisdiction, "
                                                  "mediation_agreement")
                      .value_or(ds::dispute_outcome::rejected);
      c.decision_number = in.string("decision_number", false, 128).value_or("");
      c.read_at = instant_or(in, "read_at", now);
      if (const auto* raw = body.if_contains("orders"); raw && !raw->is_null()) {
        if (!raw->is_array()) {
          v.fail("orders", "harus larik / must be an array");
        } else {
          const auto& items = raw->as_array();
          for (std::size_t i = 0; i < items.size(); ++i) {
            const auto field = fmt::format("orders[{}]", i);
            if (items[i].is_string()) {
              c.orders.push_back(ds::order{std::string(items[i].as_string()), std::nullopt});
            } else if (items[i].is_object()) {
              json_reader oi{items[i].as_object(), v, field};
              ds::order o;
              o.text = oi.string("text", true, 5000).value_or("");
              if (const auto days = oi.integer("due_days", false, 0, 1000)) {
                o.due_days = static_cast<int>(*days);
              }
              c.orders.push_back(std::move(o));
            } else {
              v.fail(field, "harus teks atau objek {text, due_days} / must be a string or {text, due_days}");
            }
          }
        }
      }
      return c;
    }
    case A::serve_copy: {
      ds::cmd::serve_copy c;
      c.served_party = party_field(in, "party");
      c.served_at = instant_or(in, "served_at", now);
      c.delivered_at = in.instant("delivered_at", false);
      return c;
    }
    case A::record_delivery: {
      ds::cmd::record_delivery c;
      c.to = party_field(in, "party");
      c.delivered_at = required_instant(in, "delivered_at");
      c.document = enum_field<ds::delivered_document>(in, "document", false, ds::parse_delivered_document,
                                                      "decision_copy, court_decision")
                       .value_or(ds::delivered_document::decision_copy);
      return c;
    }
    case A::record_court_objection: {
      ds::cmd::record_court_objection c;
      c.filed_by = party_field(in, "party");
      c.filed_at = required_instant(in, "filed_at");
      c.court = in.string("court", false, 255).value_or("");
      c.case_number = in.string("case_number", false, 128).value_or("");
      c.instance = instance_field(in);
      return c;
    }
    case A::record_court_decision: {
      ds::cmd::record_court_decision c;
      c.decided_at = required_instant(in, "decided_at");
      c.result = in.string("result", true, 5000).value_or("");
      c.instance = instance_field(in);
      c.court = in.string("court", false, 255).value_or("");
      c.case_number = in.string("case_number", false, 128).value_or("");
      c.deliveries = deliveries(body, v);
      return c;
    }
    case A::mark_final:
      return ds::cmd::mark_final{};
    case A::record_compliance: {
      ds::cmd::record_compliance c;
      c.complied = in.boolean("complied", true).value_or(false);
      c.recorded_at = instant_or(in, "recorded_at", now);
      c.evidence = in.string("evidence", false, 5000).value_or("");
      return c;
    }
    case A::withdraw:
      return ds::cmd::withdraw{in.string("reason", true, 2000).value_or(""), instant_or(in, "at", now)};
    case A::lapse:
      return ds::cmd::lapse{in.string("reason", true, 2000).value_or(""), instant_or(in, "at", now)};
  }
  return std::nullopt;
}

dispute_list_query read_dispute_list_query(const request& req) {
  dispute_list_query q{read_case_list_query(req, "registered"), std::nullopt, false};
  q.ki = query_text(req, "ki");
  if (const auto sort = query_text(req, "sort")) {
    if (*sort != "due" && *sort != "submitted") {
      throw validation_problem({{"sort", "harus due atau submitted / must be due or submitted"}});
    }
    q.by_due = *sort == "due";
  }
  return q;
}

}  // namespace perkara::api
