#include "domain/notices/deadline_sweep.hpp"

#include "domain/enum_names.hpp"

#include "domain/json_text.hpp"
#include "domain/notices/wording.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace perkara::domain::notices {

constexpr enum_name<sweep_kind> sweep_kind_names[] = {
    {sweep_kind::missed, "missed"}, {sweep_kind::reminder, "reminder"},
    {sweep_kind::missed_reminder, "missed_reminder"}, {sweep_kind::digest, "digest"}};
std::string_view to_string(sweep_kind kind) { return name_in(sweep_kind_names, kind); }

bool day_ended(civil_date due, instant now, const sweep_office& office) {
  return local_date(now, office.utc_offset_minutes) > due;
}

bool office_open_reached(instant now, const sweep_office& office) {
  return local_minute_of_day(now, office.utc_offset_minutes) >= office.hours.open_minute;
}

bool reminder_due(civil_date due, int remind_days, instant now, const sweep_office& office,
                  const working_calendar& calendar) {
  if (remind_days <= 0 || !office_open_reached(now, office)) {
    return false;
  }
  const auto today = local_date(now, office.utc_offset_minutes);
  if (today > due) {
    return false;
  }
  return calendar.working_days_between(today, due) <= remind_days;
}

bool missed_reminder_due(civil_date due, instant now, const sweep_office& office) {
  return day_ended(due, now, office) && office_open_reached(now, office);
}

mover mover_of(std::string_view period_key) {
  constexpr std::string_view applicant_suffix = ":applicant";
  if (period_key == "objection_filing" || period_key == "dispute_filing" ||
      (period_key.size() > applicant_suffix.size() &&
       period_key.substr(period_key.size() - applicant_suffix.size()) == applicant_suffix)) {
    return mover::applicant;
  }
  return mover::organisation;
}

namespace {

std::string clock_json(const deadline_record& c) {
  return fmt::format(R"("period":{},"due":"{}","days":{},"unit":"{}","ruleset":{},"ruleset_version":{})",
                     json_quote(c.key), format_iso_date(c.due), c.days, to_string(c.unit), json_quote(c.ruleset),
                     c.ruleset_version);
}

}  // namespace

std::vector<notice> reminders_for(sweep_kind kind, const deadline_record& clock, const case_facts& facts,
                                  const std::optional<std::string>& organisation_email) {
  std::vector<notice> out;
  const std::string number = facts.number.empty() ? std::string("-") : facts.number;
  const auto due_is = what_is_due(clock.key);
  const auto by = spoken_date(clock.due);
  const bool missed = kind == sweep_kind::missed_reminder;
  const std::string kind_name(to_string(kind));
  std::vector<std::string> id{fmt::format("Nomor perkara: {}", number)};
  std::vector<std::string> en{fmt::format("Case number: {}", number)};
  if (missed) {
    id.push_back(fmt::format("Batas waktu {} telah terlewati: jatuh tempo {}.", due_is.id, by.id));
    en.push_back(fmt::format("The deadline for {} was missed: it was due on {}.", due_is.en, by.en));
  } else {
    id.push_back(fmt::format("Pengingat: {} paling lambat {}.", due_is.id, by.id));
    en.push_back(fmt::format("Reminder: {} is due by {}.", due_is.en, by.en));
  }
  id.push_back(fmt::format("Dasar: {} hari {} menurut aturan {} versi {}.", clock.days,
                           clock.unit == period_unit::working_days ? "kerja" : "kalender", clock.ruleset,
                           clock.ruleset_version));
  en.push_back(fmt::format("Basis: {} {} days under rule set {} version {}.", clock.days,
                           clock.unit == period_unit::working_days ? "working" : "calendar", clock.ruleset,
                           clock.ruleset_version));
  const std::string subject = missed ? fmt::format("[{}] Batas waktu terlewati / Deadline missed", number)
                                     : fmt::format("[{}] Pengingat batas waktu / Deadline reminder", number);
  const std::string payload =
      fmt::format(R"({{"case_type":{},"case_id":{},"number":{},"organisation":{},"reminder":"{}",{}}})",
                  json_quote(facts.case_type), json_quote(facts.case_id), json_quote(facts.number),
                  json_quote(facts.organisation), kind_name, clock_json(clock));
  const auto email = [&](const std::string& to, const std::string& audience) {
    out.push_back(
        notice{channel::email, to, audience, kind_name, subject, text_body(id, en), html_body(id, en), payload});
  };
  if (mover_of(clock.key) == mover::applicant) {
    if (facts.applicant_email && !facts.applicant_email->empty() && !facts.applicant_opted_out) {
      email(*facts.applicant_email, "applicant");
    }
    return out;
  }
  if (organisation_email && !organisation_email->empty()) {
    email(*organisation_email, "organisation");
  }
  if (facts.organisation_has_webhooks) {
    out.push_back(notice{channel::webhook, "", "organisation", kind_name, "", "", "", payload});
  }
  return out;
}

std::vector<notice> digest_for(const std::string& organisation_name, civil_date today,
                               const std::vector<digest_item>& items, const digest_audience& audience,
                               const std::string& organisation) {
  std::vector<notice> out;
  if (items.empty()) {
    return out;
  }
  auto sorted = items;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.clock.due < b.clock.due; });
  const auto day = spoken_date(today);
  std::vector<std::string> id{fmt::format("Ringkasan harian {} untuk {}.", organisation_name, day.id)};
  std::vector<std::string> en{fmt::format("Daily digest of {} for {}.", organisation_name, day.en)};
  std::string overdue_json;
  std::string due_json;
  for (const auto& item : sorted) {
    const std::string number = item.number.empty() ? std::string("-") : item.number;
    const auto what = what_is_due(item.clock.key);
    const auto by = spoken_date(item.clock.due);
    const bool late = item.clock.due < today;
    id.push_back(fmt::format("{} {}: {}, {} {}.", late ? "Terlambat" : "Jatuh tempo", number, what.id,
                             late ? "jatuh tempo" : "paling lambat", by.id));
    en.push_back(
        fmt::format("{} {}: {}, {} {}.", late ? "Overdue" : "Due", number, what.en, late ? "was due" : "by", by.en));
    auto& list = late ? overdue_json : due_json;
    if (!list.empty()) list += ',';
    list += fmt::format(R"({{"case_type":{},"case_id":{},"number":{},{}}})", json_quote(item.clock.case_type),
                        json_quote(item.clock.case_id), json_quote(item.number), clock_json(item.clock));
  }
  const std::string payload = fmt::format(R"({{"organisation":{},"date":"{}","due":[{}],"overdue":[{}]}})",
                                          json_quote(organisation), format_iso_date(today), due_json, overdue_json);
  const std::string subject = fmt::format("Ringkasan batas waktu {} / Deadline digest {}", day.id, day.en);
  const std::string text = text_body(id, en);
  const std::string html = html_body(id, en);
  std::set<std::string> written;
  const auto email = [&](const std::string& address, const char* who) {
    if (address.empty() || !written.insert(address).second) return;
    out.push_back(notice{channel::email, address, who, "digest", subject, text, html, payload});
  };
  if (audience.organisation_email) email(*audience.organisation_email, "organisation");
  for (const auto& address : audience.staff_emails) email(address, "staff");
  if (audience.has_webhooks) {
    out.push_back(notice{channel::webhook, "", "organisation", "digest", "", "", "", payload});
  }
  return out;
}

}  // namespace perkara::domain::notices
