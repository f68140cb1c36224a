// GET/POST /api/v1/holidays, DELETE /api/v1/holidays/{date}: the calendar of non-working days.
// Each row is national, a province's, a regency's or one organisation's (domain/calendar/holiday.hpp).
// National and regional rows are managed by a sysadmin; a KI's own `local` closures by its ki_admin (or
// a sysadmin). Every change is audited and moves the open clocks it affects (those of the organisations
// in its scope) in the same transaction; `?preview=true` reports those moves without changing anything.
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

#include <algorithm>
#include <map>
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
  if (domain::scope_of(h) == domain::holiday_scope::organisation && who.has_role(role::ki_admin) &&
      h.organisation == who.organisation.code) {
    return;
  }
  throw forbidden();
}

// Moves the clocks a calendar change affects (all of them, or none on a preview), then the stored
// next due date, overdue flag and public status of every case they belong to, in the same transaction.
std::vector<deadline_move> move_open_deadlines(ports::transaction& tx, const domain::holiday& changed,
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

// Region code -> name, from the organisations there ("19.71" -> "Kota Pangkal Pinang").
std::map<std::string, std::string> region_names(ports::transaction& tx) {
  std::map<std::string, std::string> out;
  for (const auto& o : tx.organisations().list()) {
    if (!o.region_code.empty() && !o.region_name.empty()) {
      out.emplace(o.region_code, o.region_name);
    }
  }
  return out;
}

boost::json::object holiday_json(const domain::holiday& h, const std::map<std::string, std::string>& names) {
  const auto it = names.find(h.region_code);
  return holiday_to_json(h, it == names.end() ? std::string{} : it->second);
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
  const bool regional = std::any_of(holidays.begin(), holidays.end(),
                                    [](const domain::holiday& h) { return !h.region_code.empty(); });
  const auto names = regional ? region_names(*tx) : std::map<std::string, std::string>{};
  boost::json::array items;
  for (const auto& h : holidays) {
    if (organisation && h.organisation && *h.organisation != *organisation) {
      continue;
    }
    items.push_back(holiday_json(h, names));
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

response create_holiday(services& s, const request& req) {
  const auto body = parse_json_object(req);
  const bool preview = preview_requested(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);

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
  const auto region = in.string("region_code", false, 16);
  // Without a scope, a local closure is the caller's organisation's (as before regional scopes) and every
  // other kind is national.
  auto scope = h.kind == domain::holiday_kind::local && !region ? domain::holiday_scope::organisation
               : region ? (region->find('.') == std::string::npos ? domain::holiday_scope::province
                                                                  : domain::holiday_scope::regency)
                        : domain::holiday_scope::national;
  if (const auto text = in.string("scope", false, 32)) {
    if (const auto parsed = domain::parse_holiday_scope(*text)) {
      scope = *parsed;
    } else {
      v.fail("scope", "harus national, province, regency atau organisation / must be national, province, regency or organisation");
    }
  }
  const auto names = region_names(*tx);
  if (scope == domain::holiday_scope::organisation) {
    h.organisation = organisation.value_or(who.organisation.code);
    if (!tx->organisations().find(*h.organisation)) {
      v.fail("organisation", "organisasi tidak dikenal / unknown organisation");
    }
  } else if (organisation) {
    v.fail("organisation", "hanya untuk scope organisation / only for scope organisation");
  }
  if (scope == domain::holiday_scope::province || scope == domain::holiday_scope::regency) {
    h.region_code = region.value_or("");
    const bool regency_code = h.region_code.find('.') != std::string::npos;
    if (!names.contains(h.region_code) || regency_code != (scope == domain::holiday_scope::regency)) {
      v.fail("region_code", scope == domain::holiday_scope::province
                                ? "provinsi tidak dikenal / unknown province"
                                : "kabupaten/kota tidak dikenal / unknown regency or city");
    }
  } else if (region) {
    v.fail("region_code", "hanya untuk scope province atau regency / only for scope province or regency");
  }
  if (v.ok()) {
    if (const auto problem = domain::scope_problem(h)) {
      v.fail("scope", fmt::format("cakupan tidak sesuai dengan jenis hari libur / {}", *problem));
    }
  }
  throw_if_invalid(v);
  require_may_change(who, h);

  const auto previous = tx->holidays().find(h.date, h.organisation, h.region_code);
  tx->holidays().put(h);
  const auto why = fmt::format("Hari libur ditambahkan: {} {} ({}) / Holiday added", domain::format_iso_date(h.date),
                               h.name_id, domain::to_string(h.kind));
  const auto moves = move_open_deadlines(*tx, h, who.user.id, now, why, preview);
  auto result = holiday_json(h, names);
  result["moved_deadlines"] = moves_to_json(moves);
  result["preview"] = preview;
  if (preview) {
    return json_response(200, result);  // the transaction rolls back: nothing changed
  }
  auto details = change_details(previous ? boost::json::value(holiday_json(*previous, names)) : nullptr,
                                holiday_json(h, names));
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
  const auto organisation = query_text(req, "organisation");
  const auto region = query_text(req, "region_code").value_or("");
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto existing = found_or_404(tx->holidays().find(*date, organisation, region));
  require_may_change(who, existing);
  tx->holidays().remove(*date, organisation, region);
  const auto why =
      fmt::format("Hari libur dihapus: {} {} / Holiday removed", domain::format_iso_date(*date), existing.name_id);
  const auto moves = move_open_deadlines(*tx, existing, who.user.id, now, why, preview);
  const auto names = existing.region_code.empty() ? std::map<std::string, std::string>{} : region_names(*tx);
  boost::json::object result{
      {"deleted", holiday_json(existing, names)}, {"moved_deadlines", moves_to_json(moves)}, {"preview", preview}};
  if (preview) {
    return json_response(200, result);
  }
  auto details = change_details(holiday_json(existing, names), nullptr);
  details["moved_deadlines"] = result["moved_deadlines"];
  audit(*tx, who, now, "holiday.delete", "holiday", domain::format_iso_date(*date), boost::json::serialize(details));
  tx->commit();
  return json_response(200, result);
}

}  // namespace

void register_holiday_routes(router& r, services& s) {
  r.add("GET", "/api/v1/holidays", policy::public_route, call(s, list_holidays));
  r.add("POST", "/api/v1/holidays", policy::calendar_admins, call(s, create_holiday),
        {.body_limit = std::size_t{16} * 1024, .requires_json_body = true});
  r.add("DELETE", "/api/v1/holidays/{date}", policy::calendar_admins, call(s, delete_holiday));
}

}  // namespace perkara::api
