#include "api/requests/request_clocks.hpp"

#include "domain/reports/facts.hpp"

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

}  // namespace perkara::api
