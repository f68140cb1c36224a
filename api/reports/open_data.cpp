#include "api/reports/open_data.hpp"

#include "api/cases/case_support.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_output.hpp"
#include "api/reports/csv.hpp"
#include "api/reports/report_tallies.hpp"
#include "domain/reports/open_data.hpp"

#include <boost/json/array.hpp>

#include <fmt/format.h>

#include <map>

namespace perkara::api {
namespace {

using namespace domain::reports;

boost::json::value count_json(long long count) {
  const auto shown = published(count);
  return shown ? boost::json::value(*shown) : boost::json::value(nullptr);
}

// A rate is withheld with its numerator.
boost::json::value rate_json(const std::optional<double>& rate, long long numerator) {
  if (!rate || !published(numerator)) {
    return nullptr;
  }
  return *rate;
}

std::string csv_field(const boost::json::value& v) {
  if (v.is_null()) {
    return "";
  }
  if (v.is_int64()) {
    return std::to_string(v.as_int64());
  }
  if (v.is_double()) {
    return fmt::format("{:.2f}", v.as_double());
  }
  return csv_cell(v.as_string());
}

// CSV (RFC 4180, CRLF) of `rows` with the given columns; a withheld count is an empty cell.
std::string csv(const boost::json::array& rows, std::initializer_list<const char*> columns) {
  std::string out;
  const char* sep = "";
  for (const auto* c : columns) {
    out += sep;
    out += c;
    sep = ",";
  }
  out += "\r\n";
  for (const auto& row : rows) {
    sep = "";
    for (const auto* c : columns) {
      out += sep;
      out += csv_field(row.as_object().at(c));
      sep = ",";
    }
    out += "\r\n";
  }
  return out;
}

boost::json::object office_json(const ppid_report& r) {
  const auto answered_on_time = r.answered_within_period + r.answered_within_extension;
  return {{"requests", count_json(r.received)},
          {"answered_on_time", count_json(answered_on_time)},
          {"answered_late", count_json(r.answered_late)},
          {"never_answered", count_json(r.never_answered)},
          {"pending", count_json(r.pending)},
          {"objections", count_json(r.objections)},
          {"disputes", count_json(r.disputes)},
          {"dispute_rate", rate_json(r.dispute_rate, r.disputes)}};
}

boost::json::object ki_json(const ki_report& r) {
  return {{"received", count_json(r.received)},
          {"registered", count_json(r.registered)},
          {"decided", count_json(r.decided)},
          {"decided_on_time", count_json(r.decided_on_time)},
          {"decided_late", count_json(r.decided_late)},
          {"pending", count_json(r.pending)},
          {"clearance_rate", rate_json(r.clearance_rate, r.received)}};
}

std::map<std::string, std::string> organisation_names(ports::transaction& tx) {
  std::map<std::string, std::string> out;
  for (auto& o : tx.organisations().list()) {
    out.emplace(o.code, std::move(o.name));
  }
  return out;
}

boost::json::object period_json(const period& p) {
  return {{"from", domain::format_iso_date(p.from)}, {"to", domain::format_iso_date(p.to)}};
}

}  // namespace

public_statistics public_statistics_of(ports::database& db, ports::transaction& tx, const period& p,
                                       domain::civil_date today) {
  const auto ppid = tallies_of(db, tx, {tally_kind::ppid, {}}, p, today);
  const auto ki = tallies_of(db, tx, {tally_kind::ki, {}}, p, today);
  const auto names = organisation_names(tx);
  const auto name_of = [&](const std::string& code) {
    const auto it = names.find(code);
    return it == names.end() ? code : it->second;
  };

  boost::json::array offices;
  for (const auto& [code, r] : ppid_by_office(ppid, p, today)) {
    auto row = office_json(r);
    row.emplace("organisation", code);
    row.emplace("name", name_of(code));
    offices.push_back(std::move(row));
  }
  boost::json::array kis;
  for (const auto& [code, r] : ki_by_ki(ki, p, today)) {
    auto row = ki_json(r);
    row.emplace("organisation", code);
    row.emplace("name", name_of(code));
    kis.push_back(std::move(row));
  }
  public_statistics out;
  out.json = {
      {"period", period_json(p)},
      {"suppression_threshold", suppression_threshold},
      {"national", {{"ppid", office_json(ppid_measures(ppid, p, today))}, {"ki", ki_json(ki_measures(ki, p, today))}}},
      {"offices", offices},
      {"kis", kis}};
  out.offices_csv = csv(offices, {"organisation", "name", "requests", "answered_on_time", "answered_late",
                                  "never_answered", "pending", "objections", "disputes", "dispute_rate"});
  out.kis_csv = csv(kis, {"organisation", "name", "received", "registered", "decided", "decided_on_time",
                          "decided_late", "pending", "clearance_rate"});
  return out;
}

// The register reads one page in its order (ports::report_repository::register_page), one row more than
// asked to tell whether another page follows; public_register keeps the order and what a row must have.
boost::json::object public_dispute_register_json(ports::transaction& tx, const period& p, domain::civil_date today,
                                                 const register_page& page) {
  std::optional<ports::register_position> after;
  if (page.cursor) {
    auto keys = read_page_cursor(*page.cursor, "register", 3);
    const auto on = domain::parse_iso_date(keys[1]);
    if (!on) {
      throw bad_request("Kursor tidak valid / Invalid cursor", "cursor");
    }
    after = ports::register_position{std::move(keys[0]), *on, std::move(keys[2])};
  }
  std::vector<dispute_fact> disputes;
  for (auto& row : tx.reports().register_page(p.from, p.to, after, page.limit + 1)) {
    if (row.fact) {
      disputes.push_back(std::move(*row.fact));
    }
  }
  const auto names = organisation_names(tx);
  const auto name_of = [&](const std::string& code) {
    const auto it = names.find(code);
    return it == names.end() ? code : it->second;
  };
  auto rows_in_order = public_register(disputes, p);
  boost::json::value next_cursor = nullptr;
  if (rows_in_order.size() > static_cast<std::size_t>(page.limit)) {
    rows_in_order.resize(static_cast<std::size_t>(page.limit));
    if (!rows_in_order.empty()) {
      const auto& last = *rows_in_order.back();
      next_cursor =
          page_cursor("register", {last.ki, domain::format_iso_date(*last.registered_on), *last.register_number});
    }
  }
  boost::json::array rows;
  for (const auto* d : rows_in_order) {
    rows.push_back(boost::json::object{
        {"register_number", *d->register_number},
        {"ki", name_of(d->ki)},
        {"respondent", name_of(d->respondent)},
        {"submitted_on", domain::format_iso_date(d->submitted_on)},
        {"registered_on", date_json(d->registered_on)},
        {"decided_on", date_json(d->decided_on)},
        {"closed_on", date_json(d->closed_on)},
        {"state", domain::disputes::to_string(d->state)},
        {"outcome",
         d->outcome ? boost::json::value(domain::disputes::to_string(*d->outcome)) : boost::json::value(nullptr)},
        {"completion_due", date_json(d->completion_due)},
        {"completion_clock", completion_clock_status(*d, today)},
    });
  }
  return {{"period", period_json(p)}, {"disputes", std::move(rows)}, {"next_cursor", std::move(next_cursor)}};
}

std::string public_dispute_register_csv(const boost::json::object& reg) {
  return csv(reg.at("disputes").as_array(),
             {"register_number", "ki", "respondent", "submitted_on", "registered_on", "decided_on", "closed_on",
              "state", "outcome", "completion_due", "completion_clock"});
}

}  // namespace perkara::api
