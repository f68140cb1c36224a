#include "api/disputes/dispute_service.hpp"

#include "api/disputes/dispute_clocks.hpp"

#include "api/auth/crypto.hpp"
#include "api/calendar/calendar_service.hpp"
#include "api/cases/case_support.hpp"
#include "api/cases/numbering.hpp"
#include "api/disputes/dispute_document.hpp"
#include "api/disputes/dispute_input.hpp"
#include "api/disputes/tracked_request.hpp"
#include "api/documents/document_service.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "domain/disputes/access.hpp"
#include "domain/disputes/intake.hpp"
#include "domain/disputes/track.hpp"
#include "domain/documents/checklist.hpp"
#include "domain/elections/election_period.hpp"
#include "domain/org/jurisdiction.hpp"


#include <algorithm>

namespace perkara::api {
namespace {

namespace ds = domain::disputes;
using boost::json::object;
using domain::case_actor;
using domain::role;

domain::offset_instant at_offset(domain::instant t, int offset) { return domain::offset_instant{t, offset}; }

}  // namespace

dispute_outcome_result submit_dispute(ports::transaction& tx, const case_actor& actor, const object& body,
                                      domain::instant now) {
  if (!actor.has_any({role::registrar, role::ki_admin})) {
    throw forbidden();
  }
  clock_context clocks{tx};
  const auto& actor_org = clocks.organisation(actor.organisation);
  domain::validation v;
  auto input = parse_new_dispute(body, at_offset(now, actor_org.utc_offset_minutes), v);

  // Organisations: the respondent must be an election body, the KI a KI. Each is read by its code, and
  // the KIs alone where the respondent names no competent KI (not all 1,391 organisations nationally).
  const auto find_org = [&](const std::string& code) { return tx.organisations().find(code); };
  const auto respondent = input.respondent.empty() ? std::nullopt : find_org(input.respondent);
  if (!input.respondent.empty() && (!respondent || !respondent->is_respondent())) {
    v.fail("respondent", "badan publik tidak dikenal / unknown respondent body");
  }
  if (input.ki) {
    const auto ki = find_org(*input.ki);
    if (!ki || ki->kind != domain::organisation_kind::ki) {
      v.fail("ki", "Komisi Informasi tidak dikenal / unknown information commission");
    }
  }
  std::optional<std::string> competent;
  if (respondent && respondent->is_respondent()) {
    competent = respondent->competent_ki
                    ? respondent->competent_ki
                    : domain::derive_competent_ki(*respondent, tx.organisations().list(domain::organisation_kind::ki));
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
  throw_if_invalid(v);

  const auto id = random_hex(16);
  std::optional<tracked_request_facts> tracked;
  if (input.request_id) {
    tracked = take_tracked_request(tx, *input.request_id, input.respondent, id, ki_code, actor.user_id, now, v);
    throw_if_invalid(v);
  }
  // The track: the tracked request's rule set, else the election-period choice for the respondent's
  // region on the request date (as for requests); another one only with a reason (docs/deadlines.md §5).
  const auto submitted_on = domain::local_date(input.submitted_at.utc, ki_org.utc_offset_minutes);
  const auto request_date = tracked            ? tracked->chronology.request_date
                            : input.chronology ? input.chronology->request_date
                                               : submitted_on;
  const auto suggestion =
      domain::choose_ruleset(request_date, respondent->region_code, tx.requests().election_periods_on(request_date));
  const std::optional<std::string> requested =
      input.ruleset.empty() ? std::nullopt : std::optional<std::string>{input.ruleset};
  auto decided = ds::decide_track(tracked ? std::optional<std::string>{tracked->ruleset} : std::nullopt, suggestion,
                                  requested, input.ruleset_override_reason);
  if (auto* errors = std::get_if<domain::field_errors>(&decided)) {
    throw validation_problem(*errors);
  }
  const auto track = std::get<ds::dispute_track>(decided);
  input.ruleset = track.ruleset;
  const auto rules = tx.rulesets().in_force(input.ruleset, submitted_on);
  if (!rules) {
    throw validation_problem(
        {{"ruleset", "aturan tidak dikenal atau belum berlaku / unknown rule set or not yet in force"}});
  }
  input.ruleset_version = rules->version;

  ds::opening_context ctx;
  ctx.id = id;
  ctx.competent_ki = competent.value_or(ki_code);
  if (tracked) {
    ctx.tracked_chronology = tracked->chronology;
  }
  ctx.track = track;
  ctx.due_of = filing_calculator(clocks, clocks.ruleset(rules->name, rules->version), ki_code, input.respondent);
  ctx.utc_offset_minutes = ki_org.utc_offset_minutes;
  auto d = ds::open_dispute(input, ctx);

  // The registry's own clock from receipt, when the rule set has one (registration_check).
  const auto& case_rules = clocks.ruleset(rules->name, rules->version);
  clock_book book{tx, clocks, dispute_case_type, d.id};
  apply_dispute_clocks(book, case_rules, d, ds::opening_intents(d, &case_rules), local_today(ki_org, now));
  tx.disputes().insert(to_document(d, book.records(), ki_org.utc_offset_minutes));
  book.save();
  const auto payload = ds::submission_payload(d, track);
  record_case_event(tx, actor, dispute_case_type, d.id, d.version, "submit", payload, now);
  auto warnings = ds::submission_warnings(d);
  return {std::move(d), std::move(warnings)};
}

void refresh_dispute_projections(ports::transaction& tx, const std::string& id) {
  const auto doc = tx.disputes().find(id, true);
  if (!doc) {
    return;
  }
  const auto d = from_document(*doc);
  clock_context clocks{tx};
  const auto records = tx.deadlines().for_case(dispute_case_type, d.id);
  tx.disputes().update(to_document(d, records, ki_of(clocks, d).utc_offset_minutes), d.version);
}

ds::dispute load_visible_dispute(ports::transaction& tx, const case_actor& actor, const std::string& id,
                                 bool for_update) {
  const auto doc = found_or_404(tx.disputes().find(id, for_update));
  auto d = from_document(doc);
  if (!ds::can_read(d, actor.roles, actor.organisation)) {
    throw not_found();
  }
  return d;
}

dispute_outcome_result act_on_dispute(ports::transaction& tx, const case_actor& actor, const std::string& id,
                                      const std::string& action_name, const object& body, std::optional<int> if_match,
                                      domain::instant now) {
  auto d = load_visible_dispute(tx, actor, id, true);
  // The checklist reads the case file: attached documents and paper originals are present.
  domain::documents::add_present_documents(
      d.completeness, present_document_kinds(tx, {domain::documents::case_kind::dispute, d.id}));
  const auto action = found_or_404(ds::parse_dispute_action(action_name));
  // Only the handling KI's staff act, each role its own actions (registrar vs commissioner); readers
  // such as the respondent's PPID get 403.
  const bool role_may = d.ki == actor.organisation &&
                        std::any_of(actor.roles.begin(), actor.roles.end(), [&](role r) {
                          const auto mine = ds::actions_of_role(r);
                          return std::find(mine.begin(), mine.end(), action) != mine.end();
                        });
  if (!role_may) {
    throw forbidden();
  }
  clock_context clocks{tx};
  const auto& ki_org = ki_of(clocks, d);
  const auto today = local_today(ki_org, now);
  const auto now_ki = at_offset(now, ki_org.utc_offset_minutes);
  clock_book book{tx, clocks, dispute_case_type, d.id};
  const auto due = due_map_of(book.records());
  const auto allowed_for_caller = ds::allowed_actions(d, actor.roles, actor.organisation, today, due);
  if (const auto admitted = ds::admit(d, action, if_match, today, due); admitted.refused) {
    throw_if_refused(admitted, allowed_for_caller, ds::not_allowed_detail(d, action));
  }

  domain::validation v;
  auto payload = parse_dispute_command(action, body, now_ki, v);
  throw_if_invalid(v);
  ds::dispute_command command{action, std::move(*payload), now, actor, if_match};

  // Numbers after validation, in this transaction (a refused registration gives its number back).
  number_dispute_command(sequences_of(tx), numbering_for(tx, d.ki), d, ki_org.utc_offset_minutes, today,
                         command.payload);

  const auto& rules = clocks.ruleset(d.ruleset, d.ruleset_version);
  ds::transition_context ctx;
  ctx.now = now_ki;
  ctx.due = due;
  ctx.rules = &rules;
  ctx.is_ki_commissioner = [&tx, &d](std::string_view username) {
    const auto cred = tx.users().find_credentials(std::string(username));
    if (!cred || !cred->user.active || cred->user.organisation != d.ki) {
      return false;
    }
    const auto roles = tx.users().find(cred->user.id);
    return roles && roles->has_role(role::commissioner);
  };
  auto result = ds::apply(d, command, ctx);
  throw_if_refused(result, allowed_for_caller);
  auto& next = result.next;
  apply_dispute_clocks(book, rules, next, result.intents, today);
  book.save();
  if (!tx.disputes().update(to_document(next, book.records(), ki_org.utc_offset_minutes), d.version)) {
    throw_changed_meanwhile(d.version + 1);  // nothing is kept
  }
  record_case_event(tx, actor, dispute_case_type, next.id, next.version,
                    std::string(ds::to_string(result.event.action)), result.event.payload_json, now);
  return {std::move(next), std::move(result.warnings)};
}

}  // namespace perkara::api
