// The PPID workflow's application services: creation, actions, the read view and lists. The domain
// (domain/requests) decides; this file loads and stores through the ports, turns deadline intents into
// stored clocks (clock_book), numbers requests and objections, and writes events and audit entries.
#include "api/requests/request_service.hpp"

#include "api/requests/request_clocks.hpp"

#include "api/auth/crypto.hpp"
#include "api/cases/case_support.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "domain/numbering/register_number.hpp"
#include "domain/requests/register_templates.hpp"
#include "domain/requests/transitions.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <cctype>

namespace perkara::api {
namespace {

using domain::request_action;
using domain::role;

constexpr std::string_view case_type = "request";

bool has(const request_actor& a, role r) { return std::find(a.roles.begin(), a.roles.end(), r) != a.roles.end(); }

bool has_any(const request_actor& a, std::initializer_list<role> wanted) {
  return std::any_of(wanted.begin(), wanted.end(), [&](role r) { return has(a, r); });
}

/// The respondent body's PPID officers (docs/security.md); its other accounts, if any, are not staff.
bool is_respondent_officer(const request_actor& a) { return has_any(a, {role::ppid, role::ppid_superior}); }

/// A KI's case staff, who read the requests disputed before their KI.
bool is_ki_staff(const request_actor& a) { return has_any(a, {role::ki_admin, role::registrar, role::commissioner}); }

bool is_staff_of_respondent(const request_actor& a, const domain::information_request& r) {
  return a.organisation == r.respondent && is_respondent_officer(a);
}

/// Respondent staff see everything; the KI where it is disputed reads it (without personal data).
/// Like disputes (domain/disputes/access.cpp), both the organisation and the role must fit.
bool may_read(const request_actor& a, const ports::stored_request& s) {
  return is_staff_of_respondent(a, s.request) || (s.dispute_ki && *s.dispute_ki == a.organisation && is_ki_staff(a));
}

std::string upper(std::string text) {
  for (auto& c : text) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return text;
}

/// A register number from the default templates: the sequence counts per respondent per year
/// ("request:<org>:<year>"), in the caller's transaction, so a rollback gives the number back.
std::string next_number(ports::transaction& tx, std::string_view kind, const std::string& template_text,
                        const std::string& org_code, domain::civil_date date) {
  const int year = static_cast<int>(date.year());
  domain::numbering::template_context ctx;
  ctx.seq = tx.sequences().next(fmt::format("{}:{}:{}", kind, org_code, year));
  ctx.org_code = upper(org_code);  // e.g. 0001/PPID-KPU-PANGKALPINANG/II/2024
  ctx.ki_code = ctx.org_code;
  ctx.date = date;
  const auto number = domain::numbering::format_number(template_text, ctx);
  if (!number) {
    throw std::runtime_error("invalid register template " + template_text);
  }
  return *number;
}


/// The loaded aggregate with its clocks, ready for a command or a view.
struct loaded_request {
  ports::stored_request stored;
  std::unique_ptr<clock_context> own_clocks;  // unless the caller shares one (a list page)
  clock_context& clocks;
  clock_book book;
  const domain::organisation& org;
  const domain::ruleset& rules;
  domain::civil_date today;

  loaded_request(ports::transaction& tx, ports::stored_request s, domain::instant now,
                 clock_context* shared_clocks = nullptr)
      : stored(std::move(s)),
        own_clocks(shared_clocks ? nullptr : std::make_unique<clock_context>(tx)),
        clocks(shared_clocks ? *shared_clocks : *own_clocks),
        book(tx, clocks, std::string(case_type), stored.request.id),
        org(clocks.organisation(stored.request.respondent)),
        rules(clocks.ruleset(stored.request.ruleset.name, stored.request.ruleset.version)),
        today(local_today(org, now)) {}

  /// Starts the clocks of silences that `today` has reached (in memory; save() persists them).
  void apply_timers() {
    apply_request_intents(book, stored.request, rules, org.utc_offset_minutes,
                  domain::timer_intents(stored.request, request_due_dates(book.records()), today));
  }

  [[nodiscard]] domain::request_due_dates due() const { return request_due_dates(book.records()); }

  /// The list columns, from the current clocks.
  void refresh_index() {
    stored.next_due = book.next_due();
    const auto w = domain::awaiting(stored.request, due());
    stored.awaiting_party = w.party;
    stored.awaiting_due = w.due;
  }
};

std::string actions_json(const std::vector<request_action>& actions) {
  boost::json::array out;
  for (const auto a : actions) {
    out.emplace_back(domain::to_string(a));
  }
  return boost::json::serialize(out);
}

boost::json::array actions_array(const std::vector<request_action>& actions) {
  boost::json::array out;
  for (const auto a : actions) {
    out.emplace_back(domain::to_string(a));
  }
  return out;
}

domain::request_caller caller_of(const request_actor& a) { return {a.organisation, a.roles}; }

void append_event(ports::transaction& tx, const request_actor& actor, const domain::information_request& r,
                  const domain::request_event& event, domain::instant now) {
  tx.events().append(domain::case_event{std::string(case_type), r.id, r.version, actor.user_id, now, event.action,
                                        event.payload_json()});
  // The audit entry repeats the event (the payload never carries personal data).
  tx.audit().append(domain::audit_entry{actor.user_id, actor.organisation, now, "request." + event.action,
                                        std::string(case_type), r.id, event.payload_json()});
}

[[noreturn]] void throw_transition_error(const domain::transition_error& e,
                                         const std::vector<request_action>& allowed) {
  if (e.kind == domain::transition_error_kind::invalid) {
    throw validation_problem(e.errors);
  }
  problem p{409, "Tindakan tidak diperbolehkan pada status ini / Action not allowed in this state"};
  p.extra_json.emplace_back("allowed_actions", actions_json(allowed));
  throw p;
}

/// The role an action needs (only the respondent's own officers act).
role role_for(request_action action) {
  return action == request_action::answer_objection ? role::ppid_superior : role::ppid;
}

domain::transition_result run_action(ports::transaction& tx, loaded_request& l, request_action action,
                                     const boost::json::object& body, const domain::transition_context& ctx) {
  domain::validation v;
  json_reader in{body, v};
  const auto text = [&](std::string_view key) { return in.string(key, false, 20000).value_or(""); };
  const auto& r = l.stored.request;
  switch (action) {
    case request_action::extend: {
      domain::extend_command cmd{text("reason")};
      throw_if_invalid(v);
      return domain::extend(r, cmd, ctx);
    }
    case request_action::respond: {
      domain::respond_command cmd{text("decision"), text("reasons"), text("responded_at")};
      throw_if_invalid(v);
      return domain::respond(r, cmd, ctx);
    }
    case request_action::file_objection: {
      domain::file_objection_command cmd;
      cmd.grounds = in.string_array("grounds", false).value_or(std::vector<std::string>{});
      cmd.reasons = text("reasons");
      cmd.received_at = text("received_at");
      throw_if_invalid(v);
      // Dry run first, so a refused objection never takes a register number (gapless).
      auto result = domain::file_objection(r, cmd, ctx);
      if (auto* ok = std::get_if<domain::transition_ok>(&result)) {
        const auto on = domain::local_date(ok->request.objection->received_at.utc, l.org.utc_offset_minutes);
        cmd.number = next_number(tx, "objection", domain::default_ppid_register_templates.objection, r.respondent, on);
        result = domain::file_objection(r, cmd, ctx);
      }
      return result;
    }
    case request_action::answer_objection: {
      domain::answer_objection_command cmd{text("decision"), text("reasons"), text("answered_at")};
      throw_if_invalid(v);
      return domain::answer_objection(r, cmd, ctx);
    }
    case request_action::close: {
      domain::close_command cmd{text("reason")};
      throw_if_invalid(v);
      return domain::close(r, cmd, ctx);
    }
    case request_action::mark_disputed:
      break;
  }
  throw forbidden();
}

/// Stores a successful transition: clocks, row (guarded by version), event and audit.
void commit_transition(ports::transaction& tx, loaded_request& l, const request_actor& actor,
                       domain::transition_ok& ok, domain::instant now) {
  const int expected = l.stored.request.version;
  apply_request_intents(l.book, ok.request, l.rules, l.org.utc_offset_minutes, ok.intents);
  l.book.save();
  l.stored.request = ok.request;
  l.refresh_index();
  if (!tx.requests().update(l.stored, expected)) {
    check_if_match(expected, expected + 1);  // changed meanwhile: 412, nothing is kept
  }
  append_event(tx, actor, ok.request, ok.event, now);
}

boost::json::value instant_json(const std::optional<domain::offset_instant>& t) {
  return t ? boost::json::value(domain::format_rfc3339(t->utc, t->offset_minutes)) : boost::json::value(nullptr);
}

}  // namespace

request_actor actor_of(const caller& who) { return {who.user.id, who.organisation.code, who.user.roles}; }

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
  auto result = domain::mark_disputed(before, domain::mark_disputed_command{dispute_id, now}, ctx);
  auto* ok = std::get_if<domain::transition_ok>(&result);
  if (!ok) {
    throw_transition_error(std::get<domain::transition_error>(result), {});
  }
  l.stored.dispute_ki = ki;
  const request_actor system_actor{actor_user_id, ki, {}};
  commit_transition(tx, l, system_actor, *ok, now);
  return before;
}

domain::information_request create_request(ports::transaction& tx, const request_actor& actor,
                                           const domain::new_request_input& input, domain::instant now) {
  if (!has(actor, role::ppid)) {
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
  const auto suggestion = domain::choose_ruleset(received_date, org->region_code, tx.requests().election_periods());
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
  ctx.number = next_number(tx, "request", domain::default_ppid_register_templates.request, org->code, received_date);
  auto result = domain::create_request(input, ctx);
  auto* ok = std::get_if<domain::transition_ok>(&result);
  if (!ok) {
    throw_transition_error(std::get<domain::transition_error>(result), {});
  }

  // The clocks first (the book only needs the id), then the row with its list columns.
  loaded_request l(tx, ports::stored_request{ok->request, std::nullopt, domain::awaiting_party::none, std::nullopt,
                                             std::nullopt},
                   now);
  apply_request_intents(l.book, ok->request, l.rules, l.org.utc_offset_minutes, ok->intents);
  l.book.save();
  l.refresh_index();
  tx.requests().insert(l.stored);
  append_event(tx, actor, ok->request, ok->event, now);
  return ok->request;
}

domain::information_request load_visible_request(ports::transaction& tx, const request_actor& actor,
                                                 const std::string& request_id, domain::instant now,
                                                 bool apply_timers) {
  auto found = tx.requests().find(request_id, apply_timers);
  if (!found || !may_read(actor, *found)) {
    throw not_found();
  }
  if (apply_timers) {
    loaded_request l(tx, std::move(*found), now);
    l.apply_timers();
    l.book.save();
    l.refresh_index();
    tx.requests().update(l.stored, l.stored.request.version);
    return l.stored.request;
  }
  return found->request;
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

domain::information_request act_on_request(ports::transaction& tx, const request_actor& actor,
                                           const std::string& request_id, const std::string& action_name,
                                           const boost::json::object& body, std::optional<int> if_match,
                                           domain::instant now) {
  const auto action = domain::parse_request_action(action_name);
  if (!action) {
    throw not_found();
  }
  auto found = tx.requests().find(request_id, true);
  if (!found || !may_read(actor, *found)) {
    throw not_found();
  }
  if (*action == request_action::mark_disputed || !is_staff_of_respondent(actor, found->request) ||
      !has(actor, role_for(*action))) {
    throw forbidden();
  }
  loaded_request l(tx, std::move(*found), now);
  // Silences that have come due are recorded first, so the guards see the clocks as they are today.
  l.apply_timers();
  check_if_match(if_match, l.stored.request.version);
  const domain::transition_context ctx{now, l.today, l.org.utc_offset_minutes, l.due(), &l.rules};
  auto result = run_action(tx, l, *action, body, ctx);
  auto* ok = std::get_if<domain::transition_ok>(&result);
  if (!ok) {
    throw_transition_error(std::get<domain::transition_error>(result),
                           domain::allowed_actions(l.stored.request, caller_of(actor), l.today, ctx.due));
  }
  commit_transition(tx, l, actor, *ok, now);
  return l.stored.request;
}

namespace {

boost::json::object view_of(ports::transaction& tx, const request_actor& actor, const ports::stored_request& s,
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
  boost::json::object awaiting{{"party", domain::to_string(w.party)},
                               {"action", w.action.empty() ? boost::json::value(nullptr) : boost::json::value(w.action)},
                               {"due", w.due ? boost::json::value(domain::format_iso_date(*w.due)) : nullptr}};
  boost::json::object out{
      {"id", r.id},
      {"number", r.number},
      {"respondent", r.respondent},
      {"received_at", domain::format_rfc3339(r.received_at.utc, r.received_at.offset_minutes)},
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
  out["response"] = r.response ? boost::json::value(boost::json::object{
                                     {"decision", domain::to_string(r.response->decision)},
                                     {"reasons", r.response->reasons},
                                     {"responded_at", instant_json(r.response->responded_at)}})
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
  out["objection_answer"] = r.objection_answer
                                ? boost::json::value(boost::json::object{
                                      {"decision", domain::to_string(r.objection_answer->decision)},
                                      {"reasons", r.objection_answer->reasons},
                                      {"answered_at", instant_json(r.objection_answer->answered_at)}})
                                : nullptr;
  out["closed"] = r.closed ? boost::json::value(boost::json::object{
                                 {"reason", r.closed->reason}, {"at", domain::format_rfc3339(r.closed->at, offset)}})
                           : nullptr;
  out["dispute_id"] = optional_string(r.dispute_id);
  out["dispute_ki"] = optional_string(s.dispute_ki);
  out["deadlines"] = deadlines_json(l.clocks, l.book.records(), l.today);
  const auto next = l.book.next_due();
  out["next_due"] = next ? boost::json::value(domain::format_iso_date(*next)) : nullptr;
  out["awaiting"] = std::move(awaiting);
  out["allowed_actions"] = actions_array(domain::allowed_actions(r, caller_of(actor), l.today, due));
  return out;
}

}  // namespace

boost::json::object request_view(ports::transaction& tx, const request_actor& actor,
                                 const domain::information_request& r, domain::instant now) {
  ports::stored_request s{r, std::nullopt, domain::awaiting_party::none, std::nullopt, std::nullopt};
  if (auto stored = tx.requests().find(r.id, false)) {
    s.dispute_ki = stored->dispute_ki;
  }
  return view_of(tx, actor, s, now);
}

boost::json::object list_requests(ports::transaction& tx, const request_actor& actor,
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
  f.received_from = query.received_from;
  f.received_to = query.received_to;
  if (query.overdue) {
    f.overdue_on = local_today(*own, now);
  }
  f.limit = query.limit + 1;  // one more tells whether there is a next page
  if (query.cursor) {
    const auto parts = decode_cursor(*query.cursor, 3);
    ports::request_filter::position p;
    p.due_key = parts[0];
    try {
      p.received_at = std::stoll(parts[1]);
    } catch (const std::exception&) {
      throw bad_request("Kursor tidak valid / Invalid cursor", "cursor");
    }
    p.id = parts[2];
    f.after = p;
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
    next_cursor = encode_cursor({p.due_key, std::to_string(p.received_at), p.id});
  }
  return {{"items", std::move(items)}, {"next_cursor", optional_string(next_cursor)}};
}

boost::json::array request_events(ports::transaction& tx, const request_actor& actor,
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
