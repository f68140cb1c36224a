#include "api/requests/request_clocks.hpp"

#include "domain/reports/facts.hpp"

#include <variant>

namespace perkara::api {

domain::request_due_dates request_due_dates(const std::vector<domain::deadline_record>& records) {
  const auto pick = [&](std::string_view key) -> std::optional<domain::civil_date> {
    const domain::deadline_record* best = nullptr;
    const auto rank = [](const domain::deadline_record& r) { return r.open() ? 2 : r.met_on ? 1 : 0; };
    for (const auto& r : records) {
      if (r.key != key) {
        continue;
      }
      if (!best || rank(r) > rank(*best) || (rank(r) == rank(*best) && r.start_at >= best->start_at)) {
        best = &r;
      }
    }
    return best ? std::optional<domain::civil_date>(best->due) : std::nullopt;
  };
  return {pick("ppid_response"), pick("objection_filing"), pick("atasan_response"), pick("dispute_filing")};
}

void refresh_clock_columns(ports::stored_request& s, const clock_book& book) {
  s.next_due = book.next_due();
  const auto w = domain::awaiting(s.request, request_due_dates(book.records()));
  s.awaiting_party = w.party;
  s.awaiting_due = w.due;
  s.response_due = domain::reports::report_due(book.records(), domain::reports::response_clock);
}

void apply_request_intents(clock_book& book, const domain::information_request& r, const domain::ruleset& rules,
                           int offset_minutes, const std::vector<domain::deadline_intent>& intents) {
  for (const auto& intent : intents) {
    // A date anchor (a silence: day 0 is the day after a due date) counts from that local midnight.
    const auto at = std::holds_alternative<domain::instant>(intent.anchor)
                        ? std::get<domain::instant>(intent.anchor)
                        : domain::start_of_local_day(std::get<domain::civil_date>(intent.anchor), offset_minutes);
    const auto on = domain::local_date(at, offset_minutes);
    switch (intent.op) {
      case domain::deadline_op::start:
        book.start(intent.key, r.respondent, rules, at);
        break;
      case domain::deadline_op::extend: {
        int days = intent.extra_days;
        if (days == 0) {
          if (const auto* p = rules.find(intent.period)) {
            days = p->effective_value().value_or(0);
          }
        }
        book.extend(intent.key, days);
        break;
      }
      case domain::deadline_op::meet:
        book.meet(intent.key, on);
        break;
      case domain::deadline_op::stop:
        book.stop(intent.key, on);
        break;
    }
  }
}

}  // namespace perkara::api
