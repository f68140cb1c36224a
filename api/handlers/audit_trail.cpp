// GET /api/v1/audit: the audit trail, newest first. A sysadmin reads every organisation's (or one's with
// ?organisation=); a ki_admin only its own organisation's, failed logins against its users included;
// every other role is refused (docs/security.md "Audit").
#include "api/auth/caller.hpp"
#include "api/cases/case_support.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <chrono>
#include <string>

namespace perkara::api {
namespace {

using domain::role;

constexpr std::int64_t max_page = 200;

// Whose entries the caller may read: nullopt for every organisation (a sysadmin without a filter).
std::optional<std::string> scope_of(const caller& who, const std::optional<std::string>& wanted) {
  if (who.has_role(role::sysadmin)) {
    return wanted;
  }
  // Not a sysadmin, so a ki_admin (the route's policy, policy::audit_readers): its own organisation only.
  if (wanted && *wanted != who.organisation.code) {
    throw forbidden();
  }
  return who.organisation.code;
}

ports::audit_search::position cursor_position(const std::string& cursor) {
  const auto keys = read_page_cursor(cursor, "newest", 2);
  return {cursor_integer(keys[0]), cursor_integer(keys[1])};
}

const char* actor_kind(const ports::audit_record& r) {
  if (r.actor_username) {
    return "user";
  }
  if (r.entry.actor == "cli") {
    return "cli";
  }
  if (r.entry.actor == "system") {
    return "system";
  }
  return "anonymous";  // a failed login: nobody was authenticated
}

// What a person reads for the object instead of its internal id: a user's username, a request's or a
// registered dispute's register number; null when there is none (an unregistered dispute, a user or case
// that no longer exists). Holidays (a date) and rule sets (name@version) are readable as they are.
boost::json::value object_label(ports::transaction& tx, const domain::audit_entry& e) {
  if (e.object_id.empty()) {
    return nullptr;
  }
  if (e.object_type == "user") {
    if (const auto u = tx.users().find(e.object_id)) {
      return boost::json::string{u->username};
    }
  } else if (e.object_type == "request") {
    if (const auto r = tx.requests().find(e.object_id, false)) {
      return boost::json::string{r->request.number};
    }
  } else if (e.object_type == "dispute") {
    if (const auto d = tx.disputes().find(e.object_id, false); d && d->register_number) {
      return boost::json::string{*d->register_number};
    }
  } else if (e.object_type == "holiday" || e.object_type == "ruleset" || e.object_type == "organisation") {
    return boost::json::string{e.object_id};
  }
  return nullptr;
}

boost::json::object record_to_json(ports::transaction& tx, const ports::audit_record& r, int fallback_offset_minutes) {
  boost::system::error_code ec;
  auto details = boost::json::parse(r.entry.details_json, ec);
  if (ec) {
    details = boost::json::object{};
  }
  boost::json::value actor = nullptr;
  if (r.actor_username) {
    actor = boost::json::object{{"id", r.entry.actor},
                                {"username", *r.actor_username},
                                {"display_name", r.actor_display_name.value_or(*r.actor_username)}};
  }
  boost::json::value organisation = nullptr;
  if (!r.entry.organisation.empty()) {
    organisation = boost::json::object{{"code", r.entry.organisation},
                                       {"name", r.organisation_name.value_or(r.entry.organisation)}};
  }
  return {{"id", std::to_string(r.id)},
          {"at", domain::format_rfc3339(r.entry.at, r.organisation_utc_offset_minutes.value_or(fallback_offset_minutes))},
          {"actor", std::move(actor)},
          {"actor_kind", actor_kind(r)},
          {"organisation", std::move(organisation)},
          {"action", r.entry.action},
          {"object", {{"type", r.entry.object_type}, {"id", r.entry.object_id}, {"label", object_label(tx, r.entry)}}},
          {"details", std::move(details)}};
}

response list_audit(services& s, const request& req) {
  ports::audit_search q;
  q.action_prefix = query_text(req, "action");
  q.object_type = query_text(req, "object_type");
  q.object_id = query_text(req, "object_id");
  q.actor_username = query_text(req, "actor");
  const auto from = query_date(req, "from");
  const auto to = query_date(req, "to");
  if (from && to && *to < *from) {
    throw validation_problem({{"to", "tidak boleh sebelum from / must not precede from"}});
  }
  q.limit = static_cast<int>(query_integer(req, "limit", 1, max_page).value_or(50));
  if (const auto cursor = query_text(req, "cursor")) {
    q.before = cursor_position(*cursor);
  }

  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  q.organisation = scope_of(who, query_text(req, "organisation"));
  // Dates are days of the caller's organisation's calendar: [from 00:00, the day after `to` 00:00).
  const int offset = who.organisation.utc_offset_minutes;
  if (from) {
    q.from = domain::start_of_local_day(*from, offset);
  }
  if (to) {
    q.until = domain::start_of_local_day(*to, offset) + std::chrono::days{1};
  }

  const int page = q.limit;
  q.limit = page + 1;  // one more tells whether there is a next page
  const auto rows = tx->audit().search(q);
  boost::json::array items;
  const auto n = std::min<std::size_t>(rows.size(), static_cast<std::size_t>(page));
  for (std::size_t i = 0; i < n; ++i) {
    items.push_back(record_to_json(*tx, rows[i], offset));
  }
  std::optional<std::string> next_cursor;
  if (rows.size() > n && n > 0) {
    const auto& last = rows[n - 1];
    next_cursor = page_cursor("newest", {std::to_string(last.entry.at.time_since_epoch().count()), std::to_string(last.id)});
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", optional_string(next_cursor)}});
}

}  // namespace

void register_audit_routes(router& r, services& s) {
  r.add("GET", "/api/v1/audit", policy::audit_readers, call(s, list_audit));
}

}  // namespace perkara::api
