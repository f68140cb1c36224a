#pragma once
// The client address a connection is counted under for the per-address connection cap: an IPv4
// address as it is (an IPv4-mapped IPv6 address as its IPv4 address), an IPv6 address by its /64
// prefix, since one subscriber is usually given a whole /64 and could otherwise open connections
// from as many addresses as it likes.

#include <boost/asio/ip/address.hpp>

namespace perkara::server {

boost::asio::ip::address connection_count_key(const boost::asio::ip::address& peer);

}  // namespace perkara::server
