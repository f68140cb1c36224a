#include "api/cases/list_query.hpp"

#include "api/cases/case_support.hpp"
#include "api/json/json_input.hpp"

#include <fmt/format.h>

namespace perkara::api {

case_list_query read_case_list_query(const request& req, std::string_view date_name) {
  case_list_query q;
  q.state = query_text(req, "state");
  q.respondent = query_text(req, "respondent");
  q.overdue = query_flag(req, "overdue");
  q.q = query_text(req, "q");
  q.from = query_date(req, fmt::format("{}_from", date_name));
  q.to = query_date(req, fmt::format("{}_to", date_name));
  q.limit = page_limit(req);
  q.cursor = query_text(req, "cursor");
  return q;
}

}  // namespace perkara::api
