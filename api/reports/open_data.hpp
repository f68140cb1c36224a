#pragma once
// The public statistics and open data downloads of issue 18 (docs/open-data.md "Open data"): national,
// per-office and per-KI measures with small counts withheld, and the public register of disputes. No
// personal data: built from the report facts, which carry none.

#include "domain/ports/database.hpp"
#include "domain/reports/period.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace perkara::api {

/// Every public measure of the period, counted as of `today`.
struct public_statistics {
  boost::json::object json;  // GET /api/v1/public/statistics
  std::string offices_csv;   // one row per office
  std::string kis_csv;       // one row per KI
};

/// From the tallies of every office and KI (api/reports/report_tallies.hpp), the missing stored through `db`.
public_statistics public_statistics_of(ports::database& db, ports::transaction& tx, const domain::reports::period& p,
                                       domain::civil_date today);

/// Which page of the public register: at most `limit` rows after the position `cursor` names (the
/// `next_cursor` of the page before; none: the first page).
struct register_page {
  int limit = 50;
  std::optional<std::string> cursor;
};

/// One page of the public register of disputes with a stage in the period, in register order: JSON
/// (`{"period", "disputes": [...], "next_cursor"}`, next_cursor null on the last page) and CSV.
boost::json::object public_dispute_register_json(ports::transaction& tx, const domain::reports::period& p,
                                                 domain::civil_date today, const register_page& page);
std::string public_dispute_register_csv(const boost::json::object& reg);

}  // namespace perkara::api
