#pragma once
// Which address a request comes from (docs/security.md "Login and sessions"). Normally the socket's
// peer. Behind a reverse proxy every peer is the proxy, so for peers listed with --trusted-proxy the
// last X-Forwarded-For hop is taken instead: that is the address the proxy itself saw (earlier hops were
// written by the client and prove nothing). A header from any other peer is ignored.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::server {

/// The address in canonical text (IPv4-mapped IPv6 addresses as IPv4), or nullopt when `text` is not
/// an IP address.
std::optional<std::string> canonical_address(std::string_view text);

/// The client's address: `peer`, or the last hop of `forwarded_for` (every X-Forwarded-For value in
/// order) when `peer` is one of `trusted_proxies` (canonical) and that hop is a valid address.
std::string client_address(const std::string& peer, const std::vector<std::string_view>& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace perkara::server
