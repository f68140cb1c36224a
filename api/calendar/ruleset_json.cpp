#include "api/calendar/ruleset_json.hpp"

#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"

#include <boost/json/array.hpp>
#include <fmt/format.h>

#include <set>

namespace perkara::api {

boost::json::object holiday_to_json(const domain::holiday& h) {
  return {{"date", domain::format_iso_date(h.date)},
          {"kind", domain::to_string(h.kind)},
          {"name", h.name_id},
          {"name_en", h.name_en},
          {"source", h.source},
          {"organisation", optional_string(h.organisation)},
          {"scope", domain::to_string(domain::scope_of(h))},
          {"region_code", h.region_code.empty() ? boost::json::value(nullptr) : boost::json::value(h.region_code)}};
}

boost::json::object holiday_to_json(const domain::holiday& h, const std::string& region_name) {
  auto out = holiday_to_json(h);
  out["region_name"] = region_name.empty() ? boost::json::value(nullptr) : boost::json::value(region_name);
  return out;
}

boost::json::object period_to_json(const domain::period& p) {
  const auto optional_int = [](std::optional<int> v) { return v ? boost::json::value(*v) : boost::json::value(nullptr); };
  return {{"key", p.key},
          {"value", optional_int(p.value)},
          {"fallback", optional_int(p.fallback)},
          {"effective_value", optional_int(p.effective_value())},
          {"unit", domain::to_string(p.unit)},
          {"start_event", p.start_event},
          {"source", p.source},
          {"confidence", domain::to_string(p.confidence_level)},
          {"note", p.note},
          {"remind_days", p.remind_days}};
}

boost::json::object ruleset_to_json(const domain::ruleset& rs) {
  boost::json::array periods;
  for (const auto& p : rs.periods) {
    periods.push_back(period_to_json(p));
  }
  return {{"name", rs.name},
          {"version", rs.version},
          {"effective_from", domain::format_iso_date(rs.effective_from)},
          {"title", rs.title},
          {"source", rs.source},
          {"counting",
           {{"after_hours_next_working_day", rs.counting.after_hours_next_working_day},
            {"cuti_bersama_is_holiday", rs.counting.cuti_bersama_is_holiday}}},
          {"periods", std::move(periods)}};
}

void parse_ruleset_version(const boost::json::object& body, const domain::ruleset& previous, domain::ruleset& out,
                           domain::validation& v) {
  json_reader in{body, v};
  if (const auto from = in.date("effective_from", true)) {
    out.effective_from = *from;
  }
  out.title = in.string("title", false, 500).value_or(previous.title);
  out.source = in.string("source", false, 500).value_or(previous.source);
  out.counting = previous.counting;
  if (const auto* counting = in.object("counting", false)) {
    json_reader c{*counting, v, "counting"};
    out.counting.after_hours_next_working_day =
        c.boolean("after_hours_next_working_day", false).value_or(previous.counting.after_hours_next_working_day);
    out.counting.cuti_bersama_is_holiday =
        c.boolean("cuti_bersama_is_holiday", false).value_or(previous.counting.cuti_bersama_is_holiday);
  }
  const auto* periods = body.if_contains("periods");
  if (!periods || !periods->is_array() || periods->as_array().empty()) {
    v.fail("periods", "wajib berisi minimal satu periode / must list at least one period");
    return;
  }
  std::set<std::string> keys;
  std::size_t index = 0;
  for (const auto& item : periods->as_array()) {
    const auto prefix = fmt::format("periods[{}]", index++);
    if (!item.is_object()) {
      v.fail(prefix, "harus objek / must be an object");
      continue;
    }
    json_reader p{item.as_object(), v, prefix};
    domain::period period;
    period.key = p.string("key", true, 64).value_or("");
    if (!period.key.empty() && !keys.insert(period.key).second) {
      v.fail(p.path("key"), "kunci ganda / duplicate key");
    }
    if (const auto value = p.integer("value", false, 0, 1000)) {
      period.value = static_cast<int>(*value);
    }
    if (const auto fallback = p.integer("fallback", false, 0, 1000)) {
      period.fallback = static_cast<int>(*fallback);
    }
    if (!period.value && !period.fallback && !p.has("value") && !p.has("fallback")) {
      v.fail(p.path("value"), "isi value atau fallback / give value or fallback");
    }
    const auto unit = p.string("unit", true, 32);
    if (unit) {
      if (const auto u = domain::parse_period_unit(*unit)) {
        period.unit = *u;
      } else {
        v.fail(p.path("unit"), "harus working_days atau calendar_days / must be working_days or calendar_days");
      }
    }
    period.start_event = p.string("start_event", true, 100).value_or("");
    period.source = p.string("source", false, 500).value_or("");
    const auto conf = p.string("confidence", true, 32);
    if (conf) {
      if (const auto c = domain::parse_confidence(*conf)) {
        period.confidence_level = *c;
      } else {
        v.fail(p.path("confidence"), "harus verified, secondary atau unverified / must be verified, secondary or unverified");
      }
    }
    period.note = p.string("note", false, 1000).value_or("");
    // Left out: the previous version's lead for this period, else 1 (docs/deadlines.md "Reminders").
    const auto* before = previous.find(period.key);
    period.remind_days = static_cast<int>(p.integer("remind_days", false, 0, 100).value_or(before ? before->remind_days : 1));
    out.periods.push_back(std::move(period));
  }
  for (const auto& old : previous.periods) {
    if (!keys.contains(old.key)) {
      v.fail("periods", fmt::format("periode {} tidak boleh dihapus / period {} must stay", old.key, old.key));
    }
  }
}

}  // namespace perkara::api
