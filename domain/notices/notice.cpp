#include "domain/notices/notice.hpp"

#include "domain/json_text.hpp"
#include "domain/html_text.hpp"
#include "domain/notices/recipients.hpp"
#include "domain/notices/wording.hpp"
#include "domain/time/instant.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>

namespace perkara::domain::notices {

std::string_view to_string(channel c) { return c == channel::email ? "email" : "webhook"; }

std::optional<channel> parse_channel(std::string_view text) {
  if (text == "email") return channel::email;
  if (text == "webhook") return channel::webhook;
  return std::nullopt;
}

namespace {

/// The open clocks, earliest due first.
std::vector<deadline_record> open_clocks(const std::vector<deadline_record>& clocks) {
  std::vector<deadline_record> out;
  std::copy_if(clocks.begin(), clocks.end(), std::back_inserter(out), [](const auto& c) { return c.open(); });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.due < b.due; });
  return out;
}

std::string unit_words(const deadline_record& c, bool indonesian) {
  if (c.unit == period_unit::working_days) {
    return indonesian ? fmt::format("{} hari kerja", c.days) : fmt::format("{} working days", c.days);
  }
  return indonesian ? fmt::format("{} hari kalender", c.days) : fmt::format("{} calendar days", c.days);
}

std::string payload_json(const case_event& e, const case_facts& f, const std::vector<deadline_record>& open) {
  std::string due = "[";
  for (const auto& c : open) {
    if (due.size() > 1) due += ',';
    due += fmt::format(R"({{"period":{},"due":"{}","days":{},"unit":"{}","ruleset":{},"ruleset_version":{}}})",
                       json_quote(c.key), format_iso_date(c.due), c.days, to_string(c.unit), json_quote(c.ruleset),
                       c.ruleset_version);
  }
  due += ']';
  return fmt::format(R"({{"case_type":{},"case_id":{},"number":{},"organisation":{},"action":{},"at":"{}","due":{}}})",
                     json_quote(f.case_type), json_quote(f.case_id), json_quote(f.number), json_quote(f.organisation),
                     json_quote(e.action), format_rfc3339(e.at, f.utc_offset_minutes), due);
}

/// Where the applicant follows the case: the public status of a registered dispute; a request has no
/// public page (its number is in the message).
std::optional<std::string> public_link(const case_facts& f) {
  if (f.case_type == "dispute" && !f.number.empty()) {
    std::string encoded;
    for (const char c : f.number) {
      const auto byte = static_cast<unsigned char>(c);
      if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_') {
        encoded += c;
      } else {
        encoded += fmt::format("%{:02X}", static_cast<unsigned>(byte));
      }
    }
    return fmt::format("{}/#/public/status?register_number={}", base_url_placeholder, encoded);
  }
  return std::nullopt;
}

struct lines {
  std::vector<std::string> id;
  std::vector<std::string> en;
};

lines describe(const case_event& e, const case_facts& f, const bilingual& what,
               const std::vector<deadline_record>& open) {
  lines l;
  const auto when = spoken_date(local_date(e.at, f.utc_offset_minutes));
  const std::string number = f.number.empty() ? std::string("-") : f.number;
  l.id.push_back(fmt::format("Nomor perkara: {}", number));
  l.en.push_back(fmt::format("Case number: {}", number));
  l.id.push_back(fmt::format("Yang terjadi: {} ({}).", what.id, when.id));
  l.en.push_back(fmt::format("What happened: {} ({}).", what.en, when.en));
  if (open.empty()) {
    l.id.emplace_back("Tidak ada batas waktu yang sedang berjalan.");
    l.en.emplace_back("No deadline is running.");
  }
  for (const auto& c : open) {
    const auto due_is = what_is_due(c.key);
    const auto by = spoken_date(c.due);
    l.id.push_back(fmt::format("Yang harus dilakukan: {}, paling lambat {} ({} menurut aturan {} versi {}).", due_is.id,
                               by.id, unit_words(c, true), c.ruleset, c.ruleset_version));
    l.en.push_back(fmt::format("What is due: {}, by {} ({} under rule set {} version {}).", due_is.en, by.en,
                               unit_words(c, false), c.ruleset, c.ruleset_version));
  }
  if (const auto link = public_link(f)) {
    l.id.push_back(fmt::format("Status perkara: {}", *link));
    l.en.push_back(fmt::format("Case status: {}", *link));
  }
  return l;
}

/// Where staff open the case in the application (web/js/main.js routes).
std::string staff_link(const case_facts& f) {
  return fmt::format("{}/#/{}s/{}", base_url_placeholder, f.case_type, f.case_id);
}

/// The applicant's way out: the opt-out page with this notice's token (docs/operations.md "Notices").
void add_opt_out(lines& l) {
  const auto link = fmt::format("{}/#/opt-out?token={}", base_url_placeholder, opt_out_token_placeholder);
  l.id.push_back(fmt::format("Tidak ingin menerima email lagi? Berhenti berlangganan: {}", link));
  l.en.push_back(fmt::format("No more email? Unsubscribe: {}", link));
}

std::string text_body(const lines& l) { return notices::text_body(l.id, l.en); }

std::string html_body(const lines& l) { return notices::html_body(l.id, l.en); }

}  // namespace

std::vector<notice> notices_for_event(const case_event& event, const case_facts& facts,
                                      const std::vector<deadline_record>& clocks) {
  std::vector<notice> out;
  const auto what = what_happened(facts.case_type, event.action);
  if (!what) {
    return out;
  }
  const auto open = open_clocks(clocks);
  const auto payload = payload_json(event, facts, open);
  const std::string number = facts.number.empty() ? std::string("-") : facts.number;
  // A summons is kind "hearing", a missed deadline "deadline_missed", any other step "event": the
  // receiver (and a staff member's preferences) can tell them apart.
  const std::string kind(preference_kind_of(event));
  const auto subject = fmt::format("[{}] {} / {}", number, what->id, what->en);
  if (facts.applicant_email && !facts.applicant_email->empty() && !facts.applicant_opted_out) {
    auto l = describe(event, facts, *what, open);
    add_opt_out(l);
    out.push_back(notice{channel::email, *facts.applicant_email, "applicant", kind, subject, text_body(l),
                         html_body(l), payload});
  }
  const auto staff = staff_recipients(event, facts, open);
  if (!staff.empty()) {
    auto l = describe(event, facts, *what, open);
    l.id.push_back(fmt::format("Buka perkara: {}", staff_link(facts)));
    l.en.push_back(fmt::format("Open the case: {}", staff_link(facts)));
    const auto text = text_body(l);
    const auto html = html_body(l);
    for (const auto& m : staff) {
      out.push_back(notice{channel::email, m.email, "staff", kind, subject, text, html, payload});
    }
  }
  if (facts.organisation_has_webhooks) {
    out.push_back(notice{channel::webhook, "", "organisation", kind, "", "", "", payload});
  }
  return out;
}

}  // namespace perkara::domain::notices
