#include "server/client_address.hpp"

#include <doctest/doctest.h>

using perkara::server::canonical_address;
using perkara::server::client_address;

TEST_SUITE("client_address") {
  TEST_CASE("addresses are canonical, IPv4-mapped IPv6 as IPv4") {
    CHECK(canonical_address("203.0.113.7") == std::optional<std::string>{"203.0.113.7"});
    CHECK(canonical_address(" ::ffff:203.0.113.7 ") == std::optional<std::string>{"203.0.113.7"});
    CHECK(canonical_address("2001:DB8::1") == std::optional<std::string>{"2001:db8::1"});
    CHECK_FALSE(canonical_address("example.org"));
    CHECK_FALSE(canonical_address(""));
    CHECK_FALSE(canonical_address("203.0.113.7:8080"));
  }

  TEST_CASE("X-Forwarded-For counts only from a trusted proxy, and only its last hop") {
    const std::vector<std::string> proxies{"10.0.0.1"};
    struct row {
      const char* what;
      const char* peer;
      std::vector<std::string_view> forwarded;
      const char* expected;
    };
    const row rows[] = {
        {"no header", "10.0.0.1", {}, "10.0.0.1"},
        {"untrusted peer: header ignored", "192.0.2.5", {"198.51.100.1"}, "192.0.2.5"},
        {"trusted peer: the hop it saw", "10.0.0.1", {"198.51.100.1"}, "198.51.100.1"},
        {"client-written hops before it are ignored", "10.0.0.1", {"1.2.3.4, 198.51.100.1"}, "198.51.100.1"},
        {"several fields: the last one's last hop", "10.0.0.1", {"1.2.3.4", "5.6.7.8,198.51.100.1"}, "198.51.100.1"},
        {"garbage hop: the peer", "10.0.0.1", {"198.51.100.1, unknown"}, "10.0.0.1"},
        {"empty hop: the peer", "10.0.0.1", {"198.51.100.1,"}, "10.0.0.1"},
    };
    for (const auto& r : rows) {
      const std::string what{r.what};
      CAPTURE(what);
      CHECK(client_address(r.peer, r.forwarded, proxies) == r.expected);
    }
  }
}
