#include "api/cases/case_support.hpp"

#include "api/calendar/deadline_json.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "domain/cases/clocks.hpp"
#include "domain/deadline/compute.hpp"
#include "domain/deadline/status.hpp"
#include "domain/whole_number.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>

namespace perkara::api {
namespace {

constexpr std::string_view hex_digits = "0123456789abcdef";

}  // namespace

std::optional<int> if_match_version(const request& req) {
  auto raw = req.header("if-match");
  if (!raw) {
    return std::nullopt;
  }
  std::string_view v = *raw;
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
    v = v.substr(1, v.size() - 2);
  }
  const auto version = domain::parse_whole_number<int>(v);
  if (!version || *version < 0) {
    throw bad_request("If-Match harus versi, mis. \"3\" / If-Match must be a version such as \"3\"", "If-Match");
  }
  return *version;
}

void check_if_match(const std::optional<int>& expected, int current) {
  if (expected && *expected != current) {
    throw_changed_meanwhile(current);
  }
}

void throw_changed_meanwhile(int current) {
  problem p{412, fmt::format("Data sudah diubah orang lain (versi kini {}) / Changed meanwhile (now version {})",
                             current, current)};
  p.headers.emplace_back("ETag", fmt::format("\"{}\"", current));
  throw p;
}

void throw_not_allowed(std::string detail, const boost::json::array& allowed) {
  problem p{409, std::move(detail)};
  p.extra_json.emplace_back("allowed_actions", boost::json::serialize(allowed));
  throw p;
}

void throw_refused(refused_command refused) {
  switch (refused.why) {
    case domain::cases::refusal::stale: throw_changed_meanwhile(refused.current_version);
    case domain::cases::refusal::invalid: throw validation_problem(refused.errors);
    case domain::cases::refusal::not_allowed: break;
  }
  if (refused.detail.empty()) {
    refused.detail = "Tindakan tidak diperbolehkan pada status ini / Action not allowed in this state";
  }
  throw_not_allowed(std::move(refused.detail), refused.allowed);
}

int page_limit(const request& req) { return static_cast<int>(query_integer(req, "limit", 1, 500).value_or(50)); }

// Hex of the parts joined by '\x1f': opaque to clients, safe in a query string.
std::string encode_cursor(const std::vector<std::string>& parts) {
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      joined += '\x1f';
    }
    joined += parts[i];
  }
  std::string out;
  for (char ch : joined) {
    const auto c = static_cast<unsigned char>(ch);
    out += hex_digits[c >> 4];
    out += hex_digits[c & 0xf];
  }
  return out;
}

std::vector<std::string> decode_cursor(std::string_view cursor, std::size_t parts) {
  const auto bad = [] { return bad_request("Kursor tidak valid / Invalid cursor", "cursor"); };
  if (cursor.size() % 2 != 0) {
    throw bad();
  }
  std::string joined;
  for (std::size_t i = 0; i < cursor.size(); i += 2) {
    const auto hi = hex_digits.find(cursor[i]);
    const auto lo = hex_digits.find(cursor[i + 1]);
    if (hi == std::string_view::npos || lo == std::string_view::npos) {
      throw bad();
    }
    joined += static_cast<char>(hi * 16 + lo);
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto sep = joined.find('\x1f', start);
    out.push_back(joined.substr(start, sep == std::string::npos ? std::string::npos : sep - start));
    if (sep == std::string::npos) {
      break;
    }
    start = sep + 1;
  }
  if (out.size() != parts) {
    throw bad();
  }
  return out;
}

std::string page_cursor(std::string_view order, std::vector<std::string> keys) {
  keys.insert(keys.begin(), std::string(order));
  return encode_cursor(keys);
}

std::vector<std::string> read_page_cursor(std::string_view cursor, std::string_view order, std::size_t keys) {
  auto parts = decode_cursor(cursor, keys + 1);
  if (parts.front() != order) {
    throw bad_request("Kursor tidak valid / Invalid cursor", "cursor");
  }
  parts.erase(parts.begin());
  return parts;
}

long long cursor_integer(const std::string& key) {
  const auto value = domain::parse_whole_number<long long>(key);
  if (!value) {
    throw bad_request("Kursor tidak valid / Invalid cursor", "cursor");
  }
  return *value;
}

domain::civil_date local_today(const domain::organisation& org, domain::instant now) {
  return domain::local_date(now, org.utc_offset_minutes);
}

boost::json::array deadlines_json(clock_context& clocks, const std::vector<domain::deadline_record>& records,
                                  domain::civil_date today) {
  boost::json::array out;
  for (const auto& record : records) {
    const auto& rules = clocks.ruleset(record.ruleset, record.ruleset_version);
    const auto& calendar = clocks.calendar(record.organisation, rules.counting);
    const auto status = record.stopped_on ? domain::evaluate_stopped(record.due, *record.stopped_on, today, calendar)
                                          : domain::evaluate(record.due, record.met_on, today, calendar);
    auto json = deadline_to_json(record, status, clocks.explain(record));
    json["stopped_on"] = date_json(record.stopped_on);
    out.push_back(std::move(json));
  }
  return out;
}

void record_case_event(ports::transaction& tx, const domain::case_actor& actor, std::string_view case_type,
                       const std::string& case_id, int version, const std::string& action, const std::string& payload,
                       domain::instant now) {
  tx.events().append(domain::case_event{std::string(case_type), case_id, version, actor.user_id, now, action, payload});
  tx.audit().append(domain::audit_entry{actor.user_id, actor.organisation, now, fmt::format("{}.{}", case_type, action),
                                        std::string(case_type), case_id, payload});
}

boost::json::object case_event_json(const domain::case_event& event, int utc_offset_minutes) {
  boost::system::error_code ec;
  auto payload = boost::json::parse(event.payload_json, ec);
  if (ec) {
    payload = boost::json::object{};
  }
  return {{"version", event.version},
          {"actor", event.actor},
          {"at", domain::format_rfc3339(event.at, utc_offset_minutes)},
          {"action", event.action},
          {"payload", std::move(payload)}};
}

std::map<std::string, domain::civil_date, std::less<>> open_due_dates(
    const std::vector<domain::deadline_record>& records) {
  std::map<std::string, domain::civil_date, std::less<>> out;
  for (const auto& r : records) {
    if (r.open()) {
      out[r.key] = r.due;
    }
  }
  return out;
}

std::optional<domain::civil_date> next_open_due(const std::vector<domain::deadline_record>& records) {
  std::optional<domain::civil_date> best;
  for (const auto& r : records) {
    if (r.open() && (!best || r.due < *best)) {
      best = r.due;
    }
  }
  return best;
}

clock_book::clock_book(ports::transaction& tx, clock_context& clocks, std::string case_type, std::string case_id)
    : tx_(tx), clocks_(clocks), case_type_(std::move(case_type)), case_id_(std::move(case_id)) {
  records_ = tx_.deadlines().for_case(case_type_, case_id_);
  dirty_.assign(records_.size(), false);
}

domain::deadline_record* clock_book::find_open(const std::string& key) {
  for (auto& r : records_) {
    if (r.key == key && r.open()) {
      return &r;
    }
  }
  return nullptr;
}

bool clock_book::start(const std::string& key, const std::string& organisation, const domain::ruleset& rules,
                       domain::instant start, int extension_days) {
  if (find_open(key)) {
    return true;
  }
  try {
    records_.push_back(clocks_.start_clock(case_type_, case_id_, organisation, rules, key, start, extension_days));
  } catch (const std::runtime_error&) {
    return false;  // the rule set has no usable period of that name
  }
  dirty_.push_back(true);
  return true;
}

void clock_book::start_fixed(const std::string& key, const std::string& organisation, const domain::ruleset& rules,
                             domain::instant start, int days, domain::period_unit unit) {
  if (find_open(key)) {
    return;
  }
  records_.push_back(clocks_.start_fixed_clock(case_type_, case_id_, organisation, rules, key, start, days, unit));
  dirty_.push_back(true);
}

void clock_book::extend(const std::string& key, int days) {
  auto* r = find_open(key);
  if (!r) {
    return;
  }
  const auto& rules = clocks_.ruleset(r->ruleset, r->ruleset_version);
  const auto& org = clocks_.organisation(r->organisation);
  const auto& calendar = clocks_.calendar(r->organisation, rules.counting);
  r->days += days;
  r->extension_days += days;
  const auto deemed = domain::deem_received(calendar, org.hours, org.utc_offset_minutes, rules.counting, r->start_at);
  r->due = domain::due_date(calendar, deemed.deemed_received, r->days, r->unit);
  dirty_[static_cast<std::size_t>(r - records_.data())] = true;
}

void clock_book::meet(const std::string& key, domain::civil_date on) {
  if (auto* r = find_open(key)) {
    r->met_on = on;
    dirty_[static_cast<std::size_t>(r - records_.data())] = true;
  }
}

void clock_book::stop(const std::string& key, domain::civil_date on) {
  for (std::size_t i = 0; i < records_.size(); ++i) {
    auto& r = records_[i];
    if (r.open() && (key == domain::cases::all_clocks || r.key == key)) {
      r.stopped_on = on;
      dirty_[i] = true;
    }
  }
}

void clock_book::apply(const std::vector<domain::cases::clock_intent>& intents, const std::string& organisation,
                       const domain::ruleset& rules) {
  using domain::cases::clock_op;
  const int offset = clocks_.organisation(organisation).utc_offset_minutes;
  for (const auto& intent : intents) {
    // A day (a silence's day 0, an act's date) stands for its local midnight; an instant for its local date.
    const auto* day = std::get_if<domain::civil_date>(&intent.at);
    const auto at = day ? domain::start_of_local_day(*day, offset) : std::get<domain::instant>(intent.at);
    const auto on = day ? *day : domain::local_date(at, offset);
    switch (intent.op) {
      case clock_op::start:
        if (intent.days) {
          start_fixed(intent.key, organisation, rules, at, *intent.days, intent.unit);
        } else {
          start(intent.key, organisation, rules, at);  // a period the rule set lacks starts no clock
        }
        break;
      case clock_op::extend: {
        int days = intent.days.value_or(0);
        if (const auto* p = rules.find(intent.period); days == 0 && p != nullptr) {
          days = p->effective_value().value_or(0);
        }
        extend(intent.key, days);
        break;
      }
      case clock_op::meet:
        meet(intent.key, on);
        break;
      case clock_op::stop:
        stop(intent.key, on);
        break;
    }
  }
}

void clock_book::save() {
  for (std::size_t i = 0; i < records_.size(); ++i) {
    if (dirty_[i]) {
      records_[i].id = tx_.deadlines().save(records_[i]);
      dirty_[i] = false;
    }
  }
}

}  // namespace perkara::api
