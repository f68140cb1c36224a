// GET /api/v1/organisations?kind=&level=&province=&q= and GET /api/v1/organisations/{code}: public
// reference data (codes, names, offsets and office hours carry no personal data). The national list has
// ~1,150 rows: `province` (a province code, "19") and `q` (part of the name or region name, any case)
// narrow it for the pickers.
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_output.hpp"
#include "domain/cases/search_text.hpp"
#include "domain/org/jurisdiction.hpp"

#include <string>
#include <string_view>

namespace perkara::api {
namespace {

response list_organisations(services& s, const request& req) {
  const auto kind_param = req.query_param("kind");
  const auto level_param = req.query_param("level");
  std::optional<domain::organisation_kind> kind;
  std::optional<domain::organisation_level> level;
  if (kind_param && !kind_param->empty() && !(kind = domain::parse_organisation_kind(*kind_param))) {
    throw validation_problem({{"kind", "harus ki, kpu, bawaslu atau dkpp / must be ki, kpu, bawaslu or dkpp"}});
  }
  if (level_param && !level_param->empty() && !(level = domain::parse_organisation_level(*level_param))) {
    throw validation_problem({{"level", "harus national, province atau regency / must be national, province or regency"}});
  }
  const auto province = req.query_param("province").value_or("");
  if (province.size() > 2 || province.find_first_not_of("0123456789") != std::string_view::npos) {
    throw validation_problem({{"province", "harus kode provinsi dua angka / must be a two-digit province code"}});
  }
  const auto query = domain::fold_for_search(req.query_param("q").value_or(""));
  if (query.size() > 100) {
    throw validation_problem({{"q", "paling banyak 100 karakter / at most 100 characters"}});
  }
  auto tx = s.db.begin(ports::access::read);
  boost::json::array items;
  for (const auto& org : tx->organisations().list()) {
    if ((kind && org.kind != *kind) || (level && org.level != *level)) {
      continue;
    }
    if (!province.empty() && domain::province_of(org.region_code) != province) {
      continue;
    }
    if (!query.empty() && domain::fold_for_search(org.name).find(query) == std::string::npos &&
        domain::fold_for_search(org.region_name).find(query) == std::string::npos) {
      continue;
    }
    items.push_back(organisation_to_json(org));
  }
  return json_response(200, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

response get_organisation(services& s, const route_params& p) {
  auto tx = s.db.begin(ports::access::read);
  const auto org = found_or_404(tx->organisations().find(p.get("code")));
  return json_response(200, organisation_to_json(org));
}

}  // namespace

void register_organisation_routes(router& r, services& s) {
  r.add("GET", "/api/v1/organisations", policy::public_route, call(s, list_organisations));
  r.add("GET", "/api/v1/organisations/{code}", policy::public_route,
        [&s](const request&, const route_params& p) { return get_organisation(s, p); });
}

}  // namespace perkara::api
