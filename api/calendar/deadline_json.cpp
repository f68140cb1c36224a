#include "api/calendar/deadline_json.hpp"

#include "api/json/json_output.hpp"

#include <boost/json/array.hpp>

namespace perkara::api {

boost::json::object skipped_day_to_json(const domain::skipped_day& day) {
  // Objects are sized up front: growing one key at a time rehashes (most of the cost of a deadline's JSON).
  boost::json::object o(4);
  o.emplace("date", domain::format_iso_date(day.date));
  o.emplace("reason", domain::to_string(day.reason));
  if (!day.name_id.empty()) {
    o["name"] = day.name_id;
    o["name_en"] = day.name_en;
  }
  return o;
}

boost::json::object explanation_to_json(const domain::deadline_explanation& e) {
  boost::json::object o(22);
  if (e.origin != domain::value_origin::caller) {
    o["ruleset"] = e.ruleset;
    o["ruleset_version"] = e.ruleset_version;
    o["period"] = e.period_key;
    o["start_event"] = e.start_event;
    o["legal_source"] = e.legal_source;
    o["confidence"] = e.confidence_level ? boost::json::value(domain::to_string(*e.confidence_level))
                                         : boost::json::value(nullptr);
  }
  o["value_origin"] = domain::to_string(e.origin);
  if (e.origin == domain::value_origin::fallback) {
    o["note"] =
        "Nilai menurut peraturan belum diketahui; dipakai nilai cadangan yang dapat diubah admin KI. / "
        "The statutory value is unknown; a fallback that a KI admin can change is used.";
  }
  o["unit"] = domain::to_string(e.unit);
  o["days"] = e.days;
  o["extension_days"] = e.extension_days;
  o["total_days"] = e.total_days;
  if (e.received_at) {
    o["received_at"] = domain::format_rfc3339(*e.received_at, e.utc_offset_minutes);
  }
  o["receipt_date"] = domain::format_iso_date(e.receipt_date);
  o["deemed_received"] = domain::format_iso_date(e.deemed_received);
  o["deemed_reason"] = domain::to_string(e.deemed_why);
  if (e.receipt_closure) {
    o["receipt_closure"] = skipped_day_to_json(*e.receipt_closure);
  }
  o["due"] = domain::format_iso_date(e.due);
  if (e.rolled_from) {
    o["rolled_from"] = skipped_day_to_json(*e.rolled_from);
  }
  boost::json::array skipped;
  skipped.reserve(e.skipped.size());
  for (const auto& day : e.skipped) {
    skipped.push_back(skipped_day_to_json(day));
  }
  o["skipped"] = std::move(skipped);
  return o;
}

boost::json::object deadline_to_json(const domain::deadline_record& record, const domain::deadline_status& status,
                                     const domain::deadline_explanation& explanation) {
  return {{"key", record.key},
          {"due", domain::format_iso_date(record.due)},
          {"status", domain::to_string(status.status)},
          {"met_on", record.met_on ? boost::json::value(domain::format_iso_date(*record.met_on))
                                   : boost::json::value(nullptr)},
          {"days_remaining",
           status.days_remaining ? boost::json::value(*status.days_remaining) : boost::json::value(nullptr)},
          {"explanation", explanation_to_json(explanation)}};
}

}  // namespace perkara::api
