#include "domain/requests/transitions.hpp"

#include "domain/requests/new_request.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace perkara::domain {

std::string_view to_string(request_action action) {
  switch (action) {
    case request_action::extend: return "extend";
    case request_action::respond: return "respond";
    case request_action::file_objection: return "file_objection";
    case request_action::answer_objection: return "answer_objection";
    case request_action::close: return "close";
    case request_action::mark_disputed: return "mark_disputed";
  }
  return "close";
}

std::optional<request_action> parse_request_action(std::string_view text) {
  for (auto a : all_request_actions) {
    if (to_string(a) == text) {
      return a;
    }
  }
  return std::nullopt;
}

namespace {

bool past_response_due(civil_date today, const request_due_dates& due) {
  return due.ppid_response.has_value() && today > *due.ppid_response;
}

bool allows(const information_request& request, request_action action, civil_date today,
            const request_due_dates& due) {
  const auto s = request.state;
  switch (action) {
    case request_action::extend:
      // One extension only, announced before the response period ends (docs/legal-sources.md T02, Pasal 12;
      // UU 14/2008 Pasal 22(8)). An unknown due date does not block it.
      return s == request_state::received && !request.extension_used() &&
             (!due.ppid_response || today <= *due.ppid_response);
    case request_action::respond:
      return s == request_state::received || s == request_state::extended;
    case request_action::file_objection:
      // After an answer (T05), or on silence once the response period has passed (T03).
      return s == request_state::answered ||
             ((s == request_state::received || s == request_state::extended) && past_response_due(today, due));
    case request_action::answer_objection:
      return s == request_state::objected;
    case request_action::close:
    case request_action::mark_disputed:
      return is_open(s);
  }
  return false;
}

transition_error not_allowed(const information_request& request, const transition_context& ctx) {
  return {transition_error_kind::not_allowed, state_allowed_actions(request, ctx.today, ctx.due), {}};
}

transition_error invalid(field_errors errors) {
  return {transition_error_kind::invalid, {}, std::move(errors)};
}

// Parses an RFC 3339 field and checks it against the request's own timeline and `now`.
std::optional<offset_instant> parse_act_time(validation& v, const std::string& field, const std::string& text,
                                             instant not_before, std::string_view not_before_what, instant now) {
  if (text.empty()) {
    v.fail(field, "wajib diisi / required");
    return std::nullopt;
  }
  const auto t = parse_rfc3339(text);
  if (!t) {
    v.fail(field, invalid_instant_message);
    return std::nullopt;
  }
  if (t->utc > now + allowed_clock_skew) {
    v.fail(field, "tidak boleh di masa depan / must not be in the future");
  } else if (t->utc < not_before) {
    v.fail(field, fmt::format("tidak boleh sebelum {0} / must not be before {0}", not_before_what));
  }
  return t;
}

void check_text(validation& v, const std::string& field, const std::string& text, bool required,
                std::size_t max) {
  const bool blank = std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
  if (required && blank) {
    v.fail(field, "wajib diisi / required");
  } else if (utf8_length(text) > max) {
    v.fail(field, fmt::format("paling banyak {0} karakter / at most {0} characters", max));
  }
}

constexpr std::size_t reasons_max = 10000;

transition_ok advance(const information_request& request, request_state to, std::string action,
                      std::vector<payload_field> payload, std::vector<deadline_intent> intents) {
  transition_ok ok{request, {std::move(action), std::move(payload)}, std::move(intents)};
  ok.request.state = to;
  ok.request.version = request.version + 1;
  return ok;
}

std::string rfc3339(const offset_instant& t) { return format_rfc3339(t.utc, t.offset_minutes); }

}  // namespace

std::vector<request_action> state_allowed_actions(const information_request& request, civil_date today,
                                                  const request_due_dates& due, bool include_system) {
  std::vector<request_action> out;
  for (auto a : all_request_actions) {
    if (a == request_action::mark_disputed && !include_system) {
      continue;
    }
    if (allows(request, a, today, due)) {
      out.push_back(a);
    }
  }
  return out;
}

transition_result extend(const information_request& request, const extend_command& cmd,
                         const transition_context& ctx) {
  if (!allows(request, request_action::extend, ctx.today, ctx.due)) {
    return not_allowed(request, ctx);
  }
  validation v;
  // UU 14/2008 Pasal 22(8): the extension is notified in writing with its reasons.
  check_text(v, "reason", cmd.reason, true, new_request_limits::text);
  if (!v.ok()) {
    return invalid(v.take());
  }
  auto intents = intents_for(intent_step::extend, intent_anchors::at_act(ctx.now), ctx.rules);
  std::vector<payload_field> payload{{"reason", cmd.reason}};
  if (!intents.empty() && intents.front().extra_days > 0) {
    payload.push_back({"extra_days", std::to_string(intents.front().extra_days), true});
  }
  auto ok = advance(request, request_state::extended, "extend", std::move(payload), std::move(intents));
  ok.request.extension = request_extension{cmd.reason, ctx.now};
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
  const auto at = parse_act_time(v, "responded_at", cmd.responded_at, request.received_at.utc,
                                 "diterimanya permohonan (received_at)", ctx.now);
  if (!v.ok()) {
    return invalid(v.take());
  }
  std::vector<payload_field> payload{{"decision", std::string{to_string(*decision)}},
                                     {"reasons", cmd.reasons},
                                     {"responded_at", rfc3339(*at)}};
  if (ctx.due.ppid_response) {
    const bool late = local_date(at->utc, ctx.respondent_offset_minutes) > *ctx.due.ppid_response;
    payload.push_back({"late", late ? "true" : "false", true});
  }
  auto ok = advance(request, request_state::answered, "respond", std::move(payload),
                    intents_for(intent_step::respond, intent_anchors::at_act(at->utc), ctx.rules));
  ok.request.response = request_response{*decision, cmd.reasons, *at};
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
  const auto at = parse_act_time(v, "received_at", cmd.received_at, not_before,
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
    return invalid(v.take());
  }
  std::sort(grounds.begin(), grounds.end());
  std::vector<std::string> ground_names;
  for (auto g : grounds) {
    ground_names.emplace_back(to_string(g));
  }
  const auto step = unanswered ? intent_step::file_objection_unanswered : intent_step::file_objection;
  auto ok = advance(request, request_state::objected, "file_objection",
                    {{"number", cmd.number},
                     {"grounds", json_string_array(ground_names), true},
                     {"reasons", cmd.reasons},
                     {"received_at", rfc3339(*at)},
                     {"basis", unanswered ? "not_answered" : "answered"}},
                    intents_for(step, intent_anchors::at_act(at->utc, ctx.due.ppid_response), ctx.rules));
  ok.request.objection = request_objection{cmd.number, grounds, cmd.reasons, *at};
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
  const auto at = parse_act_time(v, "answered_at", cmd.answered_at, not_before,
                                 "diterimanya keberatan (objection received_at)", ctx.now);
  if (!v.ok()) {
    return invalid(v.take());
  }
  auto ok = advance(request, request_state::objection_answered, "answer_objection",
                    {{"decision", std::string{to_string(*decision)}},
                     {"reasons", cmd.reasons},
                     {"answered_at", rfc3339(*at)}},
                    intents_for(intent_step::answer_objection, intent_anchors::at_act(at->utc), ctx.rules));
  ok.request.objection_answer = request_objection_answer{*decision, cmd.reasons, *at};
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
    return invalid(v.take());
  }
  auto ok = advance(request, request_state::closed, "close",
                    {{"reason", cmd.reason}, {"from_state", std::string{to_string(request.state)}}},
                    intents_for(intent_step::close, intent_anchors::at_act(ctx.now), ctx.rules));
  ok.request.closed = request_closure{cmd.reason, ctx.now};
  return ok;
}

transition_result mark_disputed(const information_request& request, const mark_disputed_command& cmd,
                                const transition_context& ctx) {
  if (!allows(request, request_action::mark_disputed, ctx.today, ctx.due)) {
    transition_error e = not_allowed(request, ctx);
    e.allowed_actions = state_allowed_actions(request, ctx.today, ctx.due, true);
    return e;
  }
  validation v;
  check_text(v, "dispute_id", cmd.dispute_id, true, new_request_limits::short_text);
  const instant at = cmd.submitted_at.value_or(ctx.now);
  if (at > ctx.now + allowed_clock_skew) {
    v.fail("submitted_at", "tidak boleh di masa depan / must not be in the future");
  } else if (at < request.received_at.utc) {
    v.fail("submitted_at", "tidak boleh sebelum diterimanya permohonan / must not be before received_at");
  }
  if (!v.ok()) {
    return invalid(v.take());
  }
  auto ok = advance(request, request_state::disputed, "mark_disputed",
                    {{"dispute_id", cmd.dispute_id}, {"from_state", std::string{to_string(request.state)}}},
                    intents_for(intent_step::mark_disputed, intent_anchors::at_act(at), ctx.rules));
  ok.request.dispute_id = cmd.dispute_id;
  return ok;
}

}  // namespace perkara::domain
