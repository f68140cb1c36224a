// GET/POST /api/v1/holidays, DELETE /api/v1/holidays/{date}: the calendar of non-working days.
// National, cuti bersama and election days are managed by a sysadmin; a KI's own `local` closures by its
// ki_admin (or a sysadmin). Every change is audited and moves the open clocks it affects in the same
// transaction; `?preview=true` reports those moves without changing anything.
#include "api/auth/caller.hpp"
#include "api/calendar/calendar_service.hpp"
#include "api/calendar/ruleset_json.hpp"
#include "api/disputes/dispute_service.hpp"
#include "api/handlers/audit.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"
#include "api/requests/request_service.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <set>

namespace perkara::api {
namespace {

using domain::role;

bool preview_requested(const request& req) {
  const auto p = req.query_param("preview");
  return p && (*p == "true" || *p == "1");
}

void require_may_change(const caller& who, const domain::holiday& h) {
  if (who.has_role(role::sysadmin)) {
    return;
  }
  if (h.kind == domain::holiday_kind::local && who.has_role(role::ki_admin) && h.organisation == who.organisation.code) {
    return;
  }
  throw forbidden();
}

// Moves the clocks a calendar change affects (all of them, or none on a preview), then the stored
// next due date, overdue flag and public status of every case they belong to, in the same transaction.
std::vector<deadline_move> move_open_deadlines(ports::transaction& tx, domain::civil_date changed,
                                               const std::string& actor, domain::instant now, const std::string& why,
                                               bool preview) {
  auto moves = recalculate_open_deadlines(tx, changed, actor, now, why, !preview);
  if (preview) {
    return moves;
  }
  std::set<std::pair<std::string, std::string>> refreshed;
  for (const auto& m : moves) {
    if (!refreshed.emplace(m.record.case_type, m.record.case_id).second) {
      continue;
    }
    if (m.record.case_type == "dispute") {
      refresh_dispute_projections(tx, m.record.case_id);
    } else if (m.record.case_type == "request") {
      refresh_request_index(tx, m.record.case_id, now);
    }
  }
  return moves;
}

boost::json::array moves_to_json(const std::vector<deadline_move>& moves) {
  boost::json::array out;
  for (const auto& m : moves) {
    out.push_back({{"case_type", m.record.case_type},
                   {"case_id", m.record.case_id},
                   {"key", m.record.key},
                   {"from", domain::format_iso_date(m.record.due)},
                   {"to", domain::format_iso_date(m.new_due)}});
  }
  return out;
}

response list_holidays(services& s, const request& req) {
  const auto year = query_integer(req, "year", domain::min_input_year, domain::max_input_year);
  const auto organisation = req.query_param("organisation");
  auto tx = s.db.begin(ports::access::read);
  std::vector<domain::holiday> holidays;
  if (year) {
    holidays = tx->holidays().list_year(static_cast<int>(*year));
  } else {
    holidays = tx->holidays().list_for(organisation ? std::string{*organisation} : std::string{});
  }
  boost::json::array items;
  for (const auto& h : holidays) {
    if (organisation && h.organisation && *h.organisation != *organisation) {
      continue;
    }
    items.push_back(holiday_to_json(h));
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

response create_holiday(services& s, const request& req) {
  const auto body = parse_json_object(req);
  const bool preview = preview_requested(req);
  const auto now = s.clock.now();
  auto tx = s.db.begin(ports::access::write);
  const auto who = authenticate(req, *tx, now);

  domain::validation v;
  json_reader in{body, v};
  domain::holiday h;
  if (const auto date = in.date("date", true)) {
    h.date = *date;
  }
  if (const auto kind = in.string("kind", true, 32)) {
    if (const auto k = domain::parse_holiday_kind(*kind)) {
      h.kind = *k;
    } else {
      v.fail("kind", "harus national, cuti_bersama, election atau local / must be national, cuti_bersama, election or local");
    }
  }
  h.name_id = in.string("name", true, 200).value_or("");
  h.name_en = in.string("name_en", false, 200).value_or(h.name_id);
  h.source = in.string("source", true, 200).value_or("");
  auto organisation = in.string("organisation", false, 100);
  if (h.kind == domain::holiday_kind::local) {
    h.organisation = organisation.value_or(who.organisation.code);
    if (!tx->organisations().find(*h.organisation)) {
      v.fail("organisation", "organisasi tidak dikenal / unknown organisation");
    }
  } else if (organisation) {
    v.fail("organisation", "hanya untuk kind local / only for kind local");
  }
  throw_if_invalid(v);
  require_may_change(who, h);

  const auto previous = tx->holidays().find(h.date, h.organisation);
  tx->holidays().put(h);
  const auto why = fmt::format("Hari libur ditambahkan: {} {} ({}) / Holiday added", domain::format_iso_date(h.date),
                               h.name_id, domain::to_string(h.kind));
  const auto moves = move_open_deadlines(*tx, h.date, who.user.id, now, why, preview);
  auto result = holiday_to_json(h);
  result["moved_deadlines"] = moves_to_json(moves);
  result["preview"] = preview;
  if (preview) {
    return json_response(200, result);  // the transaction rolls back: nothing changed
  }
  auto details = change_details(previous ? boost::json::value(holiday_to_json(*previous)) : nullptr, holiday_to_json(h));
  details["moved_deadlines"] = result["moved_deadlines"];
  audit(*tx, who, now, previous ? "holiday.replace" : "holiday.create", "holiday", domain::format_iso_date(h.date),
        boost::json::serialize(details));
  tx->commit();
  return json_response(201, result);
}

response delete_holiday(services& s, const request& req, const route_params& p) {
  const auto date = domain::parse_iso_date(p.get("date"));
  if (!date) {
    throw validation_problem({{"date", domain::invalid_date_message}});
  }
  const bool preview = preview_requested(req);
  std::optional<std::string> organisation;
  if (const auto o = req.query_param("organisation"); o && !o->empty()) {
    organisation = std::string{*o};
  }
  const auto now = s.clock.now();
  auto tx = s.db.begin(ports::access::write);
  const auto who = authenticate(req, *tx, now);
  const auto existing = tx->holidays().find(*date, organisation);
  if (!existing) {
    throw not_found();
  }
  require_may_change(who, *existing);
  tx->holidays().remove(*date, organisation);
  const auto why = fmt::format("Hari libur dihapus: {} {} / Holiday removed", domain::format_iso_date(*date),
                               existing->name_id);
  const auto moves = move_open_deadlines(*tx, *date, who.user.id, now, why, preview);
  boost::json::object result{{"deleted", holiday_to_json(*existing)}, {"moved_deadlines", moves_to_json(moves)},
                             {"preview", preview}};
  if (preview) {
    return json_response(200, result);
  }
  auto details = change_details(holiday_to_json(*existing), nullptr);
  details["moved_deadlines"] = result["moved_deadlines"];
  audit(*tx, who, now, "holiday.delete", "holiday", domain::format_iso_date(*date), boost::json::serialize(details));
  tx->commit();
  return json_response(200, result);
}

}  // namespace

void register_holiday_routes(router& r, services& s) {
  r.add("GET", "/api/v1/holidays", policy::public_route, [&s](const request& req, const route_params&) { return list_holidays(s, req); });
  r.add("POST", "/api/v1/holidays", policy::calendar_admins, [&s](const request& req, const route_params&) { return create_holiday(s, req); },
        {.body_limit = 16 * 1024, .requires_json_body = true});
  r.add("DELETE", "/api/v1/holidays/{date}", policy::calendar_admins,
        [&s](const request& req, const route_params& p) { return delete_holiday(s, req, p); });
}

}  // namespace perkara::api
