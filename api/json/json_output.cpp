#include "api/json/json_output.hpp"

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

namespace perkara::api {

response json_text_response(int status, std::string body) {
  response res;
  res.status = status;
  res.body = std::move(body);
  return res;
}

response json_response(int status, const boost::json::value& body) {
  return json_text_response(status, boost::json::serialize(body));
}

response versioned_json_response(int status, const boost::json::value& body, int version) {
  auto res = json_response(status, body);
  res.set_header("ETag", fmt::format("\"{}\"", version));
  return res;
}

boost::json::value optional_string(const std::optional<std::string>& s) {
  return s ? boost::json::value(*s) : boost::json::value(nullptr);
}

boost::json::value instant_json(const domain::offset_instant& t) {
  return boost::json::value(domain::format_rfc3339(t.utc, t.offset_minutes));
}
boost::json::value instant_json(const std::optional<domain::offset_instant>& t) {
  return t ? instant_json(*t) : boost::json::value(nullptr);
}
boost::json::value date_json(const std::optional<domain::civil_date>& d) {
  return d ? boost::json::value(domain::format_iso_date(*d)) : boost::json::value(nullptr);
}

std::string format_clock_time(int minute_of_day) { return fmt::format("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60); }

boost::json::object user_to_json(const domain::user& user) {
  boost::json::array roles;
  for (auto r : user.roles) {
    roles.emplace_back(domain::to_string(r));
  }
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"organisation", user.organisation},
          {"roles", std::move(roles)},
          {"active", user.active},
          {"email", user.email.empty() ? boost::json::value(nullptr) : boost::json::value(user.email)}};
}

boost::json::object organisation_to_json(const domain::organisation& org) {
  const int abs_offset = org.utc_offset_minutes < 0 ? -org.utc_offset_minutes : org.utc_offset_minutes;
  return {{"code", org.code},
          {"name", org.name},
          {"kind", domain::to_string(org.kind)},
          {"level", domain::to_string(org.level)},
          {"parent", optional_string(org.parent)},
          {"region_code", org.region_code},
          {"region_name", org.region_name},
          {"utc_offset", fmt::format("{}{:02}:{:02}", org.utc_offset_minutes < 0 ? '-' : '+', abs_offset / 60,
                                     abs_offset % 60)},
          {"office_hours",
           {{"open", format_clock_time(org.hours.open_minute)}, {"close", format_clock_time(org.hours.close_minute)}}},
          {"competent_ki", optional_string(org.competent_ki)}};
}

}  // namespace perkara::api
