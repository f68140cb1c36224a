#include "domain/deadline/compute.hpp"

#include <fmt/format.h>

#include <utility>

namespace perkara::domain {
namespace {

skipped_day skipped_of(civil_date date, const closure& c) {
  return {date, c.reason, c.name_id, c.name_en};
}

// Validates the inputs shared by both entry points.
void check_common(validation& v, const office_hours& hours, int utc_offset_minutes, const deadline_query& query) {
  if (query.extension_days < 0 || query.extension_days > max_period_days) {
    v.fail("extension_days", fmt::format("harus antara 0 dan {} (must be between 0 and {})", max_period_days,
                                         max_period_days));
  }
  const bool offset_ok = utc_offset_minutes >= -max_utc_offset_minutes && utc_offset_minutes <= max_utc_offset_minutes;
  if (!offset_ok) {
    v.fail("utc_offset", "selisih UTC di luar -14:00..+14:00 (UTC offset outside -14:00..+14:00)");
  }
  if (hours.open_minute < 0 || hours.close_minute > 24 * 60 || hours.open_minute >= hours.close_minute) {
    v.fail("office_hours", "jam kantor tidak sah (office hours must satisfy 0 <= open < close <= 24:00)");
  }
  if (!query.received_at && !query.from) {
    v.fail("from", "wajib diisi: from atau received_at (from or received_at is required)");
  } else if (query.from && !query.from->ok()) {
    v.fail("from", "tanggal tidak sah (invalid date)");
  } else if (query.received_at && query.from && offset_ok &&
             local_date(*query.received_at, utc_offset_minutes) != *query.from) {
    v.fail("from", "tidak sama dengan tanggal lokal received_at (differs from the local date of received_at)");
  }
}

// Fills day 0, due and the skipped days; `e` already carries the period fields.
void count(deadline_explanation& e, const working_calendar& calendar, const office_hours& hours,
           int utc_offset_minutes, const counting_rules& counting, const deadline_query& query) {
  const deemed_receipt r = query.received_at
                               ? deem_received(calendar, hours, utc_offset_minutes, counting, *query.received_at)
                               : deem_received(calendar, *query.from);
  e.received_at = query.received_at;
  e.utc_offset_minutes = utc_offset_minutes;
  e.receipt_date = r.receipt_date;
  e.deemed_received = r.deemed_received;
  e.deemed_why = r.why;
  if (r.why == deemed_reason::non_working_day) {
    if (const auto c = calendar.non_working_reason(r.receipt_date)) {
      e.receipt_closure = skipped_of(r.receipt_date, *c);
    }
  }
  e.due = due_date(calendar, r.deemed_received, e.total_days, e.unit);

  // Day numbers from here on (one conversion each).
  const auto day0 = to_days(r.deemed_received);
  const auto due = to_days(e.due);
  // First day that was not counted: every non-working day for working days; for calendar days only the
  // roll-forward from day N (the days in between were counted as calendar days).
  auto scan_from = day0 + std::chrono::days{1};
  if (e.unit == period_unit::calendar_days) {
    const auto day_n = day0 + std::chrono::days{e.total_days};
    if (day_n != due) {
      const civil_date n = from_days(day_n);
      if (const auto c = calendar.non_working_reason(n)) {
        e.rolled_from = skipped_of(n, *c);
      }
    }
    scan_from = day_n;
  }
  e.skipped_listed = query.list_skipped;
  if (!query.list_skipped || scan_from >= due) {
    return;
  }
  // The uncounted days in [scan_from, due): for working days all but the N counted ones (due itself is
  // working); for calendar days all of them (due is the first working day on or after day N).
  const auto span = (due - scan_from).count();
  const auto uncounted = e.unit == period_unit::working_days ? span + 1 - e.total_days : span;
  if (uncounted <= 0) {
    return;
  }
  e.skipped.reserve(static_cast<std::size_t>(uncounted));
  calendar.for_each_non_working(scan_from, due, [&e](civil_date d, const closure& c) {
    e.skipped.push_back(skipped_of(d, c));
  });
}

// The explanation is built inside the result, so returning it moves nothing.
deadline_result explain(const working_calendar& calendar, const office_hours& hours, int utc_offset_minutes,
                        const ruleset& rules, const period& p, const deadline_query& query) {
  deadline_result result{std::in_place_type<deadline_explanation>};
  auto& e = std::get<deadline_explanation>(result);
  e.ruleset = rules.name;
  e.ruleset_version = rules.version;
  e.period_key = p.key;
  e.start_event = p.start_event;
  e.legal_source = p.source;
  e.confidence_level = p.confidence_level;
  // A period whose statutory value is unknown runs on its fallback and says so (docs/legal-sources.md §0, §7).
  e.origin = p.value ? value_origin::statutory : value_origin::fallback;
  e.unit = p.unit;
  e.days = *p.effective_value();
  e.extension_days = query.extension_days;
  e.total_days = e.days + e.extension_days;
  count(e, calendar, hours, utc_offset_minutes, rules.counting, query);
  return result;
}

deadline_result explain(const working_calendar& calendar, const office_hours& hours, int utc_offset_minutes,
                        const counting_rules& counting, int days, period_unit unit, const deadline_query& query) {
  deadline_result result{std::in_place_type<deadline_explanation>};
  auto& e = std::get<deadline_explanation>(result);
  e.origin = value_origin::caller;
  e.unit = unit;
  e.days = days;
  e.extension_days = query.extension_days;
  e.total_days = days + query.extension_days;
  count(e, calendar, hours, utc_offset_minutes, counting, query);
  return result;
}

}  // namespace

deemed_receipt deem_received(const working_calendar& calendar, const office_hours& hours, int utc_offset_minutes,
                             const counting_rules& counting, instant received_at) {
  const civil_date receipt = local_date(received_at, utc_offset_minutes);
  if (!calendar.is_working_day(receipt)) {
    return {receipt, calendar.next_working_day(receipt), deemed_reason::non_working_day};
  }
  // A receipt at or after closing time counts from the next working day (docs/deadlines.md §1, rule 2; KPU e-PPID, docs/legal-sources.md [S21e]).
  if (counting.after_hours_next_working_day && local_minute_of_day(received_at, utc_offset_minutes) >= hours.close_minute) {
    return {receipt, calendar.next_working_day(receipt), deemed_reason::after_office_hours};
  }
  return {receipt, receipt, deemed_reason::on_time};
}

deemed_receipt deem_received(const working_calendar& calendar, civil_date from) {
  if (!calendar.is_working_day(from)) {
    return {from, calendar.next_working_day(from), deemed_reason::non_working_day};
  }
  return {from, from, deemed_reason::on_time};
}

civil_date due_date(const working_calendar& calendar, civil_date deemed_received, int days, period_unit unit) {
  if (unit == period_unit::working_days) {
    return calendar.add_working_days(deemed_received, days);
  }
  // Calendar days; a due on a non-working day moves to the next working day (docs/legal-sources.md §5, [UNVERIFIED]).
  return calendar.working_day_on_or_after(add_days(deemed_received, days));
}

deadline_result compute_deadline(const working_calendar& calendar, const office_hours& hours, int utc_offset_minutes,
                                 const ruleset& rules, std::string_view period_key, const deadline_query& query) {
  validation v;
  const period* p = rules.find(period_key);
  if (!p) {
    v.fail("period", fmt::format("periode '{}' tidak ada di {} v{} (unknown period)", period_key, rules.name,
                                 rules.version));
  } else if (!p->effective_value()) {
    v.fail("period", fmt::format("periode '{}' tanpa nilai maupun cadangan (no value and no fallback)", period_key));
  } else if (*p->effective_value() < 0 || *p->effective_value() > max_period_days) {
    v.fail("period", fmt::format("nilai periode '{}' di luar 0..{} (value out of range)", period_key, max_period_days));
  }
  check_common(v, hours, utc_offset_minutes, query);
  if (!v.ok()) {
    return v.take();
  }
  return explain(calendar, hours, utc_offset_minutes, rules, *p, query);
}

deadline_result compute_deadline(const working_calendar& calendar, const office_hours& hours, int utc_offset_minutes,
                                 const counting_rules& counting, int days, period_unit unit,
                                 const deadline_query& query) {
  validation v;
  if (days < 0 || days > max_period_days) {
    v.fail("days", fmt::format("harus antara 0 dan {} (must be between 0 and {})", max_period_days, max_period_days));
  }
  check_common(v, hours, utc_offset_minutes, query);
  if (!v.ok()) {
    return v.take();
  }
  return explain(calendar, hours, utc_offset_minutes, counting, days, unit, query);
}

}  // namespace perkara::domain
