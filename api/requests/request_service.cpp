// The PPID workflow's application services: creation, actions, the read view and lists. The domain
// (domain/requests) decides; this file loads and stores through the ports, turns deadline intents into
// stored clocks (clock_book), numbers requests and objections, and writes events and audit entries.
#include "api/requests/request_service.hpp"

#include "api/requests/request_case.hpp"
#include "api/requests/request_input.hpp"

#include "api/auth/crypto.hpp"
#include "api/cases/case_support.hpp"
#include "api/cases/numbering.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "domain/requests/register_templates.hpp"
#include "domain/requests/transitions.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace perkara::api {
namespace {

using namespace requests;
using domain::request_action;

/// The role an action needs (only the respondent's own officers act).
role role_for(request_action action) {
  return action == request_action::answer_objection ? role::ppid_superior : role::ppid;
}

/// Runs a user's command through the domain. An objection takes its register number only once the
/// domain has accepted it (a dry run first), so a refused objection never takes one (gapless).
domain::transition_result run_command(ports::transaction& tx, loaded_request& l, domain::request_command command,
                                      const domain::transition_context& ctx) {
  const auto& r = l.stored.request;
  if (auto* objection = std::get_if<domain::file_objection_command>(&command.payload)) {
    auto dry_run = domain::apply(r, command, ctx);
    if (!dry_run.ok()) {
      return dry_run;
    }
    const auto on = domain::local_date(dry_run.next.objection->received_at.utc, l.org.utc_offset_minutes);
    objection->number = take_ppid_number(sequences_of(tx), "objection",
                                         domain::default_ppid_register_templates.objection, r.respondent, on);
  }
  return domain::apply(r, command, ctx);
}

/// Stores a successful transition: clocks, row (guarded by version), event and audit.
void commit_transition(ports::transaction& tx, loaded_request& l, const case_actor& actor,
                       const domain::transition_result& ok, domain::instant now) {
  const int expected = l.stored.request.version;
  l.book.apply(ok.intents, ok.next.respondent, l.rules);
  l.book.save();
  l.stored.request = ok.next;
  l.refresh_index();
  if (!tx.requests().update(l.stored, expected)) {
    throw_changed_meanwhile(expected + 1);  // nothing is kept
  }
  record_case_event(tx, actor, case_type, ok.next.id, ok.next.version, ok.event.action, ok.event.payload_json, now);
}

/// Applies the timer intents that have come due and stores the clocks and list columns (same version).
domain::information_request save_timers(ports::transaction& tx, ports::stored_request found, domain::instant now) {
  loaded_request l(tx, std::move(found), now);
  l.apply_timers();
  l.book.save();
  l.refresh_index();
  tx.requests().update(l.stored, l.stored.request.version);
  return l.stored.request;
}

}  // namespace

std::optional<domain::information_request> mark_request_disputed(ports::transaction& tx,
                                                                 const std::string& request_id,
                                                                 const std::string& dispute_id, const std::string& ki,
                                                                 const std::string& actor_user_id,
                                                                 domain::instant now) {
  auto found = tx.requests().find(request_id, true);
  if (!found) {
    return std::nullopt;
  }
  loaded_request l(tx, std::move(*found), now);
  const auto before = l.stored.request;
  l.apply_timers();
  const domain::transition_context ctx{now, l.today, l.org.utc_offset_minutes, l.due(), &l.rules};
  const auto result = domain::mark_disputed(before, domain::mark_disputed_command{dispute_id, now}, ctx);
  throw_if_refused(result, {});
  l.stored.dispute_ki = ki;
  const case_actor system_actor{actor_user_id, ki, {}};
  commit_transition(tx, l, system_actor, result, now);
  return before;
}

domain::information_request create_request(ports::transaction& tx, const case_actor& actor,
                                           const domain::new_request_input& input, domain::instant now) {
  if (!actor.has(role::ppid)) {
    throw forbidden();
  }
  domain::validation v;
  for (auto& e : domain::validate_new_request(input, now)) {
    v.fail(std::move(e.field), std::move(e.message));
  }
  const auto org = input.respondent.empty() ? std::nullopt : tx.organisations().find(input.respondent);
  if (!input.respondent.empty() && (!org || !org->is_respondent())) {
    v.fail("respondent", "bukan badan publik termohon yang dikenal / not a known respondent body");
  }
  throw_if_invalid(v);
  if (org->code != actor.organisation) {
    throw forbidden();  // a PPID registers requests of its own organisation only
  }

  const auto received = *domain::parse_rfc3339(input.received_at);
  const auto received_date = domain::local_date(received.utc, org->utc_offset_minutes);
  // The rule set: suggested from the election stage periods of the respondent's region, or the
  // PPID's override; pinned to the version in force on the receipt date.
  const auto suggestion =
      domain::choose_ruleset(received_date, org->region_code, tx.requests().election_periods_on(received_date));
  auto decided = domain::decide_ruleset(suggestion, input.ruleset, input.ruleset_override_reason, 0);
  if (auto* errors = std::get_if<domain::field_errors>(&decided)) {
    throw validation_problem(*errors);
  }
  auto choice = std::get<domain::ruleset_choice>(decided);
  const auto in_force = tx.rulesets().in_force(choice.name, received_date);
  if (!in_force) {
    throw validation_problem({{"received_at", fmt::format("tidak ada aturan {} yang berlaku pada tanggal ini / no {} "
                                                          "rule set in force on this date", choice.name, choice.name)}});
  }
  choice.version = in_force->version;

  domain::creation_context ctx;
  ctx.id = random_hex(16);
  ctx.now = now;
  ctx.ruleset = choice;
  ctx.number = take_ppid_number(sequences_of(tx), "request", domain::default_ppid_register_templates.request, org->code,
                                received_date);
  const auto ok = domain::create_request(input, ctx);
  throw_if_refused(ok, {});

  // The clocks first (the book only needs the id), then the row with its list columns.
  ports::stored_request row;
  row.request = ok.next;
  loaded_request l(tx, std::move(row), now);
  l.book.apply(ok.intents, ok.next.respondent, l.rules);
  l.book.save();
  l.refresh_index();
  tx.requests().insert(l.stored);
  record_case_event(tx, actor, case_type, ok.next.id, ok.next.version, ok.event.action, ok.event.payload_json, now);
  return ok.next;
}

domain::information_request load_visible_request(ports::transaction& tx, const case_actor& actor,
                                                 const std::string& request_id, domain::instant now,
                                                 bool apply_timers) {
  auto found = tx.requests().find(request_id, apply_timers);
  if (!found || !may_read(actor, *found)) {
    throw not_found();
  }
  if (apply_timers) {
    return save_timers(tx, std::move(*found), now);
  }
  return found->request;
}

void apply_request_timers(ports::transaction& tx, const std::string& request_id, domain::instant now) {
  if (auto found = tx.requests().find(request_id, true)) {
    save_timers(tx, std::move(*found), now);
  }
}

void refresh_request_index(ports::transaction& tx, const std::string& request_id, domain::instant now) {
  auto found = tx.requests().find(request_id, true);
  if (!found) {
    return;
  }
  loaded_request l(tx, std::move(*found), now);
  l.refresh_index();
  tx.requests().update(l.stored, l.stored.request.version);
}

namespace {

/// The common course of a user's command on a loaded request: the silences that have come due are
/// recorded first (so the guards see the clocks as they are today), then the engine's checks (If-Match,
/// then the transition table, for an `action` of the table), the domain step (`step(l, ctx)`), the
/// refusal or the commit.
template <class Step>
domain::information_request apply_step(ports::transaction& tx, const case_actor& actor, ports::stored_request found,
                                       std::optional<request_action> action, std::optional<int> if_match,
                                       domain::instant now, Step step) {
  loaded_request l(tx, std::move(found), now);
  l.apply_timers();
  const domain::transition_context ctx{now, l.today, l.org.utc_offset_minutes, l.due(), &l.rules};
  const auto caller_allowed = [&] {
    return domain::allowed_actions(l.stored.request, caller_of(actor), l.today, ctx.due);
  };
  if (action) {
    const auto admitted = domain::admit(l.stored.request, *action, if_match, l.today, ctx.due);
    if (admitted.refused) {
      throw_if_refused(admitted, caller_allowed());
    }
  } else {
    check_if_match(if_match, l.stored.request.version);
  }
  const auto result = step(l, ctx);
  if (!result.ok()) {
    throw_if_refused(result, caller_allowed());
  }
  commit_transition(tx, l, actor, result, now);
  return l.stored.request;
}

}  // namespace

domain::information_request act_on_request(ports::transaction& tx, const case_actor& actor,
                                           const std::string& request_id, const std::string& action_name,
                                           const boost::json::object& body, std::optional<int> if_match,
                                           domain::instant now) {
  const auto action = found_or_404(domain::parse_request_action(action_name));
  auto found = tx.requests().find(request_id, true);
  if (!found || !may_read(actor, *found)) {
    throw not_found();
  }
  if (action == request_action::mark_disputed || !is_staff_of_respondent(actor, found->request) ||
      !actor.has(role_for(action))) {
    throw forbidden();
  }
  return apply_step(
      tx, actor, std::move(*found), action, if_match, now,
      [&](loaded_request& l, const domain::transition_context& ctx) {
        const domain::request_command command{action, read_request_payload(action, body), now, actor, if_match};
        return run_command(tx, l, command, ctx);
      });
}

domain::information_request record_request_delivery(ports::transaction& tx, const case_actor& actor,
                                                    const std::string& request_id,
                                                    const domain::record_delivery_command& command,
                                                    std::optional<int> if_match, domain::instant now) {
  auto found = tx.requests().find(request_id, true);
  if (!found || !may_read(actor, *found)) {
    throw not_found();
  }
  // The respondent's officers record what their office sent and when it arrived.
  if (!is_staff_of_respondent(actor, found->request) || !actor.has_any({role::ppid, role::ppid_superior})) {
    throw forbidden();
  }
  return apply_step(tx, actor, std::move(*found), std::nullopt, if_match, now,
                    [&](loaded_request& l, const domain::transition_context& ctx) {
                      return domain::record_delivery(l.stored.request, command, ctx);
                    });
}

}  // namespace perkara::api
