#include "domain/disputes/transitions.hpp"

#include "domain/cases/act_date.hpp"
#include "domain/cases/engine.hpp"
#include "domain/cases/event_payload.hpp"
#include "domain/cases/field_checks.hpp"
#include "domain/disputes/completeness.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perkara::domain::disputes {

namespace {

// Legal sources of the clocks not read from the rule set (a rule-set period carries its own source).
constexpr std::string_view source_compliance = "Amar putusan: jangka waktu pelaksanaan (PERKI 1/2013 Pasal 59 [S16a])";

std::string instant_text(const offset_instant& t) { return format_rfc3339(t.utc, t.offset_minutes); }

// The record key of a party's own clock: "court_objection:applicant".
std::string party_clock_key(std::string_view clock, party p) { return fmt::format("{}:{}", clock, to_string(p)); }

std::vector<std::string> names(const std::vector<attachment>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (auto a : items) out.emplace_back(to_string(a));
  return out;
}

std::optional<civil_date> due_of(const due_map& due, std::string_view key) {
  const auto it = due.find(key);
  return it == due.end() ? std::nullopt : std::optional<civil_date>{it->second};
}

// Each party's window `key_of(p)` has a due date strictly before today (the last day to act has
// passed), and for the KI decision's windows each party was served; nullopt when not yet, else the
// finality date (the day after the later window).
std::optional<civil_date> windows_passed(const dispute& d, civil_date today, const due_map& due,
                                         std::string (*key_of)(party), bool served_first) {
  std::optional<civil_date> latest;
  for (auto p : {party::applicant, party::respondent}) {
    if (served_first && d.served(p) == nullptr) return std::nullopt;
    const auto window = due_of(due, key_of(p));
    if (!window || !(*window < today)) return std::nullopt;
    latest = latest ? std::max(*latest, *window) : *window;
  }
  return add_days(*latest, 1);
}

// The KI decision's court-objection windows (T26).
std::optional<civil_date> objection_windows_passed(const dispute& d, civil_date today, const due_map& due) {
  return windows_passed(d, today, due, court_objection_key, true);
}

// The first-instance court decision's cassation windows, when nobody filed a cassation (T27).
std::optional<civil_date> cassation_windows_passed(const dispute& d, civil_date today, const due_map& due) {
  if (d.court_decided(court_instance::first_instance) == nullptr ||
      d.first_objection(court_instance::cassation) != nullptr) {
    return std::nullopt;
  }
  return windows_passed(d, today, due, cassation_key, false);
}

// A party may object at first instance: served, not yet objected, and the court has not decided.
bool may_object(const dispute& d, party p) {
  return d.served(p) != nullptr && d.objection_of(p, court_instance::first_instance) == nullptr &&
         d.court_decided(court_instance::first_instance) == nullptr;
}

// A party may seek cassation: the first instance decided, the Mahkamah Agung not yet, not yet filed.
bool may_seek_cassation(const dispute& d, party p) {
  return d.court_decided(court_instance::first_instance) != nullptr &&
         d.court_decided(court_instance::cassation) == nullptr &&
         d.objection_of(p, court_instance::cassation) == nullptr;
}

class applier {
 public:
  applier(const dispute& d, const transition_context& ctx)
      : d_(d), ctx_(ctx), today_(local_date(ctx.now.utc, ctx.now.offset_minutes)) {
    r_.next = d;
  }

  transition_result finish(dispute_action action) {
    if (!v_.ok()) {
      return transition_result::invalid(
          d_, v_.take(), fmt::format("data aksi {} tidak sah / invalid {} payload", to_string(action), to_string(action)));
    }
    r_.next.version = d_.version + 1;
    r_.event.action = action;
    r_.event.payload_json = payload_.str();
    return std::move(r_);
  }

  void operator()(const cmd::request_completion& c) {
    if (c.missing.empty()) {
      v_.fail("missing", "sebutkan dokumen yang kurang / list the missing documents");
    }
    check_unique(c.missing, "missing");
    if (!v_.ok()) return;
    auto& next = r_.next;
    // The listed items are no longer counted as present (e.g. an illegible copy).
    std::erase_if(next.completeness.present, [&](attachment a) { return has(c.missing, a); });
    next.completeness.missing_requested = c.missing;
    next.state = dispute_state::incomplete;
    clocks(clock_step::completion_requested, today_, {{"completion_requested", ctx_.now}});
    payload_.texts("missing", names(c.missing));
  }

  void operator()(const cmd::complete& c) {
    check_unique(c.attachments, "attachments");
    if (!v_.ok()) return;
    auto& next = r_.next;
    add_present(next, c.attachments);
    std::erase_if(next.completeness.missing_requested, [&](attachment a) { return has(c.attachments, a); });
    next.state = dispute_state::submitted;
    clocks(clock_step::completed, today_);
    payload_.texts("attachments", names(c.attachments));
  }

  void operator()(const cmd::register_dispute& c) {
    require_text("register_number", c.register_number);
    if (c.register_seq && *c.register_seq < 1) {
      v_.fail("register_seq", "harus >= 1 / must be >= 1");
    }
    within("registered_at", c.registered_at, d_.submitted_at, "submitted_at");
    check_unique(c.attachments, "attachments");
    check_majelis(c.majelis);
    auto next = r_.next;
    add_present(next, c.attachments);
    // T09-T11: no register number for an incomplete application [G][S16d][S16f].
    const auto check = check_completeness(next);
    if (!check.complete()) {
      std::string list;
      for (auto a : check.missing) list += (list.empty() ? "" : ", ") + std::string(to_string(a));
      v_.fail("completeness", fmt::format("berkas belum lengkap: {} / application incomplete, missing: {}", list, list));
    }
    if (!v_.ok()) return;
    next.state = dispute_state::registered;
    next.register_number = c.register_number;
    next.register_seq = c.register_seq;
    next.registered_at = c.registered_at;
    next.majelis = c.majelis;
    next.completeness.missing_requested.clear();
    r_.next = std::move(next);
    // Which event starts each KI clock is the rule set's (start_event): perki_1_2019 counts the 14 HK
    // from registration, general the UU 14/2008 Pasal 38 periods from receipt of the application.
    clocks(clock_step::registered, local(c.registered_at),
           {{"dispute_registered", c.registered_at}, {"dispute_received", d_.submitted_at}});
    payload_.text("register_number", c.register_number).text("registered_at", instant_text(c.registered_at));
    if (c.register_seq) payload_.number("register_seq", *c.register_seq);
    payload_.texts("majelis", c.majelis);
  }

  void operator()(const cmd::reject_registration& c) {
    const auto at = c.at.value_or(ctx_.now);
    require_text("reason", c.reason);
    at_bounds("at", at);
    if (!v_.ok()) return;
    close(dispute_outcome::not_registered, c.reason, at);
    clocks(clock_step::registration_rejected, local(at));
    payload_.text("reason", c.reason).text("at", instant_text(at));
  }

  void operator()(const cmd::open_preliminary_examination& c) {
    within("held_at", c.held_at, registered_at(), "registered_at");
    if (!v_.ok()) return;
    r_.next.state = dispute_state::preliminary_examination;
    r_.next.preliminary_examination_at = c.held_at;
    clocks(clock_step::examination_opened, local(c.held_at));
    payload_.text("held_at", instant_text(c.held_at));
  }

  void operator()(const cmd::start_mediation& c) {
    require_text("mediator", c.mediator);
    if (!blank(c.mediator) && ctx_.is_ki_commissioner && !ctx_.is_ki_commissioner(c.mediator)) {
      v_.fail("mediator", "bukan komisioner Komisi Informasi ini / not a commissioner of this KI");
    }
    // UU 14/2008 Pasal 35(2), Pasal 40; docs/legal-sources.md §3.4: a dispute over an exemption (ground a) is
    // adjudicated, unless the respondent has dropped its exemption claim ([PR][S13]).
    const bool withdrawn = c.exemption_claim_withdrawn || d_.exemption_claim_withdrawn;
    if (d_.has_ground(dispute_ground::a) && !withdrawn) {
      v_.fail("exemption_claim_withdrawn",
              "sengketa atas informasi yang dikecualikan (Pasal 35(1) huruf a) tidak dapat dimediasi (UU 14/2008 "
              "Pasal 40) kecuali termohon mencabut klaim pengecualian / an exemption dispute (ground a) cannot be "
              "mediated (UU 14/2008 Pasal 40) unless the exemption claim is withdrawn");
    }
    within("held_at", c.held_at, stage_start(), "the current stage");
    if (!v_.ok()) return;
    r_.next.state = dispute_state::mediation;
    r_.next.mediator = c.mediator;
    r_.next.mediation_started_at = c.held_at;
    r_.next.exemption_claim_withdrawn = withdrawn;
    payload_.text("mediator", c.mediator).text("held_at", instant_text(c.held_at)).boolean("exemption_claim_withdrawn", withdrawn);
  }

  void operator()(const cmd::mediation_failed& c) {
    const auto at = c.at.value_or(ctx_.now);
    require_text("reason", c.reason);
    within("at", at, d_.mediation_started_at.value_or(stage_start()), "mediation start");
    if (!v_.ok()) return;
    // T16: failed mediation continues as adjudication.
    r_.next.state = dispute_state::adjudication;
    r_.next.mediation_failed = true;
    r_.next.adjudication_started_at = at;
    payload_.text("reason", c.reason).text("at", instant_text(at));
  }

  void operator()(const cmd::start_adjudication& c) {
    within("held_at", c.held_at, stage_start(), "the preliminary examination");
    if (!v_.ok()) return;
    r_.next.state = dispute_state::adjudication;
    r_.next.adjudication_started_at = c.held_at;
    payload_.text("held_at", instant_text(c.held_at));
  }

  void operator()(const cmd::schedule_hearing& c) {
    if (blank(c.location) && blank(c.online_link)) {
      v_.fail("location", "isi tempat atau tautan daring / give a location or an online link");
    }
    not_before("scheduled_at", c.scheduled_at, registered_at(), "registered_at");
    if (!v_.ok()) return;
    hearing h;
    h.id = fmt::format("h{}", d_.hearings.size() + 1);
    h.kind = c.kind;
    h.scheduled_at = c.scheduled_at;
    h.location = c.location;
    h.online_link = c.online_link;
    // T20: the KI's completion period is not extendable; a later hearing is flagged, not refused.
    if (const auto due = due_of(ctx_.due, "ki_completion"); due && local(c.scheduled_at) > *due) {
      h.warning_after_deadline = true;
      r_.warnings.push_back(fmt::format(
          "sidang dijadwalkan setelah batas penyelesaian KI {} / hearing scheduled after the KI completion due date {}",
          format_iso_date(*due), format_iso_date(*due)));
    }
    r_.next.hearings.push_back(h);
    payload_.text("hearing_id", h.id)
        .text("kind", to_string(c.kind))
        .text("scheduled_at", instant_text(c.scheduled_at))
        .text("location", c.location)
        .text("online_link", c.online_link)
        .boolean("warning_after_deadline", h.warning_after_deadline);
  }

  void operator()(const cmd::decide& c) {
    const auto allowed = decidable_outcomes(d_.state);
    if (std::find(allowed.begin(), allowed.end(), c.outcome) == allowed.end()) {
      std::string list;
      for (auto o : allowed) list += (list.empty() ? "" : ", ") + std::string(to_string(o));
      v_.fail("outcome", fmt::format("putusan {} tidak dapat dijatuhkan pada tahap {}; yang dapat: {} / outcome {} is "
                                     "not possible in state {}; possible: {}",
                                     to_string(c.outcome), label_id(d_.state), list, to_string(c.outcome),
                                     to_string(d_.state), list));
    }
    require_text("decision_number", c.decision_number);
    within("read_at", c.read_at, registered_at(), "registered_at");
    // Granting and mediation decisions order the parties to act (docs/legal-sources.md §3.3, T15).
    const bool needs_orders = c.outcome == dispute_outcome::granted || c.outcome == dispute_outcome::partly_granted ||
                              c.outcome == dispute_outcome::mediation_agreement;
    if (needs_orders && c.orders.empty()) {
      v_.fail("orders", "putusan ini memerlukan amar / this outcome needs at least one order");
    }
    for (std::size_t i = 0; i < c.orders.size(); ++i) {
      require_text(fmt::format("orders[{}].text", i), c.orders[i].text);
      if (c.orders[i].due_days && *c.orders[i].due_days < 1) {
        v_.fail(fmt::format("orders[{}].due_days", i), "harus >= 1 / must be >= 1");
      }
    }
    if (!v_.ok()) return;
    auto& next = r_.next;
    next.decision = c;
    next.outcome = c.outcome;
    const auto read_on = local(c.read_at);
    clocks(clock_step::decided, read_on, {{"decision_read", c.read_at}});
    if (const auto due = due_of(ctx_.due, "ki_completion"); due && read_on > *due) {
      r_.warnings.push_back(fmt::format("putusan dibacakan setelah batas penyelesaian KI {} / decided after the KI "
                                        "completion due date {}",
                                        format_iso_date(*due), format_iso_date(*due)));
    }
    if (c.outcome == dispute_outcome::mediation_agreement) {
      // UU 14/2008 Pasal 39: a mediation decision is final and binding; no court objection.
      next.state = dispute_state::final;
      become_final(read_on);
    } else {
      next.state = dispute_state::decided;
    }
    std::string orders = "[";
    for (std::size_t i = 0; i < c.orders.size(); ++i) {
      payload_writer o;
      o.text("text", c.orders[i].text);
      if (c.orders[i].due_days) o.number("due_days", *c.orders[i].due_days); else o.null("due_days");
      orders += (i > 0 ? "," : "") + o.str();
    }
    orders += "]";
    payload_.text("outcome", to_string(c.outcome))
        .text("decision_number", c.decision_number)
        .text("read_at", instant_text(c.read_at))
        .raw("orders", orders);
  }

  void operator()(const cmd::serve_copy& c) {
    if (d_.served(c.served_party) != nullptr) {
      v_.fail("party", "salinan putusan sudah disampaikan kepada pihak ini / this party has already been served");
    }
    if (d_.decision) not_before("served_at", c.served_at, d_.decision->read_at, "read_at");
    not_future("served_at", c.served_at);
    if (c.delivered_at) {
      within("delivered_at", *c.delivered_at, c.served_at, "served_at");
    }
    if (!v_.ok()) return;
    auto& next = r_.next;
    next.services.push_back(c);
    if (d_.state == dispute_state::decided) {
      // T25: each party's court-objection window runs from its receipt of the copy, recorded or presumed
      // (received when served; docs/deadlines.md "Receipt facts").
      clocks(clock_step::copy_served, today_, {{"decision_copy_received", next.services.back().received_at()}},
             c.served_party);
    }
    if (next.served(party::applicant) != nullptr && next.served(party::respondent) != nullptr) {
      clocks(clock_step::both_served, local(c.served_at));
    }
    payload_.text("party", to_string(c.served_party)).text("served_at", instant_text(c.served_at));
    if (c.delivered_at) payload_.text("delivered_at", instant_text(*c.delivered_at)); else payload_.null("delivered_at");
  }

  void operator()(const cmd::record_delivery& c) {
    payload_.text("document", to_string(c.document));
    if (c.document == delivered_document::court_decision) {
      record_court_decision_delivery(c);
      return;
    }
    const auto* served = d_.served(c.to);
    if (served == nullptr) {
      v_.fail("party", "salinan putusan belum disampaikan kepada pihak ini / this party has not been served");
    } else {
      not_before("delivered_at", c.delivered_at, served->served_at, "served_at");
    }
    not_future("delivered_at", c.delivered_at);
    if (!v_.ok()) return;
    auto& next = r_.next;
    const auto previous = served->delivered_at;
    for (auto& s : next.services) {
      if (s.served_party == c.to) s.delivered_at = c.delivered_at;
    }
    // The window restarts from the receipt while it is still the party's to use: not once it objected,
    // the court decided or the decision became final (those clocks are met or stopped).
    if ((d_.state == dispute_state::decided || d_.state == dispute_state::court_objection) && may_object(d_, c.to)) {
      clocks(clock_step::copy_received, today_, {{"decision_copy_received", c.delivered_at}}, c.to);
    }
    payload_.text("party", to_string(c.to)).text("delivered_at", instant_text(c.delivered_at));
    if (previous) payload_.text("previous", instant_text(*previous)); else payload_.null("previous");
  }

  void operator()(const cmd::record_court_objection& c) {
    const bool cassation = c.instance == court_instance::cassation;
    std::string court = c.court;
    if (!cassation) {
      const auto* served = d_.served(c.filed_by);
      if (served == nullptr) {
        v_.fail("party", "salinan putusan belum disampaikan kepada pihak ini / this party has not been served");
      } else {
        not_before("filed_at", c.filed_at, served->served_at, "served_at");
      }
      if (d_.objection_of(c.filed_by, court_instance::first_instance) != nullptr) {
        v_.fail("party", "pihak ini sudah mengajukan keberatan / this party has already objected");
      }
      if (d_.court_decided(court_instance::first_instance) != nullptr) {
        v_.fail("instance", "pengadilan tingkat pertama sudah memutus; ajukan kasasi / the first-instance court has "
                            "decided; file a cassation");
      }
      require_text("court", court);
    } else {
      const auto* first = d_.court_decided(court_instance::first_instance);
      if (first == nullptr) {
        v_.fail("instance", "kasasi hanya atas putusan pengadilan tingkat pertama / a cassation needs a "
                            "first-instance court decision");
      } else {
        not_before("filed_at", c.filed_at, first->decided_at, "the first-instance decision");
      }
      if (d_.objection_of(c.filed_by, court_instance::cassation) != nullptr) {
        v_.fail("party", "pihak ini sudah mengajukan kasasi / this party has already filed a cassation");
      }
      if (blank(court)) court = "Mahkamah Agung";
    }
    not_future("filed_at", c.filed_at);
    if (!v_.ok()) return;
    const auto key = cassation ? cassation_key(c.filed_by) : court_objection_key(c.filed_by);
    const auto filed_on = local(c.filed_at);
    court_objection objection{c.filed_by, c.filed_at, court, c.case_number, false, c.instance};
    // Recorded even when late: admissibility is for the court (UU 14/2008 Pasal 48, Pasal 50).
    if (const auto due = due_of(ctx_.due, key); due && filed_on > *due) {
      objection.after_window = true;
      r_.warnings.push_back(fmt::format("keberatan diajukan setelah batas {} / objection filed after the window ended {}",
                                        format_iso_date(*due), format_iso_date(*due)));
    }
    r_.next.court_objections.push_back(objection);
    r_.next.state = dispute_state::court_objection;
    clocks(cassation ? clock_step::cassation_filed : clock_step::court_objection_filed, filed_on, {}, c.filed_by);
    payload_.text("party", to_string(c.filed_by))
        .text("instance", to_string(c.instance))
        .text("filed_at", instant_text(c.filed_at))
        .text("court", court)
        .text("case_number", c.case_number)
        .boolean("after_window", objection.after_window);
  }

  void operator()(const cmd::record_court_decision& c) {
    const bool cassation = c.instance == court_instance::cassation;
    const auto* objection = d_.first_objection(c.instance);
    if (objection == nullptr) {
      v_.fail("instance", cassation ? "belum ada kasasi / no cassation was filed"
                                    : "belum ada keberatan ke pengadilan / no court objection was filed");
    } else {
      not_before("decided_at", c.decided_at, objection->filed_at, cassation ? "the cassation" : "the court objection");
    }
    if (d_.court_decided(c.instance) != nullptr) {
      v_.fail("instance", "instansi ini sudah memutus / this instance has already decided");
    }
    not_future("decided_at", c.decided_at);
    require_text("result", c.result);
    check_court_deliveries(c);
    if (!v_.ok()) return;
    const auto decided_on = local(c.decided_at);
    r_.next.court_decisions.push_back(c);
    if (cassation) {
      // T27: the Mahkamah Agung's decision is the last instance: final on the day it is pronounced.
      r_.next.state = dispute_state::final;
      become_final(decided_on);
    } else {
      // T27: the first-instance decision is not final yet. A party that did not object can no longer do
      // so; each party may seek cassation within its window (UU 14/2008 Pasal 50), from its receipt of the
      // decision when recorded, else presumed received when pronounced (docs/deadlines.md "Receipt facts").
      const auto& decision = r_.next.court_decisions.back();
      for (auto p : {party::applicant, party::respondent}) {
        clocks(clock_step::first_instance_decided, decided_on, {{"court_decision_received", decision.received_by(p)}}, p);
      }
    }
    std::string deliveries = "[";
    for (const auto& x : c.deliveries) {
      if (deliveries.size() > 1) deliveries += ",";
      deliveries += fmt::format(R"({{"party":"{}","delivered_at":"{}"}})", to_string(x.to), instant_text(x.delivered_at));
    }
    deliveries += "]";
    payload_.text("instance", to_string(c.instance))
        .text("decided_at", instant_text(c.decided_at))
        .text("result", c.result)
        .text("court", c.court)
        .text("case_number", c.case_number)
        .raw("deliveries", deliveries);
  }

  void operator()(const cmd::mark_final&) {
    // possible_actions guarantees the windows passed: the KI decision's (T26) or the cassation's (T27).
    const auto final_on = d_.state == dispute_state::decided ? *objection_windows_passed(d_, today_, ctx_.due)
                                                             : *cassation_windows_passed(d_, today_, ctx_.due);
    r_.next.state = dispute_state::final;
    become_final(final_on);
    payload_.text("final_on", format_iso_date(final_on));
  }

  void operator()(const cmd::record_compliance& c) {
    not_future("recorded_at", c.recorded_at);
    if (d_.final_on && local(c.recorded_at) < *d_.final_on) {
      v_.fail("recorded_at", "tidak boleh sebelum putusan berkekuatan hukum tetap / must not be before finality");
    }
    if (c.complied) require_text("evidence", c.evidence);
    if (!v_.ok()) return;
    auto& next = r_.next;
    next.compliance = c;
    next.state = dispute_state::closed;
    next.closed = closure{c.complied ? "complied" : "not_complied", c.recorded_at};
    // T28: the compliance clocks are met only by actual compliance; otherwise they stay open (missed).
    if (c.complied && d_.decision) {
      for (std::size_t i = 0; i < d_.decision->orders.size(); ++i) {
        if (d_.decision->orders[i].due_days) close_clock(intent_kind::meet, fmt::format("compliance:{}", i + 1), local(c.recorded_at));
      }
    }
    payload_.boolean("complied", c.complied).text("recorded_at", instant_text(c.recorded_at)).text("evidence", c.evidence);
  }

  void operator()(const cmd::withdraw& c) { end_before_decision(dispute_outcome::withdrawn, c.reason, c.at); }
  void operator()(const cmd::lapse& c) { end_before_decision(dispute_outcome::lapsed, c.reason, c.at); }

 private:
  static bool has(const std::vector<attachment>& items, attachment a) {
    return std::find(items.begin(), items.end(), a) != items.end();
  }

  static void add_present(dispute& d, const std::vector<attachment>& items) {
    for (auto a : items) {
      if (!has(d.completeness.present, a)) d.completeness.present.push_back(a);
    }
  }

  offset_instant registered_at() const { return d_.registered_at.value_or(d_.submitted_at); }

  civil_date local(const offset_instant& t) const { return local_date(t.utc, ctx_.now.offset_minutes); }

  // Where the current examination stage began (for ordering checks of held_at).
  offset_instant stage_start() const {
    if (d_.state == dispute_state::adjudication && d_.adjudication_started_at) return *d_.adjudication_started_at;
    if (d_.preliminary_examination_at) return *d_.preliminary_examination_at;
    return d_.registered_at.value_or(d_.submitted_at);
  }

  void check_unique(const std::vector<attachment>& items, std::string_view field) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (std::count(items.begin(), items.end(), items[i]) > 1) {
        v_.fail(fmt::format("{}[{}]", field, i), "dokumen ganda / duplicate item");
      }
    }
  }

  // The panel is checked like the mediator: each member a commissioner of this KI, named once, and
  // not more members than a panel has.
  void check_majelis(const std::vector<std::string>& members) {
    if (members.size() > max_majelis_members) {
      v_.fail("majelis", fmt::format("paling banyak {} anggota / at most {} members", max_majelis_members,
                                     max_majelis_members));
      return;
    }
    for (std::size_t i = 0; i < members.size(); ++i) {
      const auto field = fmt::format("majelis[{}]", i);
      const auto& name = members[i];
      if (blank(name)) {
        v_.fail(field, "tidak boleh kosong / must not be empty");
      } else if (name.size() > max_member_name_length) {
        v_.fail(field, fmt::format("paling panjang {} karakter / at most {} characters", max_member_name_length,
                                   max_member_name_length));
      } else if (std::find(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(i), name) !=
                 members.begin() + static_cast<std::ptrdiff_t>(i)) {
        v_.fail(field, "disebut dua kali / named twice");
      } else if (ctx_.is_ki_commissioner && !ctx_.is_ki_commissioner(name)) {
        v_.fail(field, "bukan komisioner Komisi Informasi ini / not a commissioner of this KI");
      }
    }
  }

  // The parties' receipts given with a court decision: only the first instance's decision opens windows
  // that run from a receipt; each party once, not before the pronouncement, not in the future.
  void check_court_deliveries(const cmd::record_court_decision& c) {
    for (std::size_t i = 0; i < c.deliveries.size(); ++i) {
      const auto field = fmt::format("deliveries[{}].delivered_at", i);
      if (c.instance == court_instance::cassation) {
        v_.fail("deliveries", "hanya untuk putusan tingkat pertama / only for a first-instance decision");
        return;
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (c.deliveries[j].to == c.deliveries[i].to) {
          v_.fail(fmt::format("deliveries[{}].party", i), "disebut dua kali / named twice");
        }
      }
      within(field, c.deliveries[i].delivered_at, c.decided_at, "decided_at");
    }
  }

  // A party's receipt of the first-instance court's decision, recorded after the decision or corrected:
  // its cassation window restarts from it while the party may still seek cassation.
  void record_court_decision_delivery(const cmd::record_delivery& c) {
    const auto* decided = d_.court_decided(court_instance::first_instance);
    if (decided == nullptr) {
      v_.fail("document", "pengadilan tingkat pertama belum memutus / the first-instance court has not decided");
    } else {
      not_before("delivered_at", c.delivered_at, decided->decided_at, "decided_at");
    }
    not_future("delivered_at", c.delivered_at);
    if (!v_.ok()) return;
    std::optional<offset_instant> previous;
    if (const auto* p = decided->delivered_to(c.to)) previous = *p;
    for (auto& x : r_.next.court_decisions) {
      if (x.instance != court_instance::first_instance) continue;
      std::erase_if(x.deliveries, [&](const delivery& e) { return e.to == c.to; });
      x.deliveries.push_back(delivery{c.to, c.delivered_at});
    }
    if (d_.state == dispute_state::court_objection && may_seek_cassation(d_, c.to)) {
      clocks(clock_step::court_decision_received, today_, {{"court_decision_received", c.delivered_at}}, c.to);
    }
    payload_.text("party", to_string(c.to)).text("delivered_at", instant_text(c.delivered_at));
    if (previous) payload_.text("previous", instant_text(*previous)); else payload_.null("previous");
  }

  void require_text(std::string_view field, std::string_view value) { domain::require_text(v_, field, value); }

  void not_future(std::string_view field, const offset_instant& t) { check_not_future(v_, field, t.utc, ctx_.now.utc); }

  void not_before(std::string_view field, const offset_instant& t, const offset_instant& ref, std::string_view ref_name) {
    if (t.utc < ref.utc) {  // the words name the reference with its instant
      check_not_before(v_, field, t.utc, ref.utc, fmt::format("{} ({})", ref_name, instant_text(ref)));
    }
  }

  // Not before `ref` and not in the future.
  void within(std::string_view field, const offset_instant& t, const offset_instant& ref, std::string_view ref_name) {
    not_before(field, t, ref, ref_name);
    not_future(field, t);
  }

  void at_bounds(std::string_view field, const offset_instant& at) {
    within(field, at, d_.submitted_at, "submitted_at");
  }

  // An event this act establishes, by its rule-set name (data/rulesets.csv start_event).
  struct known_event {
    std::string_view name;
    offset_instant at;
  };

  // The clock table's rows of `step` (domain/disputes/deadline_intent.hpp) as intents: meets and stops
  // on `on`, starts from the events this act establishes (`known`); `p` names the party's own clock.
  void clocks(clock_step step, civil_date on, std::initializer_list<known_event> known = {},
              std::optional<party> p = std::nullopt) {
    for (const auto& rule : clock_table) {
      if (rule.step != step) continue;
      auto key = rule.per_party ? party_clock_key(rule.clock, *p) : std::string(rule.clock);
      if (rule.op == intent_kind::start) {
        start(std::move(key), rule, known);
      } else {
        close_clock(rule.op, std::move(key), on);
      }
    }
  }

  // Starts clock `key` on the rule-set period named like the rule's clock, from the event the rule set
  // names as its start_event among those this act establishes (`known`); from the rule's usual event
  // when the rule set has no such period. A start event this act does not establish is reported, not
  // guessed.
  void start(std::string key, const clock_rule& rule, std::initializer_list<known_event> known) {
    const std::string period(rule.clock);
    const auto* p = ctx_.rules ? ctx_.rules->find(period) : nullptr;
    if (ctx_.rules && !p && rule.optional_period) return;  // the rule set has no such clock (ki_start under perki_1_2019)
    const auto named = [&](std::string_view name) {
      return std::find_if(known.begin(), known.end(), [&](const known_event& e) { return e.name == name; });
    };
    const auto* usual = named(rule.usual_event);
    if (usual == known.end()) usual = known.begin();  // a table row names an event its step does not give
    deadline_intent i;
    i.at = usual->at.utc;
    if (p) {
      i.source = p->source;
      if (const auto* it = named(p->start_event); it != known.end()) {
        i.at = it->at.utc;
      } else {
        r_.warnings.push_back(fmt::format(
            "peristiwa awal {} untuk {} tidak dicatat oleh aksi ini; dihitung dari {} / start event {} of {} is not "
            "recorded by this action; counted from {}",
            p->start_event, period, usual->name, p->start_event, period, usual->name));
      }
    }
    i.key = std::move(key);
    i.period = period;
    r_.intents.push_back(std::move(i));
  }

  void close_clock(intent_kind op, std::string key, civil_date on) {
    deadline_intent i;
    i.op = op;
    i.key = std::move(key);
    i.at = on;
    r_.intents.push_back(std::move(i));
  }

  void close(dispute_outcome outcome, const std::string& reason, const offset_instant& at) {
    r_.next.state = dispute_state::closed;
    r_.next.outcome = outcome;
    r_.next.closed = closure{reason, at};
  }

  // Finality: record the date and start a compliance clock for every order with an implementation
  // period (docs/legal-sources.md T28; PERKI 1/2013 Pasal 59).
  void become_final(civil_date on) {
    r_.next.final_on = on;
    if (!r_.next.decision) return;
    const auto& orders = r_.next.decision->orders;
    for (std::size_t i = 0; i < orders.size(); ++i) {
      if (!orders[i].due_days) continue;
      deadline_intent c;
      c.key = fmt::format("compliance:{}", i + 1);
      c.at = start_of_local_day(on, ctx_.now.offset_minutes);
      c.days = orders[i].due_days;
      c.unit = period_unit::working_days;
      c.source = source_compliance;
      r_.intents.push_back(std::move(c));
    }
  }

  // T21 (dicabut) and T22 (gugur): only before a decision; the open KI clocks are closed.
  void end_before_decision(dispute_outcome outcome, const std::string& reason, const offset_instant& at) {
    require_text("reason", reason);
    at_bounds("at", at);
    if (!v_.ok()) return;
    close(outcome, reason, at);
    clocks(clock_step::ended_before_decision, local(at));
    payload_.text("reason", reason).text("at", instant_text(at));
  }

  const dispute& d_;
  const transition_context& ctx_;
  civil_date today_;
  transition_result r_;
  validation v_;
  payload_writer payload_;
};

}  // namespace

std::string court_objection_key(party p) { return party_clock_key("court_objection", p); }
std::string cassation_key(party p) { return party_clock_key("cassation", p); }

static_assert(std::variant_size_v<command> == std::size(all_actions), "one command per action");

dispute_action action_of(const command& c) {
  // The variant's alternatives follow all_actions order.
  return all_actions[c.index()];
}

std::vector<dispute_outcome> decidable_outcomes(dispute_state s) {
  using o = dispute_outcome;
  switch (s) {
    case dispute_state::preliminary_examination: return {o::inadmissible, o::no_jurisdiction};
    case dispute_state::mediation: return {o::mediation_agreement};
    case dispute_state::adjudication: return {o::granted, o::partly_granted, o::rejected, o::inadmissible, o::no_jurisdiction};
    default: return {};
  }
}

namespace {

/// What the guards read besides the case: the KI's date today and the due dates of the case's clocks.
struct dispute_facts {
  civil_date today;
  const due_map& due;
};

constexpr party both_parties[] = {party::applicant, party::respondent};

bool unserved(const dispute& d) {
  return d.served(party::applicant) == nullptr || d.served(party::respondent) == nullptr;
}
bool unserved_guard(const dispute& d, const dispute_facts&) { return unserved(d); }
// A mediation decision is final at once, but its copies still go to the parties.
bool unserved_agreement(const dispute& d, const dispute_facts&) {
  return unserved(d) && d.outcome == dispute_outcome::mediation_agreement;
}
bool one_party_served(const dispute& d, const dispute_facts&) {
  return d.served(party::applicant) != nullptr || d.served(party::respondent) != nullptr;
}
bool both_windows_passed(const dispute& d, const dispute_facts& f) {
  return objection_windows_passed(d, f.today, f.due).has_value();
}
bool cassation_windows_guard(const dispute& d, const dispute_facts& f) {
  return cassation_windows_passed(d, f.today, f.due).has_value();
}
// A party may still object at first instance or seek cassation (each party once per instance).
bool court_objection_open(const dispute& d, const dispute_facts&) {
  return std::any_of(std::begin(both_parties), std::end(both_parties),
                     [&](party p) { return may_object(d, p) || may_seek_cassation(d, p); });
}
// The court of the pending instance has not decided yet.
bool court_decision_pending(const dispute& d, const dispute_facts&) {
  const bool first_pending = d.first_objection(court_instance::first_instance) != nullptr &&
                             d.court_decided(court_instance::first_instance) == nullptr;
  const bool cassation_pending = d.first_objection(court_instance::cassation) != nullptr &&
                                 d.court_decided(court_instance::cassation) == nullptr;
  return first_pending || cassation_pending;
}
// An exemption dispute may still go to mediation once the exemption claim is dropped (§3.4, [PR][S13]).
bool exemption_mediation_open(const dispute& d, const dispute_facts&) {
  return d.has_ground(dispute_ground::a) && !d.mediation_failed;
}
dispute_state state_of(const dispute& d) { return d.state; }

using st = dispute_state;
using ac = dispute_action;
constexpr cases::state_set<st> before_decision{st::submitted,  st::incomplete,  st::registered,
                                               st::preliminary_examination, st::mediation, st::adjudication};
constexpr cases::state_set<st> hearing_states{st::registered, st::preliminary_examination, st::mediation,
                                              st::adjudication};

// The dispute workflow's transition table (docs/dispute-workflow.md action table). Row order is the
// order of allowed_actions lists. `to` is the usual target (none: the case stays in its state); decide
// chooses by the outcome (see the note).
constexpr cases::transition_row<st, ac, dispute, dispute_facts> dispute_rows[] = {
    // action                          from                                  to                guard                     source
    {ac::request_completion,           {st::submitted},                      st::incomplete,   nullptr,                  "T09"},
    {ac::complete,                     {st::incomplete},                     st::submitted,    nullptr,                  "T10"},
    {ac::register_dispute,             {st::submitted},                      st::registered,   nullptr,                  "T11"},
    {ac::reject_registration,          {st::submitted, st::incomplete},      st::closed,       nullptr,                  "T10"},
    {ac::open_preliminary_examination, {st::registered},                     st::preliminary_examination, nullptr,       "T12"},
    {ac::start_mediation,              {st::preliminary_examination},        st::mediation,    nullptr,                  "T14"},
    {ac::start_adjudication,           {st::preliminary_examination},        st::adjudication, nullptr,                  "T17"},
    {ac::mediation_failed,             {st::mediation},                      st::adjudication, nullptr,                  "T16"},
    {ac::start_mediation,              {st::adjudication},                   st::mediation,    exemption_mediation_open, "T14 §3.4"},
    {ac::schedule_hearing,             hearing_states,                       std::nullopt,     nullptr,                  "T12 T18"},
    {ac::decide,                       {st::preliminary_examination, st::mediation, st::adjudication},
                                                                             st::decided,      nullptr,                  "T13 T15 T19",
                                                                             "final at once for a mediation agreement"},
    {ac::serve_copy,                   {st::decided},                        std::nullopt,     unserved_guard,           "T24"},
    {ac::serve_copy,                   {st::final},                          std::nullopt,     unserved_agreement,       "T24"},
    {ac::record_delivery,              {st::decided, st::court_objection, st::final},
                                                                             std::nullopt,     one_party_served,         "T25",
                                                                             "a party's receipt of the copy; restarts its open window"},
    {ac::record_court_objection,       {st::decided, st::court_objection},   st::court_objection, court_objection_open,  "T25 T27",
                                                                             "each party once per instance"},
    {ac::mark_final,                   {st::decided},                        st::final,        both_windows_passed,      "T26"},
    {ac::record_court_decision,        {st::court_objection},                std::nullopt,     court_decision_pending,   "T27",
                                                                             "final after the cassation decision"},
    {ac::mark_final,                   {st::court_objection},                st::final,        cassation_windows_guard,  "T27"},
    {ac::record_compliance,            {st::final},                          st::closed,       nullptr,                  "T28"},
    {ac::withdraw,                     before_decision,                      st::closed,       nullptr,                  "T21"},
    {ac::lapse,                        before_decision,                      st::closed,       nullptr,                  "T22"},
};

constexpr cases::transition_table<st, ac, dispute, dispute_facts> dispute_table{dispute_rows, state_of};

}  // namespace

std::vector<dispute_action> possible_actions(const dispute& d, civil_date today, const due_map& due) {
  return dispute_table.possible(d, dispute_facts{today, due});
}

std::vector<std::string> clocks_stopped_in(dispute_state s) {
  const auto step = s == dispute_state::closed ? clock_step::closed
                    : s == dispute_state::final ? clock_step::final
                                                : std::optional<clock_step>{};
  std::vector<std::string> keys;
  for (const auto& rule : clock_table) {
    if (!step || rule.step != *step) continue;
    if (!rule.per_party) {
      keys.emplace_back(rule.clock);
      continue;
    }
    for (const auto p : {party::applicant, party::respondent}) {
      keys.push_back(party_clock_key(rule.clock, p));
    }
  }
  return keys;
}

cases::admission<dispute_action> admit(const dispute& d, dispute_action action, std::optional<int> if_match,
                                       civil_date today, const due_map& due) {
  return cases::admit(dispute_table, d, d.version, action, if_match, dispute_facts{today, due});
}

std::string not_allowed_detail(const dispute& d, dispute_action action) {
  if (action == dispute_action::mark_final && d.state == dispute_state::court_objection) {
    return "putusan belum dapat dinyatakan berkekuatan hukum tetap: pengadilan tingkat pertama harus sudah "
           "memutus, tidak ada kasasi, dan jangka waktu kasasi kedua pihak telah lewat / not final yet: the "
           "first-instance court must have decided, no cassation filed and both cassation windows passed";
  }
  if (action == dispute_action::mark_final && d.state == dispute_state::decided) {
    return "putusan belum dapat dinyatakan berkekuatan hukum tetap: kedua pihak harus sudah menerima salinan "
           "dan jangka waktu keberatan masing-masing telah lewat / not final yet: both parties must have been "
           "served and each court-objection window must have passed";
  }
  return fmt::format("aksi {} tidak dapat dilakukan pada status {} / action {} is not allowed in state {}",
                     to_string(action), label_id(d.state), to_string(action), to_string(d.state));
}

transition_result apply(const dispute& d, const command& c, const transition_context& context) {
  const auto action = action_of(c);
  const auto today = local_date(context.now.utc, context.now.offset_minutes);
  const auto admitted = admit(d, action, std::nullopt, today, context.due);
  if (admitted.refused) {
    return transition_result::not_allowed(d, admitted.allowed_actions, not_allowed_detail(d, action));
  }
  applier run(d, context);
  std::visit(run, c);
  return run.finish(action);
}

}  // namespace perkara::domain::disputes
