#include "api/disputes/dispute_view.hpp"

#include "api/cases/case_support.hpp"
#include "api/disputes/dispute_clocks.hpp"
#include "api/disputes/dispute_document.hpp"
#include "api/disputes/dispute_service.hpp"
#include "api/documents/document_service.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_output.hpp"
#include "domain/cases/search_text.hpp"
#include "domain/deadline/status.hpp"
#include "domain/disputes/access.hpp"
#include "domain/disputes/completeness.hpp"
#include "domain/disputes/public_view.hpp"
#include "domain/disputes/start_basis.hpp"
#include "domain/documents/checklist.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace perkara::api {
namespace {

namespace ds = domain::disputes;
using boost::json::array;
using boost::json::object;
using boost::json::value;
using domain::case_actor;
using domain::role;

bool is_ki_staff(const case_actor& a) { return a.has_any({role::ki_admin, role::registrar, role::commissioner}); }

// The stored list item of a row; built from the document and its clocks for a row stored before the
// list item carried `awaiting` (or before migration 0007), as a write would build it.
object list_item_of(ports::transaction& tx, const ports::dispute_document& doc) {
  if (!doc.list_item.empty()) {
    auto stored = boost::json::parse(doc.list_item);
    if (stored.is_object() && stored.as_object().contains("awaiting")) {
      return std::move(stored.as_object());
    }
  }
  const auto full =
      found_or_404(doc.body.empty() ? tx.disputes().find(doc.id, false) : std::optional<ports::dispute_document>{doc});
  const auto d = from_document(full);
  return dispute_list_item(d, open_due_dates(tx.deadlines().for_case(dispute_case_type, d.id)));
}

}  // namespace

object dispute_view(ports::transaction& tx, const case_actor& actor, const ds::dispute& stored, domain::instant now,
                    const std::vector<std::string>& warnings) {
  // The checklist as the case file shows it (attached documents, paper originals seen).
  auto d = stored;
  domain::documents::add_present_documents(
      d.completeness, present_document_kinds(tx, {domain::documents::case_kind::dispute, d.id}));
  clock_context clocks{tx};
  const auto& ki_org = ki_of(clocks, d);
  const auto today = local_today(ki_org, now);
  const auto records = tx.deadlines().for_case(dispute_case_type, d.id);
  const auto due = due_map_of(records);
  auto o = dispute_to_json(d);
  auto deadlines = deadlines_json(clocks, records, today);
  // A party's court window says whether it runs from its recorded receipt or from the presumption.
  for (std::size_t i = 0; i < records.size() && i < deadlines.size(); ++i) {
    if (const auto basis = ds::start_basis_of(d, records[i].key, records[i].start_at)) {
      auto& explanation = deadlines[i].as_object()["explanation"];
      if (explanation.is_object()) {
        explanation.as_object()["start_basis"] = ds::to_string(*basis);
      }
    }
  }
  o["deadlines"] = std::move(deadlines);
  o["allowed_actions"] = action_names(ds::allowed_actions(d, actor.roles, actor.organisation, today, due));
  o["awaiting"] = awaiting_json(ds::awaiting(d, open_due_dates(records)));
  o["filing_timely"] = d.filing.filing_timely ? value(*d.filing.filing_timely) : value(nullptr);
  o["filing_reasoning_id"] = d.filing.reasoning_id;
  o["filing_reasoning_en"] = d.filing.reasoning_en;
  const auto checklist = ds::check_completeness(d);
  auto& completeness = o["completeness"].as_object();
  array required, missing;
  for (auto a : checklist.required) {
    required.emplace_back(ds::to_string(a));
  }
  for (auto a : checklist.missing) {
    missing.emplace_back(ds::to_string(a));
  }
  completeness["required"] = std::move(required);
  completeness["missing"] = std::move(missing);
  completeness["complete"] = checklist.complete();
  const auto next_due = next_open_due(records);
  o["next_due"] = date_json(next_due);
  o["overdue"] = next_due && *next_due < today;
  array w;
  for (const auto& s : warnings) {
    w.emplace_back(s);
  }
  o["warnings"] = std::move(w);
  return o;
}

std::string list_disputes(ports::transaction& tx, const case_actor& actor, const dispute_list_query& query,
                          domain::instant now) {
  ports::dispute_filter f;
  f.ki = query.ki;
  f.respondent = query.respondent;
  if (is_ki_staff(actor)) {
    if (query.ki && *query.ki != actor.organisation) {
      return R"({"items":[],"next_cursor":null})";
    }
    f.ki = actor.organisation;
  } else if (actor.has_any({role::ppid, role::ppid_superior})) {
    if (query.respondent && *query.respondent != actor.organisation) {
      return R"({"items":[],"next_cursor":null})";
    }
    f.respondent = actor.organisation;
  } else {
    throw forbidden();
  }
  if (query.state) {
    if (!ds::parse_dispute_state(*query.state)) {
      throw validation_problem({{"state", "status tidak dikenal / unknown state"}});
    }
    f.state = query.state;
  }
  clock_context clocks{tx};
  const auto today = local_today(clocks.organisation(actor.organisation), now);
  if (query.overdue) {
    f.overdue_before = today;
  }
  if (query.q && !query.q->empty()) {
    f.q = domain::fold_for_search(*query.q);
  }
  f.registered_from = query.from;
  f.registered_to = query.to;
  if (query.by_due) {
    f.sort = ports::dispute_filter::order::earliest_due;
  }
  if (query.cursor && query.by_due) {
    const auto keys = read_page_cursor(*query.cursor, "due", 2);
    // A date this server wrote (a due date may lie beyond the input years), so the stored-date reader.
    const auto due = domain::read_stored_iso_date(keys[0]);
    if (!due) {
      throw bad_request("Kursor tidak valid / Invalid cursor", "cursor");
    }
    f.after_due = std::make_pair(*due, keys[1]);
  } else if (query.cursor) {
    const auto keys = read_page_cursor(*query.cursor, "submitted", 2);
    f.after = std::make_pair(domain::instant{std::chrono::seconds{cursor_integer(keys[0])}}, keys[1]);
  }
  f.limit = query.limit + 1;
  auto docs = tx.disputes().list(f);
  value next_cursor = nullptr;
  if (docs.size() > static_cast<std::size_t>(query.limit)) {
    docs.resize(static_cast<std::size_t>(query.limit));
    const auto& last = docs.back();
    next_cursor = query.by_due && last.next_due
                      ? page_cursor("due", {domain::format_iso_date(*last.next_due), last.id})
                      : page_cursor("submitted", {std::to_string(last.submitted_at.time_since_epoch().count()), last.id});
  }
  // Each stored item is closed with what depends on the day it is read: the due date of the earliest
  // open clock, whether it passed, and the working days left to it (counted as the case page counts
  // them: the KI's calendar under the case's rule set).
  std::string out = R"({"items":[)";
  for (const auto& doc : docs) {
    auto item = list_item_of(tx, doc);
    item["next_due"] = date_json(doc.next_due);
    item["overdue"] = doc.next_due && *doc.next_due < today;
    value days = nullptr;
    if (doc.next_due) {
      const auto& rules = clocks.ruleset(std::string(item.at("ruleset").as_string()),
                                         static_cast<int>(item.at("ruleset_version").to_number<std::int64_t>()));
      const auto status = domain::evaluate(*doc.next_due, std::nullopt, today, clocks.calendar(doc.ki, rules.counting));
      days = status.days_remaining ? value(*status.days_remaining) : value(nullptr);
    }
    item["days_remaining"] = days;
    if (out.back() != '[') {
      out += ',';
    }
    out += boost::json::serialize(item);
  }
  out += R"(],"next_cursor":)";
  out += boost::json::serialize(next_cursor);
  out += '}';
  return out;
}

array dispute_events(ports::transaction& tx, const case_actor& actor, const std::string& id) {
  const auto d = load_visible_dispute(tx, actor, id);
  clock_context clocks{tx};
  const auto offset = ki_of(clocks, d).utc_offset_minutes;
  array out;
  for (const auto& e : tx.events().for_case(dispute_case_type, id)) {
    out.push_back(case_event_json(e, offset));
  }
  return out;
}

std::string public_dispute_status(ports::transaction& tx, const std::string& register_number) {
  auto stored = found_or_404(tx.disputes().public_status(register_number));
  if (!stored.empty()) {
    return stored;
  }
  // A row written before migration 0008 has no stored public status yet: build it as writes do.
  const auto doc = found_or_404(tx.disputes().find_by_register_number(register_number));
  const auto d = from_document(doc);
  const auto records = tx.deadlines().for_case(dispute_case_type, d.id);
  return boost::json::serialize(dispute_public_status(d, open_due_dates(records)));
}

object public_hearings(ports::transaction& tx, domain::civil_date from, domain::civil_date to,
                       const std::optional<std::string>& ki) {
  constexpr int wib = 7 * 60;  // the calendar's dates are read in WIB
  const auto entries = tx.disputes().hearings_between(domain::start_of_local_day(from, wib),
                                                      domain::start_of_local_day(domain::add_days(to, 1), wib), ki);
  array items;
  for (const auto& e : entries) {
    items.push_back(object{{"register_number", optional_string(e.register_number)},
                           {"ki", e.ki},
                           {"respondent", e.respondent},
                           {"kind", e.kind},
                           {"scheduled_at", domain::format_rfc3339(e.scheduled_at, e.offset_minutes)},
                           {"location", e.location}});
  }
  return {{"items", std::move(items)}, {"next_cursor", nullptr}};
}

std::string public_decisions(ports::transaction& tx, const std::optional<std::string>& ki, std::optional<int> year) {
  std::string out = R"({"items":[)";
  for (const auto& doc : tx.disputes().decided(ki, year, 500)) {
    if (out.back() != '[') {
      out += ',';
    }
    if (!doc.public_item.empty()) {
      out += doc.public_item;  // stored as served
      continue;
    }
    // A row written before migration 0008: built as writes build it.
    const auto d = from_document(doc);
    out += boost::json::serialize(
        dispute_public_status(d, open_due_dates(tx.deadlines().for_case(dispute_case_type, d.id))));
  }
  out += R"(],"next_cursor":null})";
  return out;
}

}  // namespace perkara::api
