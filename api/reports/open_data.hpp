#pragma once
// The public statistics and open data downloads of issue 18 (docs/open-data.md "Open data"): national,
// per-office and per-KI measures with small counts withheld, and the public register of disputes. No
// personal data: built from the report facts, which carry none.

#include "domain/ports/database.hpp"
#include "domain/reports/period.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace perkara::api {

/// Every public measure of the period, counted as of `today`.
struct public_statistics {
  boost::json::object json;  // GET /api/v1/public/statistics
  std::string offices_csv;   // one row per office
  std::string kis_csv;       // one row per KI
};

public_statistics public_statistics_of(ports::transaction& tx, const domain::reports::period& p,
                                       domain::civil_date today);

/// The public register of disputes with a stage in the period: JSON (`{"period", "disputes": [...]}`) and CSV.
boost::json::object public_dispute_register_json(ports::transaction& tx, const domain::reports::period& p,
                                                 domain::civil_date today);
std::string public_dispute_register_csv(const boost::json::object& reg);

}  // namespace perkara::api
