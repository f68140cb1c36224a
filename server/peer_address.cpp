#include "server/peer_address.hpp"

namespace perkara::server {

boost::asio::ip::address connection_count_key(const boost::asio::ip::address& peer) {
  namespace ip = boost::asio::ip;
  if (!peer.is_v6()) {
    return peer;
  }
  const auto v6 = peer.to_v6();
  if (v6.is_v4_mapped()) {
    return ip::make_address_v4(ip::v4_mapped, v6);
  }
  auto bytes = v6.to_bytes();
  for (std::size_t i = 8; i < bytes.size(); ++i) {
    bytes[i] = 0;
  }
  return ip::address_v6{bytes};
}

}  // namespace perkara::server
