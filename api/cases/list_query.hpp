#pragma once
// The filters every case list reads from its query string, the same for every kind.

#include "api/http/message.hpp"
#include "domain/time/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perkara::api {

/// state, respondent, overdue (true / false), q (folded search), a date range (`<date>_from`,
/// `<date>_to`: the kind's own date, received_ for requests, registered_ for disputes), limit, cursor.
struct case_list_query {
  std::optional<std::string> state;
  std::optional<std::string> respondent;
  bool overdue = false;
  std::optional<std::string> q;
  std::optional<domain::civil_date> from;
  std::optional<domain::civil_date> to;
  int limit = 50;
  std::optional<std::string> cursor;
};

/// The query's filters; 422 naming the parameter when one is malformed.
case_list_query read_case_list_query(const request& req, std::string_view date_name);

}  // namespace perkara::api
