#include "api/http/message.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <cctype>

namespace perkara::api {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::optional<std::string_view> request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (iequals(name, lower_name)) {
      return std::string_view{value};
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> request::query_param(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) {
      return std::string_view{value};
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) {
      return std::string_view{value};
    }
  }
  return std::nullopt;
}

std::optional<request> make_request(std::string method, std::string_view target,
                                    std::vector<std::pair<std::string, std::string>> headers, std::string body,
                                    std::string request_id) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) {
    return std::nullopt;
  }
  request req;
  req.method = std::move(method);
  req.target = std::string{target};
  req.path = std::string{parsed->path()};  // decoded
  for (auto param : parsed->params()) {
    req.query.emplace_back(std::string{param.key}, param.has_value ? std::string{param.value} : std::string{});
  }
  for (auto& [name, value] : headers) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  req.headers = std::move(headers);
  req.body = std::move(body);
  req.request_id = std::move(request_id);
  return req;
}

}  // namespace perkara::api
