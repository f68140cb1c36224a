#include "domain/requests/deadline_intents.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain {

constexpr enum_name<intent_step> intent_step_names[] = {
    {intent_step::create, "create"}, {intent_step::extend, "extend"}, {intent_step::respond, "respond"},
    {intent_step::response_deadline_passed, "response_deadline_passed"},
    {intent_step::file_objection, "file_objection"},
    {intent_step::file_objection_unanswered, "file_objection_unanswered"},
    {intent_step::answer_objection, "answer_objection"},
    {intent_step::atasan_deadline_passed, "atasan_deadline_passed"},
    {intent_step::response_delivered, "response_delivered"}, {intent_step::answer_delivered, "answer_delivered"},
    {intent_step::close, "close"}, {intent_step::mark_disputed, "mark_disputed"}};
std::string_view to_string(intent_step step) { return name_in(intent_step_names, step); }

namespace {

std::optional<std::variant<instant, civil_date>> anchor_of(anchor_from from, const intent_anchors& a) {
  switch (from) {
    case anchor_from::received_at:
      if (a.received_at) return *a.received_at;
      break;
    case anchor_from::act_time:
      if (a.act_time) return *a.act_time;
      break;
    case anchor_from::receipt_time:
      // Presumption when the receipt is not recorded: the applicant received the answer when it was
      // given (docs/deadlines.md §5 "Receipt facts").
      if (a.receipt_time) return *a.receipt_time;
      if (a.act_time) return *a.act_time;
      break;
    case anchor_from::day_after_response_due:
      if (a.response_due) return add_days(*a.response_due, 1);
      break;
    case anchor_from::day_after_atasan_due:
      if (a.atasan_due) return add_days(*a.atasan_due, 1);
      break;
  }
  return std::nullopt;
}

}  // namespace

std::vector<deadline_intent> intents_for(intent_step step, const intent_anchors& anchors, const ruleset* rules) {
  std::vector<deadline_intent> out;
  for (const auto& rule : intent_table) {
    if (rule.step != step) {
      continue;
    }
    const auto anchor = anchor_of(rule.anchor, anchors);
    if (!anchor) {
      continue;
    }
    deadline_intent intent;
    intent.key = std::string{rule.key};
    intent.op = rule.op;
    intent.at = *anchor;
    intent.period = std::string{rule.period};
    intent.source = std::string{rule.source};
    if (rule.op == deadline_op::extend && rules != nullptr) {
      if (const auto* p = rules->find(rule.period)) {
        intent.days = p->effective_value();
      }
    }
    out.push_back(std::move(intent));
  }
  return out;
}

std::vector<deadline_intent> timer_intents(const information_request& request, const request_due_dates& due,
                                           civil_date today) {
  const bool awaiting_response = request.state == request_state::received || request.state == request_state::extended;
  if (awaiting_response && due.ppid_response && today > *due.ppid_response) {
    return intents_for(intent_step::response_deadline_passed, intent_anchors::after_response_due(*due.ppid_response));
  }
  if (request.state == request_state::objected && due.atasan_response && today > *due.atasan_response) {
    return intents_for(intent_step::atasan_deadline_passed, intent_anchors::after_atasan_due(*due.atasan_response));
  }
  return {};
}

}  // namespace perkara::domain
