#include "api/disputes/dispute_service.hpp"

#include "api/disputes/dispute_clocks.hpp"

#include "api/auth/crypto.hpp"
#include "api/calendar/calendar_service.hpp"
#include "api/calendar/deadline_json.hpp"
#include "api/cases/case_support.hpp"
#include "api/disputes/dispute_document.hpp"
#include "api/disputes/dispute_input.hpp"
#include "api/disputes/numbering.hpp"
#include "api/disputes/tracked_request.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "domain/disputes/event_payload.hpp"
#include "domain/deadline/status.hpp"
#include "domain/disputes/access.hpp"
#include "domain/disputes/completeness.hpp"
#include "domain/documents/checklist.hpp"
#include "api/documents/document_service.hpp"
#include "domain/disputes/intake.hpp"
#include "domain/disputes/public_view.hpp"
#include "domain/numbering/register_number.hpp"
#include "domain/org/jurisdiction.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace perkara::api {
namespace {

namespace ds = domain::disputes;
using boost::json::array;
using boost::json::object;
using boost::json::value;
using domain::role;

constexpr const char* case_type = "dispute";

bool has_any(const dispute_actor& a, std::initializer_list<role> roles) {
  return std::any_of(roles.begin(), roles.end(),
                     [&](role r) { return std::find(a.roles.begin(), a.roles.end(), r) != a.roles.end(); });
}

bool is_ki_staff(const dispute_actor& a) { return has_any(a, {role::ki_admin, role::registrar, role::commissioner}); }

const domain::organisation& ki_of(clock_context& clocks, const ds::dispute& d) { return clocks.organisation(d.ki); }

domain::offset_instant at_offset(domain::instant t, int offset) { return domain::offset_instant{t, offset}; }

array action_names(const std::vector<ds::dispute_action>& actions) {
  array out;
  for (auto a : actions) {
    out.emplace_back(ds::to_string(a));
  }
  return out;
}

problem conflict_problem(std::string detail, const std::vector<ds::dispute_action>& allowed) {
  problem p{409, std::move(detail)};
  p.extra_json.emplace_back("allowed_actions", boost::json::serialize(action_names(allowed)));
  return p;
}

void append_audit(ports::transaction& tx, const dispute_actor& actor, domain::instant now, const std::string& action,
                  const std::string& id, const std::string& details) {
  tx.audit().append(domain::audit_entry{actor.user_id, actor.organisation, now, "dispute." + action, case_type, id,
                                        details});
}

void apply_intents(clock_book& book, clock_context& clocks, const ds::dispute& d,
                   const std::vector<ds::deadline_intent>& intents) {
  const auto& rules = clocks.ruleset(d.ruleset, d.ruleset_version);
  for (const auto& intent : intents) {
    if (intent.kind == ds::intent_kind::meet) {
      if (intent.met_on) {
        book.meet(intent.key, *intent.met_on);
      }
      continue;
    }
    // A start whose period the rule set lacks (ki_start under perki_1_2019) is skipped: clock_book
    // reports false and the case simply has no such clock.
    if (intent.days) {
      // An order's own implementation period (compliance:<n>): a fixed count, not a rule-set period.
      book.start_fixed(intent.key, d.ki, rules, intent.start_at.utc, *intent.days, intent.unit);
    } else {
      book.start(intent.key, d.ki, rules, intent.start_at.utc);
    }
  }
}

array awaiting_json(const std::vector<ds::awaiting_item>& items) {
  array out;
  for (const auto& a : items) {
    out.push_back(object{{"who", a.who},
                         {"what", a.what},
                         {"deadline_key", a.deadline_key ? value(*a.deadline_key) : value(nullptr)},
                         {"due", a.due ? value(domain::format_iso_date(*a.due)) : value(nullptr)}});
  }
  return out;
}

std::string lower_ascii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// The due-date calculator given to assess_filing: `atasan_response` counts on the respondent's calendar
/// (the atasan PPID answers there), every other period on the KI's.
ds::due_of_fn filing_calculator(clock_context& clocks, const domain::ruleset& rules, const std::string& ki,
                                const std::string& respondent) {
  return [&clocks, &rules, ki, respondent](std::string_view period_key, domain::civil_date start) {
    const auto& org_code = period_key == "atasan_response" ? respondent : ki;
    const auto& org = clocks.organisation(org_code);
    const auto& cal = clocks.calendar(org_code, rules.counting);
    domain::deadline_query q;
    q.from = start;
    q.list_skipped = false;
    const auto result = domain::compute_deadline(cal, org.hours, org.utc_offset_minutes, rules, period_key, q);
    if (const auto* e = std::get_if<domain::deadline_explanation>(&result)) {
      return e->due;
    }
    throw std::runtime_error("rule set has no usable period " + std::string(period_key));
  };
}

}  // namespace

dispute_actor dispute_actor_of(const caller& who) { return {who.user.id, who.organisation.code, who.user.roles}; }
dispute_actor dispute_actor_of(const domain::user& user) { return {user.id, user.organisation, user.roles}; }

dispute_outcome_result submit_dispute(ports::transaction& tx, const dispute_actor& actor, const object& body,
                                      domain::instant now) {
  if (!has_any(actor, {role::registrar, role::ki_admin})) {
    throw forbidden();
  }
  clock_context clocks{tx};
  const auto& actor_org = clocks.organisation(actor.organisation);
  domain::validation v;
  auto input = parse_new_dispute(body, at_offset(now, actor_org.utc_offset_minutes), v);

  // Organisations: the respondent must be an election body, the KI a KI.
  const auto organisations = tx.organisations().list();
  const auto find_org = [&](const std::string& code) -> const domain::organisation* {
    const auto it = std::find_if(organisations.begin(), organisations.end(),
                                 [&](const domain::organisation& o) { return o.code == code; });
    return it == organisations.end() ? nullptr : &*it;
  };
  const auto* respondent = input.respondent.empty() ? nullptr : find_org(input.respondent);
  if (!input.respondent.empty() && (!respondent || !respondent->is_respondent())) {
    v.fail("respondent", "badan publik tidak dikenal / unknown respondent body");
  }
  if (input.ki) {
    const auto* ki = find_org(*input.ki);
    if (!ki || ki->kind != domain::organisation_kind::ki) {
      v.fail("ki", "Komisi Informasi tidak dikenal / unknown information commission");
    }
  }
  std::optional<std::string> competent;
  if (respondent && respondent->is_respondent()) {
    competent = respondent->competent_ki ? respondent->competent_ki
                                         : domain::derive_competent_ki(*respondent, organisations);
    if (!competent && !input.ki) {
      v.fail("ki", "KI yang berwenang tidak dapat ditentukan; sebutkan ki / no competent KI found; name the ki");
    }
  }
  const auto ki_code = input.ki ? *input.ki : competent.value_or(actor.organisation);
  if (v.ok() && ki_code != actor.organisation) {
    throw forbidden();  // a KI registers applications at itself only
  }
  // An unknown ki is already a field error: go on with the caller's own offset to collect the others
  // (clocks.organisation would throw, a 500; found by fuzz/api_bodies.cpp).
  const auto& ki_org = find_org(ki_code) ? clocks.organisation(ki_code) : actor_org;
  const auto now_ki = at_offset(now, ki_org.utc_offset_minutes);
  for (auto& e : ds::validate_new_dispute(input, now_ki)) {
    v.fail(std::move(e.field), std::move(e.message));
  }
  std::optional<domain::ruleset> rules;
  if (!input.ruleset.empty()) {
    rules = tx.rulesets().in_force(input.ruleset, domain::local_date(input.submitted_at.utc, ki_org.utc_offset_minutes));
    if (!rules) {
      v.fail("ruleset", "aturan tidak dikenal atau belum berlaku / unknown rule set or not yet in force");
    }
  }
  throw_if_invalid(v);
  input.ruleset_version = rules->version;

  const auto id = random_hex(16);
  std::optional<ds::chronology> tracked;
  if (input.request_id) {
    tracked = take_tracked_request(tx, *input.request_id, input.respondent, id, ki_code, actor.user_id, now, v);
    throw_if_invalid(v);
  }
  ds::opening_context ctx;
  ctx.id = id;
  ctx.competent_ki = competent.value_or(ki_code);
  ctx.tracked_chronology = tracked;
  ctx.due_of = filing_calculator(clocks, clocks.ruleset(rules->name, rules->version), ki_code, input.respondent);
  ctx.utc_offset_minutes = ki_org.utc_offset_minutes;
  auto d = ds::open_dispute(input, ctx);

  tx.disputes().insert(to_document(d, {}, ki_org.utc_offset_minutes));
  ds::payload_writer payload;
  payload.text("ki", d.ki).text("respondent", d.respondent).boolean("jurisdiction_flag", d.jurisdiction_flag);
  if (d.filing.filing_timely) {
    payload.boolean("filing_timely", *d.filing.filing_timely);
  } else {
    payload.null("filing_timely");
  }
  if (d.request_id) {
    payload.text("request_id", *d.request_id);
  }
  tx.events().append(domain::case_event{case_type, d.id, d.version, actor.user_id, now, "submit", payload.str()});
  append_audit(tx, actor, now, "submit", d.id, payload.str());
  std::vector<std::string> warnings;
  if (d.jurisdiction_flag) {
    warnings.push_back(fmt::format("KI {} bukan KI yang berwenang ({}); dicatat untuk Majelis / {} is not the competent "
                                   "KI ({}); flagged for the panel",
                                   d.ki, d.competent_ki, d.ki, d.competent_ki));
  }
  return {std::move(d), std::move(warnings)};
}

void refresh_dispute_projections(ports::transaction& tx, const std::string& id) {
  const auto doc = tx.disputes().find(id, true);
  if (!doc) {
    return;
  }
  const auto d = from_document(*doc);
  clock_context clocks{tx};
  const auto records = tx.deadlines().for_case(case_type, d.id);
  tx.disputes().update(to_document(d, records, ki_of(clocks, d).utc_offset_minutes), d.version);
}

ds::dispute load_visible_dispute(ports::transaction& tx, const dispute_actor& actor, const std::string& id) {
  const auto doc = tx.disputes().find(id, false);
  if (!doc) {
    throw not_found();
  }
  auto d = from_document(*doc);
  if (!ds::can_read(d, actor.roles, actor.organisation)) {
    throw not_found();
  }
  return d;
}

dispute_outcome_result act_on_dispute(ports::transaction& tx, const dispute_actor& actor, const std::string& id,
                                      const std::string& action_name, const object& body, std::optional<int> if_match,
                                      domain::instant now) {
  const auto doc = tx.disputes().find(id, true);
  if (!doc) {
    throw not_found();
  }
  auto d = from_document(*doc);
  if (!ds::can_read(d, actor.roles, actor.organisation)) {
    throw not_found();
  }
  // The checklist reads the case file: attached documents and paper originals are present.
  domain::documents::add_present_documents(
      d.completeness, present_document_kinds(tx, {domain::documents::case_kind::dispute, d.id}));
  const auto action = ds::parse_dispute_action(action_name);
  if (!action) {
    throw not_found();
  }
  // Only the handling KI's staff act, each role its own actions (registrar vs commissioner); readers
  // such as the respondent's PPID get 403.
  const bool role_may = d.ki == actor.organisation &&
                        std::any_of(actor.roles.begin(), actor.roles.end(), [&](role r) {
                          const auto mine = ds::actions_of_role(r);
                          return std::find(mine.begin(), mine.end(), *action) != mine.end();
                        });
  if (!role_may) {
    throw forbidden();
  }
  check_if_match(if_match, d.version);

  clock_context clocks{tx};
  const auto& ki_org = ki_of(clocks, d);
  const auto today = local_today(ki_org, now);
  const auto now_ki = at_offset(now, ki_org.utc_offset_minutes);
  clock_book book{tx, clocks, case_type, d.id};
  const auto due = due_map_of(book.records());
  const auto allowed_for_caller = ds::allowed_actions(d, actor.roles, actor.organisation, today, due);
  const auto possible = ds::possible_actions(d, today, due);
  if (std::find(possible.begin(), possible.end(), *action) == possible.end()) {
    throw conflict_problem(fmt::format("Tindakan {} tidak dapat dilakukan pada status {} / Action {} is not allowed "
                                       "in state {}",
                                       action_name, ds::to_string(d.state), action_name, ds::to_string(d.state)),
                           allowed_for_caller);
  }

  domain::validation v;
  auto command = parse_dispute_command(*action, body, now_ki, v);
  throw_if_invalid(v);

  // Numbers: the register number from the KI's gapless yearly sequence (the increment belongs to this
  // transaction, so a refused registration gives it back); the decision number proposed from the register
  // sequence and route when the commissioner did not type one.
  if (auto* reg = std::get_if<ds::cmd::register_dispute>(&*command)) {
    const auto numbering = numbering_for(tx, d.ki);
    const auto on = domain::local_date(reg->registered_at.utc, ki_org.utc_offset_minutes);
    const auto seq = tx.sequences().next(register_scope(d.ki, static_cast<int>(on.year())));
    domain::numbering::template_context tc;
    tc.seq = seq;
    tc.ki_code = numbering.ki_code;
    tc.org_code = numbering.ki_code;
    tc.date = on;
    const auto number = domain::numbering::format_number(numbering.register_template, tc);
    if (!number) {
      throw std::runtime_error("invalid register template for " + d.ki);
    }
    reg->register_number = *number;
    reg->register_seq = seq;
  } else if (auto* dec = std::get_if<ds::cmd::decide>(&*command); dec && dec->decision_number.empty()) {
    const auto numbering = numbering_for(tx, d.ki);
    domain::numbering::template_context tc;
    tc.seq = d.register_seq.value_or(0);
    tc.ki_code = numbering.ki_code;
    tc.org_code = numbering.ki_code;
    tc.date = d.registered_at ? domain::local_date(d.registered_at->utc, ki_org.utc_offset_minutes) : today;
    tc.route = std::string(domain::numbering::decision_route(dec->outcome == ds::dispute_outcome::mediation_agreement,
                                                             d.mediation_failed));
    dec->decision_number = domain::numbering::format_number(numbering.decision_template, tc,
                                                            domain::numbering::template_kind::decision_number)
                               .value_or("");
  }

  ds::transition_context ctx;
  ctx.now = now_ki;
  ctx.due = due;
  ctx.is_ki_commissioner = [&tx, &d](std::string_view username) {
    const auto cred = tx.users().find_credentials(std::string(username));
    if (!cred || !cred->user.active || cred->user.organisation != d.ki) {
      return false;
    }
    const auto roles = tx.users().find(cred->user.id);
    return roles && roles->has_role(role::commissioner);
  };
  auto result = ds::apply(d, *command, ctx);
  if (result.error == ds::transition_error::not_allowed) {
    throw conflict_problem(result.detail, allowed_for_caller);
  }
  if (result.error == ds::transition_error::invalid) {
    problem p = validation_problem(result.errors);
    throw p;
  }
  auto& next = result.next;
  apply_intents(book, clocks, next, result.intents);
  if (next.state == ds::dispute_state::closed) {
    book.stop("*", today);  // nothing more is awaited of a closed case
  } else if (next.state == ds::dispute_state::final || next.state == ds::dispute_state::court_objection) {
    for (auto p : {ds::party::applicant, ds::party::respondent}) {
      book.stop(ds::court_objection_key(p), today);  // the objection windows no longer matter
    }
  }
  book.save();
  if (!tx.disputes().update(to_document(next, book.records(), ki_org.utc_offset_minutes), d.version)) {
    throw conflict_problem("Perkara sudah diubah orang lain / The case was changed meanwhile", allowed_for_caller);
  }
  const std::string action_text(ds::to_string(result.event.action));
  tx.events().append(domain::case_event{case_type, next.id, next.version, actor.user_id, now, action_text,
                                        result.event.payload_json});
  append_audit(tx, actor, now, action_text, next.id, result.event.payload_json);
  return {std::move(next), std::move(result.warnings)};
}

object dispute_view(ports::transaction& tx, const dispute_actor& actor, const ds::dispute& stored, domain::instant now,
                    const std::vector<std::string>& warnings) {
  // The checklist as the case file shows it (attached documents, paper originals seen).
  auto d = stored;
  domain::documents::add_present_documents(
      d.completeness, present_document_kinds(tx, {domain::documents::case_kind::dispute, d.id}));
  clock_context clocks{tx};
  const auto& ki_org = ki_of(clocks, d);
  const auto today = local_today(ki_org, now);
  const auto records = tx.deadlines().for_case(case_type, d.id);
  const auto due = due_map_of(records);
  auto o = dispute_to_json(d);
  o["deadlines"] = deadlines_json(clocks, records, today);
  o["allowed_actions"] = action_names(ds::allowed_actions(d, actor.roles, actor.organisation, today, due));
  o["awaiting"] = awaiting_json(ds::awaiting(d, open_due_map(records)));
  o["filing_timely"] = d.filing.filing_timely ? value(*d.filing.filing_timely) : value(nullptr);
  o["filing_reasoning_id"] = d.filing.reasoning_id;
  o["filing_reasoning_en"] = d.filing.reasoning_en;
  const auto checklist = ds::check_completeness(d);
  auto& completeness = o["completeness"].as_object();
  array required, missing;
  for (auto a : checklist.required) {
    required.emplace_back(ds::to_string(a));
  }
  for (auto a : checklist.missing) {
    missing.emplace_back(ds::to_string(a));
  }
  completeness["required"] = std::move(required);
  completeness["missing"] = std::move(missing);
  completeness["complete"] = checklist.complete();
  const auto next_due = next_open_due(records);
  o["next_due"] = next_due ? value(domain::format_iso_date(*next_due)) : value(nullptr);
  o["overdue"] = next_due && *next_due < today;
  array w;
  for (const auto& s : warnings) {
    w.emplace_back(s);
  }
  o["warnings"] = std::move(w);
  return o;
}

std::string list_disputes(ports::transaction& tx, const dispute_actor& actor, const dispute_list_query& query,
                          domain::instant now) {
  ports::dispute_filter f;
  f.ki = query.ki;
  f.respondent = query.respondent;
  if (is_ki_staff(actor)) {
    if (query.ki && *query.ki != actor.organisation) {
      return R"({"items":[],"next_cursor":null})";
    }
    f.ki = actor.organisation;
  } else if (has_any(actor, {role::ppid, role::ppid_superior})) {
    if (query.respondent && *query.respondent != actor.organisation) {
      return R"({"items":[],"next_cursor":null})";
    }
    f.respondent = actor.organisation;
  } else {
    throw forbidden();
  }
  if (query.state) {
    if (!ds::parse_dispute_state(*query.state)) {
      throw validation_problem({{"state", "status tidak dikenal / unknown state"}});
    }
    f.state = query.state;
  }
  clock_context clocks{tx};
  const auto today = local_today(clocks.organisation(actor.organisation), now);
  if (query.overdue) {
    f.overdue_before = today;
  }
  if (query.q && !query.q->empty()) {
    f.q = lower_ascii(*query.q);
  }
  f.registered_from = query.registered_from;
  f.registered_to = query.registered_to;
  if (query.by_due) {
    f.sort = ports::dispute_filter::order::earliest_due;
  }
  if (query.cursor && query.by_due) {
    // Three parts ("due", date, id), so a cursor of the other order is refused rather than misread.
    const auto parts = decode_cursor(*query.cursor, 3);
    // A date this server wrote (a due date may lie beyond the input years), so the stored-date reader.
    const auto due = domain::read_stored_iso_date(parts[1]);
    if (parts[0] != "due" || !due) {
      throw bad_request("Kursor tidak valid / Invalid cursor", "cursor");
    }
    f.after_due = std::make_pair(*due, parts[2]);
  } else if (query.cursor) {
    const auto parts = decode_cursor(*query.cursor, 2);
    long long seconds = 0;
    try {
      seconds = std::stoll(parts[0]);
    } catch (const std::exception&) {
      throw bad_request("Kursor tidak valid / Invalid cursor", "cursor");
    }
    f.after = std::make_pair(domain::instant{std::chrono::seconds{seconds}}, parts[1]);
  }
  f.limit = query.limit + 1;
  auto docs = tx.disputes().list(f);
  value next_cursor = nullptr;
  if (docs.size() > static_cast<std::size_t>(query.limit)) {
    docs.resize(static_cast<std::size_t>(query.limit));
    const auto& last = docs.back();
    next_cursor = query.by_due && last.next_due
                      ? encode_cursor({"due", domain::format_iso_date(*last.next_due), last.id})
                      : encode_cursor({std::to_string(last.submitted_at.time_since_epoch().count()), last.id});
  }
  // Written as text: each stored item is already JSON (an object), so it is copied rather than parsed
  // and serialised again, and closed with what depends on the day it is read.
  constexpr std::size_t per_item_extra = 64;  // ,"next_due":"YYYY-MM-DD","overdue":false
  std::size_t size = 64;
  for (const auto& doc : docs) {
    size += (doc.list_item.empty() ? 512 : doc.list_item.size()) + per_item_extra;
  }
  std::string out;
  out.reserve(size);
  out = R"({"items":[)";
  for (const auto& doc : docs) {
    // The stored projection when there is one (rows since migration 0007), else from the document.
    const std::string built = doc.list_item.empty() ? boost::json::serialize(dispute_list_item(from_document(doc)))
                                                    : std::string{};
    const std::string& item = doc.list_item.empty() ? built : doc.list_item;
    if (out.back() != '[') {
      out += ',';
    }
    out.append(item, 0, item.rfind('}'));
    out += R"(,"next_due":)";
    if (doc.next_due) {
      out += '"';
      out += domain::format_iso_date(*doc.next_due);
      out += '"';
    } else {
      out += "null";
    }
    out += R"(,"overdue":)";
    out += doc.next_due && *doc.next_due < today ? "true}" : "false}";
  }
  out += R"(],"next_cursor":)";
  out += boost::json::serialize(next_cursor);
  out += '}';
  return out;
}

array dispute_events(ports::transaction& tx, const dispute_actor& actor, const std::string& id) {
  const auto d = load_visible_dispute(tx, actor, id);
  clock_context clocks{tx};
  const auto offset = ki_of(clocks, d).utc_offset_minutes;
  array out;
  for (const auto& e : tx.events().for_case(case_type, id)) {
    out.push_back(case_event_json(e, offset));
  }
  return out;
}

std::string public_dispute_status(ports::transaction& tx, const std::string& register_number) {
  auto stored = tx.disputes().public_status(register_number);
  if (!stored) {
    throw not_found();
  }
  if (!stored->empty()) {
    return std::move(*stored);
  }
  // A row written before migration 0008 has no stored public status yet: build it as writes do.
  const auto doc = tx.disputes().find_by_register_number(register_number);
  if (!doc) {
    throw not_found();
  }
  const auto d = from_document(*doc);
  const auto records = tx.deadlines().for_case(case_type, d.id);
  return boost::json::serialize(dispute_public_status(d, open_due_map(records)));
}

object public_hearings(ports::transaction& tx, domain::civil_date from, domain::civil_date to,
                       const std::optional<std::string>& ki) {
  constexpr int wib = 7 * 60;  // the calendar's dates are read in WIB
  const auto entries = tx.disputes().hearings_between(domain::start_of_local_day(from, wib),
                                                      domain::start_of_local_day(domain::add_days(to, 1), wib), ki);
  array items;
  for (const auto& e : entries) {
    items.push_back(object{{"register_number", optional_string(e.register_number)},
                           {"ki", e.ki},
                           {"respondent", e.respondent},
                           {"kind", e.kind},
                           {"scheduled_at", domain::format_rfc3339(e.scheduled_at, e.offset_minutes)},
                           {"location", e.location}});
  }
  return {{"items", std::move(items)}, {"next_cursor", nullptr}};
}

std::string public_decisions(ports::transaction& tx, const std::optional<std::string>& ki, std::optional<int> year) {
  std::string out = R"({"items":[)";
  for (const auto& doc : tx.disputes().decided(ki, year, 500)) {
    if (out.back() != '[') {
      out += ',';
    }
    if (!doc.public_item.empty()) {
      out += doc.public_item;  // stored as served
      continue;
    }
    // A row written before migration 0008: built as writes build it.
    const auto d = from_document(doc);
    out += boost::json::serialize(dispute_public_status(d, open_due_map(tx.deadlines().for_case(case_type, d.id))));
  }
  out += R"(],"next_cursor":null})";
  return out;
}

}  // namespace perkara::api
