#include "api/calendar/calendar_service.hpp"

#include "domain/deadline/recompute.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace perkara::api {

namespace {

bool same_holidays(const std::vector<domain::holiday>& a, const std::vector<domain::holiday>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const domain::holiday& x, const domain::holiday& y) {
    return x.date == y.date && x.kind == y.kind && x.name_id == y.name_id && x.name_en == y.name_en &&
           x.organisation == y.organisation && x.region_code == y.region_code;
  });
}

std::uint64_t fingerprint(const std::vector<domain::holiday>& holidays, bool cuti_bersama_is_holiday) {
  // FNV-1a over the fields that shape the calendar; a hit is confirmed field by field.
  std::uint64_t h = cuti_bersama_is_holiday ? 0x9e3779b97f4a7c15ULL : 14695981039346656037ULL;
  const auto mix = [&h](std::string_view bytes) {
    for (const char c : bytes) {
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    h = (h ^ 0xff) * 1099511628211ULL;
  };
  for (const auto& x : holidays) {
    mix(domain::format_iso_date(x.date));
    mix(domain::to_string(x.kind));
    mix(x.name_id);
    mix(x.name_en);
    mix(x.organisation.value_or(""));
    mix(x.region_code);
  }
  return h;
}

struct cached_calendar {
  std::vector<domain::holiday> holidays;
  bool cuti_bersama_is_holiday = true;
  std::shared_ptr<const domain::working_calendar> calendar;
};

}  // namespace

std::shared_ptr<const domain::working_calendar> calendar_for(ports::transaction& tx, const std::string& organisation,
                                                             const domain::counting_rules& rules) {
  static std::mutex mutex;
  // Calendars by (holiday revision, organisation, cuti bersama flag): one single-row read per
  // transaction instead of the ~220 holiday rows, as long as nobody changed a holiday.
  static std::unordered_map<std::string, std::shared_ptr<const domain::working_calendar>> by_revision;
  // The same index shared between organisations and revisions with equal holidays.
  static std::unordered_map<std::uint64_t, cached_calendar> by_content;
  constexpr std::size_t max_entries = 4096;  // organisations x calendars in use

  const auto revision = tx.holidays().revision();
  std::string revision_key;
  if (!revision.empty()) {
    revision_key = revision + '\n' + organisation + (rules.cuti_bersama_is_holiday ? "\n1" : "\n0");
    std::lock_guard lock{mutex};
    if (const auto it = by_revision.find(revision_key); it != by_revision.end()) {
      return it->second;
    }
  }

  auto holidays = tx.holidays().list_for(organisation);
  const auto key = fingerprint(holidays, rules.cuti_bersama_is_holiday);
  std::shared_ptr<const domain::working_calendar> calendar;
  {
    std::lock_guard lock{mutex};
    const auto it = by_content.find(key);
    if (it != by_content.end() && it->second.cuti_bersama_is_holiday == rules.cuti_bersama_is_holiday &&
        same_holidays(it->second.holidays, holidays)) {
      calendar = it->second.calendar;
    }
  }
  if (!calendar) {
    calendar = std::make_shared<const domain::working_calendar>(holidays, rules);
  }
  std::lock_guard lock{mutex};
  if (by_content.size() >= max_entries) {
    by_content.clear();
  }
  if (by_revision.size() >= max_entries) {
    by_revision.clear();
  }
  by_content.try_emplace(key, cached_calendar{std::move(holidays), rules.cuti_bersama_is_holiday, calendar});
  if (!revision_key.empty()) {
    by_revision[revision_key] = calendar;
  }
  return calendar;
}

const domain::organisation& clock_context::organisation(const std::string& code) {
  auto it = organisations_.find(code);
  if (it == organisations_.end()) {
    auto org = tx_.organisations().find(code);
    if (!org) {
      throw std::runtime_error("clock refers to an unknown organisation");
    }
    it = organisations_.emplace(code, std::move(*org)).first;
  }
  return it->second;
}

const domain::ruleset& clock_context::ruleset(const std::string& name, int version) {
  const auto key = std::make_pair(name, version);
  auto it = rulesets_.find(key);
  if (it == rulesets_.end()) {
    auto rs = tx_.rulesets().find(name, version);
    if (!rs) {
      throw std::runtime_error("clock refers to an unknown rule set version");
    }
    it = rulesets_.emplace(key, std::move(*rs)).first;
  }
  return it->second;
}

const domain::working_calendar& clock_context::calendar(const std::string& organisation,
                                                        const domain::counting_rules& rules) {
  const auto key = std::make_pair(organisation, rules.cuti_bersama_is_holiday);
  auto it = calendars_.find(key);
  if (it == calendars_.end()) {
    it = calendars_.emplace(key, calendar_for(tx_, organisation, rules)).first;
  }
  return *it->second;
}

domain::deadline_explanation clock_context::explain(const domain::deadline_record& record) {
  const auto& org = organisation(record.organisation);
  const auto& rules = ruleset(record.ruleset, record.ruleset_version);
  const auto& cal = calendar(record.organisation, rules.counting);
  domain::deadline_query query;
  query.received_at = record.start_at;
  query.extension_days = record.extension_days;
  // Keys such as "court_objection:respondent" count their base period ("court_objection").
  const auto colon = record.key.find(':');
  const auto base_key = colon == std::string::npos ? record.key : record.key.substr(0, colon);
  auto result = rules.find(base_key)
                    ? domain::compute_deadline(cal, org.hours, org.utc_offset_minutes, rules, base_key, query)
                    // A clock of a fixed length that no rule-set period names (e.g. a compliance period set
                    // by the decision's order) is explained as a plain count.
                    : domain::compute_deadline(cal, org.hours, org.utc_offset_minutes, rules.counting,
                                               record.days - record.extension_days, record.unit, query);
  auto* e = std::get_if<domain::deadline_explanation>(&result);
  if (!e) {
    throw std::runtime_error("stored clock cannot be explained");
  }
  e->period_key = record.key;
  return std::move(*e);
}

domain::deadline_record clock_context::start_clock(std::string case_type, std::string case_id,
                                                   const std::string& organisation, const domain::ruleset& rules,
                                                   const std::string& period_key, domain::instant start,
                                                   int extension_days) {
  // Keys such as "court_objection:respondent" count their base period ("court_objection").
  const auto base_key = period_key.substr(0, period_key.find(':'));
  const auto* period = rules.find(base_key);
  if (!period || !period->effective_value()) {
    throw std::runtime_error("rule set has no usable period " + base_key);
  }
  auto record = start_fixed_clock(std::move(case_type), std::move(case_id), organisation, rules, period_key, start,
                                  *period->effective_value() + extension_days, period->unit);
  record.extension_days = extension_days;
  return record;
}

domain::deadline_record clock_context::start_fixed_clock(std::string case_type, std::string case_id,
                                                         const std::string& organisation, const domain::ruleset& rules,
                                                         const std::string& key, domain::instant start, int days,
                                                         domain::period_unit unit) {
  const auto& org = this->organisation(organisation);
  const auto& cal = calendar(organisation, rules.counting);
  const auto deemed = domain::deem_received(cal, org.hours, org.utc_offset_minutes, rules.counting, start);
  domain::deadline_record record;
  record.case_type = std::move(case_type);
  record.case_id = std::move(case_id);
  record.key = key;
  record.organisation = organisation;
  record.ruleset = rules.name;
  record.ruleset_version = rules.version;
  record.start_at = start;
  record.days = days;
  record.unit = unit;
  record.due = domain::due_date(cal, deemed.deemed_received, days, unit);
  return record;
}

std::vector<deadline_move> recalculate_open_deadlines(ports::transaction& tx, const domain::holiday& changed,
                                                      const std::string& actor, domain::instant now,
                                                      const std::string& why, bool apply) {
  clock_context clocks{tx};
  std::vector<deadline_move> moves;
  for (auto record : tx.deadlines().open_from(changed.date)) {
    const auto& org = clocks.organisation(record.organisation);
    if (!domain::applies_to(changed, org.code, org.region_code)) {
      continue;  // outside the holiday's region: that calendar did not change
    }
    const auto& rules = clocks.ruleset(record.ruleset, record.ruleset_version);
    const auto& cal = clocks.calendar(record.organisation, rules.counting);
    const auto new_due = domain::recompute_due(record, cal, org.hours, org.utc_offset_minutes, rules.counting);
    if (!new_due) {
      continue;
    }
    moves.push_back({record, *new_due});
    if (!apply) {
      continue;
    }
    const auto old_due = record.due;
    record.due = *new_due;
    tx.deadlines().save(record);
    const boost::json::object payload{{"key", record.key},
                                      {"from", domain::format_iso_date(old_due)},
                                      {"to", domain::format_iso_date(*new_due)},
                                      {"reason", why}};
    tx.events().append(domain::case_event{record.case_type, record.case_id, 0, actor, now, "deadline_moved",
                                          boost::json::serialize(payload)});
  }
  return moves;
}

}  // namespace perkara::api
