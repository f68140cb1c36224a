#include "server/request_head.hpp"

#include <utility>
#include <vector>

namespace perkara::server {

std::optional<api::request> to_api_request(const boost::beast::http::request_header<>& head, std::string request_id) {
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& field : head) {
    headers.emplace_back(std::string{field.name_string()}, std::string{field.value()});
  }
  return api::make_request(std::string{head.method_string()}, head.target(), std::move(headers), {},
                           std::move(request_id));
}

}  // namespace perkara::server
