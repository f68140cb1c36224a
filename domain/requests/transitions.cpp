#include "domain/requests/transitions.hpp"

#include "domain/cases/act_date.hpp"
#include "domain/cases/engine.hpp"
#include "domain/cases/event_payload.hpp"
#include "domain/cases/field_checks.hpp"
#include "domain/enum_names.hpp"
#include "domain/requests/new_request.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace perkara::domain {

// The first row is also the name of a value the table lacks (domain/enum_names.hpp).
constexpr enum_name<request_action> request_action_names[] = {{request_action::close, "close"},
                                                              {request_action::extend, "extend"},
                                                              {request_action::respond, "respond"},
                                                              {request_action::file_objection, "file_objection"},
                                                              {request_action::answer_objection, "answer_objection"},
                                                              {request_action::mark_disputed, "mark_disputed"}};
std::string_view to_string(request_action action) { return name_in(request_action_names, action); }
std::optional<request_action> parse_request_action(std::string_view text) {
  return value_in(request_action_names, text);
}

namespace {

/// What the guards read besides the request: the respondent's date today and the clocks' due dates.
struct request_facts {
  civil_date today;
  const request_due_dates& due;
};

// One extension only (Pasal 12; UU 14/2008 Pasal 22(8)). Whether it was announced within the period is
// judged on its act date, not on the day it is entered (extend).
bool extension_announceable(const information_request& r, const request_facts&) { return !r.extension_used(); }
// Silence: the response period has passed unanswered (ground "not answered", UU 14/2008 Pasal 35(1) c).
bool response_period_passed(const information_request&, const request_facts& f) {
  return f.due.ppid_response.has_value() && f.today > *f.due.ppid_response;
}
request_state state_of(const information_request& r) { return r.state; }

using st = request_state;
using ac = request_action;
constexpr cases::state_set<st> open_states{st::received, st::extended, st::answered, st::objected,
                                           st::objection_answered};

// The PPID workflow's transition table (docs/ppid-workflow.md). Row order is the order of
// allowed_actions lists.
constexpr cases::transition_row<st, ac, information_request, request_facts> request_rows[] = {
    // action              from                          to                       guard                   source
    {ac::extend,           {st::received},               st::extended,            extension_announceable, "T02"},
    {ac::respond,          {st::received, st::extended}, st::answered,            nullptr,                "T02"},
    {ac::file_objection,   {st::answered},               st::objected,            nullptr,                "T05"},
    {ac::file_objection,   {st::received, st::extended}, st::objected,            response_period_passed, "T03"},
    {ac::answer_objection, {st::objected},               st::objection_answered,  nullptr,                "T06"},
    {ac::close,            open_states,                  st::closed,              nullptr,                "T04 T07"},
    // System action of the dispute module; whether the steps were followed is for the KI to judge.
    {ac::mark_disputed,    open_states,                  st::disputed,            nullptr,                "T08 T12"},
};

constexpr cases::transition_table<st, ac, information_request, request_facts> request_table{request_rows, state_of};

bool allows(const information_request& request, request_action action, civil_date today,
            const request_due_dates& due) {
  return request_table.find(request, action, request_facts{today, due}) != nullptr;
}

transition_result not_allowed(const information_request& request, const transition_context& ctx) {
  return transition_result::not_allowed(request, state_allowed_actions(request, ctx.today, ctx.due));
}

// The applicant's receipt of an answer given at `act`: optional; not before the answer, not in the future.
std::optional<offset_instant> parse_delivery(validation& v, const std::string& text,
                                             const std::optional<offset_instant>& act, instant now) {
  if (text.empty()) {
    return std::nullopt;
  }
  return read_act_time(v, "delivered_at", text, act ? act->utc : instant{}, "jawaban diberikan / the answer was given",
                        now);
}

constexpr std::size_t reasons_max = 10000;

transition_result advance(const information_request& request, request_state to, std::string action,
                          const payload_writer& payload, std::vector<deadline_intent> intents) {
  transition_result ok;
  ok.next = request;
  ok.next.state = to;
  ok.next.version = request.version + 1;
  ok.event = {std::move(action), payload.str()};
  ok.intents = std::move(intents);
  return ok;
}

std::string rfc3339(const offset_instant& t) { return format_rfc3339(t.utc, t.offset_minutes); }

std::optional<instant> utc_of(const std::optional<offset_instant>& t) {
  return t ? std::optional<instant>{t->utc} : std::nullopt;
}

}  // namespace

std::vector<request_action> state_allowed_actions(const information_request& request, civil_date today,
                                                  const request_due_dates& due, bool include_system) {
  auto out = request_table.possible(request, request_facts{today, due});
  if (!include_system) {
    std::erase(out, request_action::mark_disputed);
  }
  return out;
}

cases::admission<request_action> admit(const information_request& request, request_action action,
                                       std::optional<int> if_match, civil_date today, const request_due_dates& due) {
  auto admitted = cases::admit(request_table, request, request.version, action, if_match, request_facts{today, due});
  std::erase(admitted.allowed_actions, request_action::mark_disputed);  // a system action, never offered
  return admitted;
}

transition_result apply(const information_request& request, const request_command& command,
                        const transition_context& ctx) {
  return std::visit(
      [&](const auto& payload) -> transition_result {
        using type = std::decay_t<decltype(payload)>;
        if constexpr (std::is_same_v<type, extend_command>) {
          return extend(request, payload, ctx);
        } else if constexpr (std::is_same_v<type, respond_command>) {
          return respond(request, payload, ctx);
        } else if constexpr (std::is_same_v<type, file_objection_command>) {
          return file_objection(request, payload, ctx);
        } else if constexpr (std::is_same_v<type, answer_objection_command>) {
          return answer_objection(request, payload, ctx);
        } else {
          return close(request, payload, ctx);
        }
      },
      command.payload);
}

transition_result extend(const information_request& request, const extend_command& cmd,
                         const transition_context& ctx) {
  if (!allows(request, request_action::extend, ctx.today, ctx.due)) {
    return not_allowed(request, ctx);
  }
  validation v;
  // UU 14/2008 Pasal 22(8): the extension is notified in writing with its reasons.
  check_text(v, "reason", cmd.reason, true, new_request_limits::text);
  // The act's date: when the extension was notified, entered perhaps the next morning (docs/case-engine.md
  // "The act's date"); it belongs to the response period and is judged against its due date.
  auto at = offset_instant{ctx.now, ctx.respondent_offset_minutes};
  if (!cmd.extended_at.empty()) {
    if (const auto t = read_act_time(v, "extended_at", cmd.extended_at, request.received_at.utc,
                                      "diterimanya permohonan (received_at)", ctx.now)) {
      at = *t;
    }
  }
  if (v.ok() && ctx.due.ppid_response && local_date(at.utc, ctx.respondent_offset_minutes) > *ctx.due.ppid_response) {
    const auto due = format_iso_date(*ctx.due.ppid_response);
    v.fail("extended_at", fmt::format("perpanjangan harus diberitahukan dalam jangka waktu jawaban, yang berakhir {}; "
                                      "isi tanggal surat perpanjangan / the extension must be notified within the "
                                      "response period, which ended on {}; give the date of the extension letter",
                                      due, due));
  }
  if (!v.ok()) {
    return transition_result::invalid(request, v.take());
  }
  auto intents = intents_for(intent_step::extend, intent_anchors::at_act(at.utc), ctx.rules);
  payload_writer payload;
  payload.text("reason", cmd.reason).text("extended_at", rfc3339(at));
  if (!intents.empty() && intents.front().days.value_or(0) > 0) {
    payload.number("extra_days", *intents.front().days);
  }
  auto ok = advance(request, request_state::extended, "extend", payload, std::move(intents));
  ok.next.extension = request_extension{cmd.reason, at.utc};
  return ok;
}

transition_result respond(const information_request& request, const respond_command& cmd,
                          const transition_context& ctx) {
  if (!allows(request, request_action::respond, ctx.today, ctx.due)) {
    return not_allowed(request, ctx);
  }
  validation v;
  const auto decision = parse_response_decision(cmd.decision);
  if (!decision) {
    v.fail("decision", "harus granted, partly_granted, refused atau not_held / must be one of granted, "
                       "partly_granted, refused, not_held");
  }
  // A refusal, partial grant or "not held" must give reasons (UU 14/2008 Pasal 22(7)(c)-(d), docs/legal-sources.md §6.3).
  const bool reasons_required = decision && *decision != response_decision::granted;
  check_text(v, "reasons", cmd.reasons, reasons_required, reasons_max);
  const auto at = read_act_time(v, "responded_at", cmd.responded_at, request.received_at.utc,
                                 "diterimanya permohonan (received_at)", ctx.now);
  const auto delivered = parse_delivery(v, cmd.delivered_at, at, ctx.now);
  if (!v.ok()) {
    return transition_result::invalid(request, v.take());
  }
  payload_writer payload;
  payload.text("decision", to_string(*decision)).text("reasons", cmd.reasons).text("responded_at", rfc3339(*at));
  if (delivered) {
    payload.text("delivered_at", rfc3339(*delivered));
  }
  if (ctx.due.ppid_response) {
    payload.boolean("late", local_date(at->utc, ctx.respondent_offset_minutes) > *ctx.due.ppid_response);
  }
  auto ok =
      advance(request, request_state::answered, "respond", payload,
              intents_for(intent_step::respond, intent_anchors::at_receipt(at->utc, utc_of(delivered)), ctx.rules));
  ok.next.response = request_response{*decision, cmd.reasons, *at, delivered};
  return ok;
}

transition_result file_objection(const information_request& request, const file_objection_command& cmd,
                                 const transition_context& ctx) {
  if (!allows(request, request_action::file_objection, ctx.today, ctx.due)) {
    return not_allowed(request, ctx);
  }
  const bool unanswered = request.state != request_state::answered;
  validation v;
  // Grounds: UU 14/2008 Pasal 35(1) huruf a–g; at least one, each once.
  std::vector<objection_ground> grounds;
  if (cmd.grounds.empty()) {
    v.fail("grounds", "minimal satu alasan a–g / at least one ground a–g");
  }
  for (std::size_t i = 0; i < cmd.grounds.size(); ++i) {
    const auto g = parse_objection_ground(cmd.grounds[i]);
    const auto field = fmt::format("grounds[{}]", i);
    if (!g) {
      v.fail(field, "alasan harus salah satu a–g (UU 14/2008 Pasal 35 ayat 1) / ground must be one of a–g");
    } else if (std::find(grounds.begin(), grounds.end(), *g) != grounds.end()) {
      v.fail(field, fmt::format("alasan '{0}' ganda / ground '{0}' is duplicated", cmd.grounds[i]));
    } else {
      grounds.push_back(*g);
    }
  }
  check_text(v, "reasons", cmd.reasons, false, reasons_max);
  const instant not_before =
      !unanswered && request.response ? request.response->responded_at.utc : request.received_at.utc;
  const auto at = read_act_time(v, "received_at", cmd.received_at, not_before,
                                 unanswered ? "diterimanya permohonan (received_at)"
                                            : "tanggapan PPID (responded_at)",
                                 ctx.now);
  // On silence the ground "not answered" arises only after the response period: an objection dated on
  // or before the due date contradicts it.
  if (at && unanswered && ctx.due.ppid_response &&
      local_date(at->utc, ctx.respondent_offset_minutes) <= *ctx.due.ppid_response) {
    v.fail("received_at", fmt::format("keberatan karena tidak ditanggapi baru dapat diajukan setelah {0} / an "
                                      "objection for no answer can only be received after {0}",
                                      format_iso_date(*ctx.due.ppid_response)));
  }
  if (!v.ok()) {
    return transition_result::invalid(request, v.take());
  }
  std::sort(grounds.begin(), grounds.end());
  std::vector<std::string> ground_names;
  ground_names.reserve(grounds.size());
  for (auto g : grounds) {
    ground_names.emplace_back(to_string(g));
  }
  const auto step = unanswered ? intent_step::file_objection_unanswered : intent_step::file_objection;
  auto ok = advance(request, request_state::objected, "file_objection",
                    payload_writer{}
                        .text("number", cmd.number)
                        .texts("grounds", ground_names)
                        .text("reasons", cmd.reasons)
                        .text("received_at", rfc3339(*at))
                        .text("basis", unanswered ? "not_answered" : "answered"),
                    intents_for(step, intent_anchors::at_act(at->utc, ctx.due.ppid_response), ctx.rules));
  ok.next.objection = request_objection{cmd.number, grounds, cmd.reasons, *at};
  return ok;
}

transition_result answer_objection(const information_request& request, const answer_objection_command& cmd,
                                   const transition_context& ctx) {
  if (!allows(request, request_action::answer_objection, ctx.today, ctx.due)) {
    return not_allowed(request, ctx);
  }
  validation v;
  const auto decision = parse_objection_decision(cmd.decision);
  if (!decision) {
    v.fail("decision", "harus upheld atau overturned / must be upheld or overturned");
  }
  // The atasan's answer is a written decision with reasons (docs/legal-sources.md T06, PERKI 1/2019 Pasal 14).
  check_text(v, "reasons", cmd.reasons, true, reasons_max);
  const auto not_before = request.objection ? request.objection->received_at.utc : request.received_at.utc;
  const auto at = read_act_time(v, "answered_at", cmd.answered_at, not_before,
                                 "diterimanya keberatan (objection received_at)", ctx.now);
  const auto delivered = parse_delivery(v, cmd.delivered_at, at, ctx.now);
  if (!v.ok()) {
    return transition_result::invalid(request, v.take());
  }
  payload_writer payload;
  payload.text("decision", to_string(*decision)).text("reasons", cmd.reasons).text("answered_at", rfc3339(*at));
  if (delivered) {
    payload.text("delivered_at", rfc3339(*delivered));
  }
  auto ok = advance(
      request, request_state::objection_answered, "answer_objection", payload,
      intents_for(intent_step::answer_objection, intent_anchors::at_receipt(at->utc, utc_of(delivered)), ctx.rules));
  ok.next.objection_answer = request_objection_answer{*decision, cmd.reasons, *at, delivered};
  return ok;
}

transition_result record_delivery(const information_request& request, const record_delivery_command& cmd,
                                  const transition_context& ctx) {
  validation v;
  const bool response = cmd.answer == "response";
  if (!response && cmd.answer != "objection_answer") {
    v.fail("answer", "harus response atau objection_answer / must be response or objection_answer");
    return transition_result::invalid(request, v.take());
  }
  // The answer must exist; a receipt of nothing is not a fact (409 with what the state allows).
  const std::optional<offset_instant> act =
      response ? (request.response ? std::optional{request.response->responded_at} : std::nullopt)
               : (request.objection_answer ? std::optional{request.objection_answer->answered_at} : std::nullopt);
  if (!act) {
    return not_allowed(request, ctx);
  }
  if (cmd.delivered_at.empty()) {
    v.fail("delivered_at", required_message);
  }
  const auto delivered = parse_delivery(v, cmd.delivered_at, act, ctx.now);
  if (!v.ok()) {
    return transition_result::invalid(request, v.take());
  }
  const auto& previous = response ? request.response->delivered_at : request.objection_answer->delivered_at;
  payload_writer payload;
  payload.text("answer", cmd.answer).text("delivered_at", rfc3339(*delivered));
  payload.optional_text("previous", previous ? std::optional{rfc3339(*previous)} : std::nullopt);
  // The window restarts only while it is the case's current one: objection_filing in answered,
  // dispute_filing in objection_answered (later states met or stopped it).
  std::vector<deadline_intent> intents;
  if (response && request.state == request_state::answered) {
    intents =
        intents_for(intent_step::response_delivered, intent_anchors::at_receipt(act->utc, delivered->utc), ctx.rules);
  } else if (!response && request.state == request_state::objection_answered) {
    intents =
        intents_for(intent_step::answer_delivered, intent_anchors::at_receipt(act->utc, delivered->utc), ctx.rules);
  }
  auto ok = advance(request, request.state, "record_delivery", payload, std::move(intents));
  (response ? ok.next.response->delivered_at : ok.next.objection_answer->delivered_at) = delivered;
  return ok;
}

transition_result close(const information_request& request, const close_command& cmd,
                        const transition_context& ctx) {
  if (!allows(request, request_action::close, ctx.today, ctx.due)) {
    return not_allowed(request, ctx);
  }
  validation v;
  check_text(v, "reason", cmd.reason, true, new_request_limits::text);
  if (!v.ok()) {
    return transition_result::invalid(request, v.take());
  }
  auto ok = advance(request, request_state::closed, "close",
                    payload_writer{}.text("reason", cmd.reason).text("from_state", to_string(request.state)),
                    intents_for(intent_step::close, intent_anchors::at_act(ctx.now), ctx.rules));
  ok.next.closed = request_closure{cmd.reason, ctx.now};
  return ok;
}

transition_result mark_disputed(const information_request& request, const mark_disputed_command& cmd,
                                const transition_context& ctx) {
  if (!allows(request, request_action::mark_disputed, ctx.today, ctx.due)) {
    return transition_result::not_allowed(request, state_allowed_actions(request, ctx.today, ctx.due, true));
  }
  validation v;
  check_text(v, "dispute_id", cmd.dispute_id, true, new_request_limits::short_text);
  const instant at = cmd.submitted_at.value_or(ctx.now);
  if (in_future(at, ctx.now)) {
    v.fail("submitted_at", future_message);
  } else {
    check_not_before(v, "submitted_at", at, request.received_at.utc, "diterimanya permohonan (received_at)");
  }
  if (!v.ok()) {
    return transition_result::invalid(request, v.take());
  }
  auto ok = advance(request, request_state::disputed, "mark_disputed",
                    payload_writer{}.text("dispute_id", cmd.dispute_id).text("from_state", to_string(request.state)),
                    intents_for(intent_step::mark_disputed, intent_anchors::at_act(at), ctx.rules));
  ok.next.dispute_id = cmd.dispute_id;
  return ok;
}

}  // namespace perkara::domain
