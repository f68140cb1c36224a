#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <fmt/format.h>
#include <soci/soci.h>
#include <boost/json.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <tuple>

namespace perkara::persistence::detail {
namespace {

// The deadline columns, in the order both reads below take them.
constexpr std::string_view deadline_columns =
    "id, case_type, case_id, period_key, organisation, ruleset, ruleset_version, start_at, days, unit, "
    "extension_days, due, met_on, stopped_on";

/// `r` completed with the columns that need converting.
domain::deadline_record clock_of(domain::deadline_record r, long long start_at, const std::string& unit,
                                 const std::string& due, const std::optional<std::string>& met_on,
                                 const std::optional<std::string>& stopped_on) {
  r.start_at = from_epoch_seconds(start_at);
  const auto u = domain::parse_period_unit(unit);
  if (!u) {
    throw std::runtime_error("corrupt unit '" + unit + "' in deadlines");
  }
  r.unit = *u;
  r.due = date_column(due, "deadlines.due");
  r.met_on.reset();
  if (met_on) {
    r.met_on = date_column(*met_on, "deadlines.met_on");
  }
  r.stopped_on.reset();
  if (stopped_on) {
    r.stopped_on = date_column(*stopped_on, "deadlines.stopped_on");
  }
  return r;
}

std::optional<std::string> optional_text(const boost::json::value& v) {
  return v.is_null() ? std::nullopt : std::optional<std::string>(v.as_string());
}

}  // namespace

std::string case_memo_key(std::string_view type, std::string_view id) { return fmt::format("{}/{}", type, id); }

std::vector<domain::deadline_record> select_deadlines(const db_context& ctx, const std::string& where,
                                                      const std::vector<std::string>& params) {
  domain::deadline_record r;
  std::string unit, due, met_on, stopped_on;
  long long start_at = 0;
  soci::indicator met_ind = soci::i_ok;
  soci::indicator stopped_ind = soci::i_ok;
  prepared p(ctx, fmt::format("SELECT {} FROM deadlines{}", deadline_columns, where));
  auto& st = p.statement();
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.case_type));
  st.exchange(soci::into(r.case_id));
  st.exchange(soci::into(r.key));
  st.exchange(soci::into(r.organisation));
  st.exchange(soci::into(r.ruleset));
  st.exchange(soci::into(r.ruleset_version));
  st.exchange(soci::into(start_at));
  st.exchange(soci::into(r.days));
  st.exchange(soci::into(unit));
  st.exchange(soci::into(r.extension_days));
  st.exchange(soci::into(due));
  st.exchange(soci::into(met_on, met_ind));
  st.exchange(soci::into(stopped_on, stopped_ind));
  for (const auto& param : params) {
    st.exchange(soci::use(param));
  }
  p.bound();
  st.execute();
  std::vector<domain::deadline_record> out;
  while (st.fetch()) {
    out.push_back(clock_of(r, start_at, unit, due, met_ind == soci::i_ok ? std::optional(met_on) : std::nullopt,
                           stopped_ind == soci::i_ok ? std::optional(stopped_on) : std::nullopt));
  }
  return out;
}

std::string clocks_json_column(backend kind, std::string_view case_type, std::string_view id_sql) {
  return fmt::format("(SELECT {}(json_array({})) FROM deadlines WHERE case_type = '{}' AND case_id = {})",
                     kind == backend::sqlite ? "json_group_array" : "JSON_ARRAYAGG", deadline_columns, case_type,
                     id_sql);
}

std::vector<domain::deadline_record> clocks_from_json(const std::string& json) {
  std::vector<domain::deadline_record> out;
  const auto rows = boost::json::parse(json);
  for (const auto& row : rows.as_array()) {
    const auto& c = row.as_array();
    domain::deadline_record r;
    r.id = c.at(0).as_string();
    r.case_type = c.at(1).as_string();
    r.case_id = c.at(2).as_string();
    r.key = c.at(3).as_string();
    r.organisation = c.at(4).as_string();
    r.ruleset = c.at(5).as_string();
    r.ruleset_version = c.at(6).to_number<int>();
    r.days = c.at(8).to_number<int>();
    r.extension_days = c.at(10).to_number<int>();
    out.push_back(clock_of(std::move(r), c.at(7).to_number<long long>(), std::string(c.at(9).as_string()),
                           std::string(c.at(11).as_string()), optional_text(c.at(12)), optional_text(c.at(13))));
  }
  // The order of for_case: ORDER BY due, id (ids compare bytewise on both backends).
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return std::tie(a.due, a.id) < std::tie(b.due, b.id); });
  return out;
}

std::string soci_deadline_repository::save(const domain::deadline_record& record) {
  return translated([&] {
    if (ctx_.memo != nullptr) {
      ctx_.memo->clocks.clear();
    }
    std::string id = record.id.empty() ? random_id() : record.id;
    const long long start_at = epoch_seconds(record.start_at);
    const std::string unit(domain::to_string(record.unit));
    const std::string due = domain::format_iso_date(record.due);
    const std::string met_on = record.met_on ? domain::format_iso_date(*record.met_on) : std::string();
    soci::indicator met_ind = record.met_on ? soci::i_ok : soci::i_null;
    const std::string stopped_on = record.stopped_on ? domain::format_iso_date(*record.stopped_on) : std::string();
    soci::indicator stopped_ind = record.stopped_on ? soci::i_ok : soci::i_null;
    const std::string insert =
        "INSERT INTO deadlines (id, case_type, case_id, period_key, organisation, ruleset, ruleset_version, start_at, "
        "days, unit, extension_days, due, met_on, stopped_on) VALUES (:id, :case_type, :case_id, :key, :org, "
        ":ruleset, :ruleset_version, :start_at, :days, :unit, :extension_days, :due, :met_on, :stopped_on)";
    const std::string update =
        ctx_.kind == backend::sqlite
            ? " ON CONFLICT (id) DO UPDATE SET case_type = excluded.case_type, case_id = excluded.case_id, period_key = "
              "excluded.period_key, organisation = excluded.organisation, ruleset = excluded.ruleset, ruleset_version = "
              "excluded.ruleset_version, start_at = excluded.start_at, days = excluded.days, unit = excluded.unit, "
              "extension_days = excluded.extension_days, due = excluded.due, met_on = excluded.met_on, "
              "stopped_on = excluded.stopped_on"
            : " ON DUPLICATE KEY UPDATE case_type = VALUES(case_type), case_id = VALUES(case_id), period_key = "
              "VALUES(period_key), organisation = VALUES(organisation), ruleset = VALUES(ruleset), ruleset_version = "
              "VALUES(ruleset_version), start_at = VALUES(start_at), days = VALUES(days), unit = VALUES(unit), "
              "extension_days = VALUES(extension_days), due = VALUES(due), met_on = VALUES(met_on), "
              "stopped_on = VALUES(stopped_on)";
    ctx_.sql << insert + update, soci::use(id), soci::use(record.case_type), soci::use(record.case_id),
        soci::use(record.key), soci::use(record.organisation), soci::use(record.ruleset),
        soci::use(record.ruleset_version), soci::use(start_at), soci::use(record.days), soci::use(unit),
        soci::use(record.extension_days), soci::use(due), soci::use(met_on, met_ind),
        soci::use(stopped_on, stopped_ind);
    return id;
  });
}

std::vector<domain::deadline_record> soci_deadline_repository::for_case(const std::string& case_type,
                                                                        const std::string& case_id) {
  return translated([&] {
    if (ctx_.memo != nullptr) {
      // Read with the case (transaction_memo), once.
      if (auto kept = ctx_.memo->clocks.extract(case_memo_key(case_type, case_id))) {
        return std::move(kept.mapped());
      }
    }
    return select_deadlines(ctx_, " WHERE case_type = :type AND case_id = :id ORDER BY due, id", {case_type, case_id});
  });
}

std::vector<domain::deadline_record> soci_deadline_repository::open_from(domain::civil_date from) {
  return translated([&] {
    return select_deadlines(ctx_, " WHERE met_on IS NULL AND stopped_on IS NULL AND due >= :from ORDER BY due, id",
                 {domain::format_iso_date(from)});
  });
}

}  // namespace perkara::persistence::detail
