#include "server/client_address.hpp"
#include "server/request_framing.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

namespace perkara::server {

std::optional<std::string> canonical_address(std::string_view text) {
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string{trim_ows(text)}, ec);
  if (ec) {
    return std::nullopt;
  }
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6());
  }
  return address.to_string();
}

std::string client_address(const std::string& peer, const std::vector<std::string_view>& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (forwarded_for.empty() || std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end()) {
    return peer;
  }
  // Several X-Forwarded-For fields form one comma-separated list, in order (RFC 9110 section 5.3).
  const std::string_view last_field = forwarded_for.back();
  const auto comma = last_field.rfind(',');
  const auto hop = comma == std::string_view::npos ? last_field : last_field.substr(comma + 1);
  return canonical_address(hop).value_or(peer);
}

}  // namespace perkara::server
