#include "persistence/detail/session_setup.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

#include <stdexcept>

namespace perkara::persistence::detail {
namespace {

constexpr const char* select_columns =
    "SELECT name, version, effective_from, title, source, after_hours_next_working_day, cuti_bersama_is_holiday "
    "FROM rulesets r";

std::vector<domain::ruleset> query_headers(soci::session& sql, const std::string& where,
                                           const std::vector<std::string>& params, const int* version) {
  std::string name, effective, title, source;
  int v = 0, after_hours = 0, cuti = 0;
  soci::statement st(sql);
  st.exchange(soci::into(name));
  st.exchange(soci::into(v));
  st.exchange(soci::into(effective));
  st.exchange(soci::into(title));
  st.exchange(soci::into(source));
  st.exchange(soci::into(after_hours));
  st.exchange(soci::into(cuti));
  for (const auto& p : params) {
    st.exchange(soci::use(p));
  }
  if (version != nullptr) {
    st.exchange(soci::use(*version));
  }
  st.alloc();
  st.prepare(std::string(select_columns) + where);
  st.define_and_bind();
  st.execute();
  std::vector<domain::ruleset> out;
  while (st.fetch()) {
    domain::ruleset r;
    r.name = name;
    r.version = v;
    r.effective_from = date_column(effective, "rulesets.effective_from");
    r.title = title;
    r.source = source;
    r.counting.after_hours_next_working_day = after_hours != 0;
    r.counting.cuti_bersama_is_holiday = cuti != 0;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

void soci_ruleset_repository::load_periods(domain::ruleset& ruleset) {
  std::string key, unit, start_event, source, confidence, note;
  int value = 0, fallback = 0, remind_days = 1;
  soci::indicator value_ind = soci::i_ok, fallback_ind = soci::i_ok;
  soci::statement st = (ctx_.sql.prepare << "SELECT period_key, value, fallback, unit, start_event, source, confidence, "
                                            "note, remind_days FROM ruleset_periods WHERE ruleset = :name AND version = "
                                            ":version ORDER BY position",
                        soci::into(key), soci::into(value, value_ind), soci::into(fallback, fallback_ind),
                        soci::into(unit), soci::into(start_event), soci::into(source), soci::into(confidence),
                        soci::into(note), soci::into(remind_days), soci::use(ruleset.name), soci::use(ruleset.version));
  st.execute();
  ruleset.periods.clear();
  while (st.fetch()) {
    domain::period p;
    p.key = key;
    if (value_ind == soci::i_ok) {
      p.value = value;
    }
    if (fallback_ind == soci::i_ok) {
      p.fallback = fallback;
    }
    const auto u = domain::parse_period_unit(unit);
    const auto c = domain::parse_confidence(confidence);
    if (!u || !c) {
      throw std::runtime_error("corrupt unit or confidence in ruleset_periods for " + ruleset.name);
    }
    p.unit = *u;
    p.confidence_level = *c;
    p.start_event = start_event;
    p.source = source;
    p.note = note;
    p.remind_days = remind_days;
    ruleset.periods.push_back(std::move(p));
  }
}

std::vector<domain::ruleset> soci_ruleset_repository::list_latest() {
  return translated([&] {
    auto out = query_headers(ctx_.sql,
                             " WHERE r.version = (SELECT MAX(r2.version) FROM rulesets r2 WHERE r2.name = r.name) "
                             "ORDER BY r.name",
                             {}, nullptr);
    for (auto& r : out) {
      load_periods(r);
    }
    return out;
  });
}

std::vector<domain::ruleset> soci_ruleset_repository::versions(const std::string& name) {
  return translated([&] {
    auto out = query_headers(ctx_.sql, " WHERE r.name = :name ORDER BY r.version", {name}, nullptr);
    for (auto& r : out) {
      load_periods(r);
    }
    return out;
  });
}

std::optional<domain::ruleset> soci_ruleset_repository::in_force(const std::string& name, domain::civil_date date) {
  return translated([&]() -> std::optional<domain::ruleset> {
    // Highest effective_from on or before the date; the higher version breaks a tie.
    return first_complete(query_headers(ctx_.sql,
                                        " WHERE r.name = :name AND r.effective_from <= :d "
                                        "ORDER BY r.effective_from DESC, r.version DESC",
                                        {name, domain::format_iso_date(date)}, nullptr));
  });
}

std::optional<domain::ruleset> soci_ruleset_repository::find(const std::string& name, int version) {
  if (ctx_.rulesets != nullptr) {
    if (auto kept = ctx_.rulesets->find(name, version)) {
      return kept;
    }
  }
  return translated([&]() -> std::optional<domain::ruleset> {
    return first_complete(query_headers(ctx_.sql, " WHERE r.name = :name AND r.version = :version", {name}, &version));
  });
}

std::optional<domain::ruleset> soci_ruleset_repository::first_complete(std::vector<domain::ruleset> headers) {
  if (headers.empty()) {
    return std::nullopt;
  }
  auto& ruleset = headers.front();
  if (ctx_.rulesets != nullptr) {
    if (auto kept = ctx_.rulesets->find(ruleset.name, ruleset.version)) {
      ruleset.periods = std::move(kept->periods);
      return std::move(ruleset);
    }
  }
  load_periods(ruleset);
  if (ctx_.rulesets != nullptr && !inserted_) {
    ctx_.rulesets->keep(ruleset);
  }
  return std::move(ruleset);
}

std::optional<domain::ruleset> ruleset_cache::find(const std::string& name, int version) const {
  std::lock_guard lock{mutex_};
  const auto it = kept_.find({name, version});
  if (it == kept_.end()) {
    return std::nullopt;
  }
  return it->second;
}

void ruleset_cache::keep(const domain::ruleset& ruleset) {
  std::lock_guard lock{mutex_};
  kept_.try_emplace({ruleset.name, ruleset.version}, ruleset);
}

void soci_ruleset_repository::insert(const domain::ruleset& ruleset) {
  inserted_ = true;
  translated([&] {
    const std::string effective = domain::format_iso_date(ruleset.effective_from);
    const int after_hours = ruleset.counting.after_hours_next_working_day ? 1 : 0;
    const int cuti = ruleset.counting.cuti_bersama_is_holiday ? 1 : 0;
    ctx_.sql << "INSERT INTO rulesets (name, version, effective_from, title, source, after_hours_next_working_day, "
                "cuti_bersama_is_holiday) VALUES (:name, :version, :effective, :title, :source, :after_hours, :cuti)",
        soci::use(ruleset.name), soci::use(ruleset.version), soci::use(effective), soci::use(ruleset.title),
        soci::use(ruleset.source), soci::use(after_hours), soci::use(cuti);
    int position = 0;
    for (const auto& p : ruleset.periods) {
      const int value = p.value.value_or(0);
      const int fallback = p.fallback.value_or(0);
      soci::indicator value_ind = p.value ? soci::i_ok : soci::i_null;
      soci::indicator fallback_ind = p.fallback ? soci::i_ok : soci::i_null;
      const std::string unit(domain::to_string(p.unit));
      const std::string confidence(domain::to_string(p.confidence_level));
      ctx_.sql << "INSERT INTO ruleset_periods (ruleset, version, position, period_key, value, fallback, unit, "
                  "start_event, source, confidence, note, remind_days) VALUES (:name, :version, :position, :key, :value, "
                  ":fallback, :unit, :start_event, :source, :confidence, :note, :remind_days)",
          soci::use(ruleset.name), soci::use(ruleset.version), soci::use(position), soci::use(p.key),
          soci::use(value, value_ind), soci::use(fallback, fallback_ind), soci::use(unit), soci::use(p.start_event),
          soci::use(p.source), soci::use(confidence), soci::use(p.note), soci::use(p.remind_days);
      ++position;
    }
  });
}

}  // namespace perkara::persistence::detail
