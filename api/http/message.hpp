#pragma once
// Transport-neutral HTTP messages. The server converts Beast messages to and from these, so the api
// layer (and its tests) never touch sockets or heavy Beast headers.

#include "domain/ports/file_store.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perkara::api {

class access_policy;

struct request {
  std::string method;  // upper case, e.g. "GET"
  std::string target;  // as received, e.g. "/api/v1/holidays?year=2024"
  std::string path;    // percent-decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;    // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower case
  std::string body;
  /// A streamed body (route_options::streamed_body): already written to the file store's staging
  /// area and hashed; `body` is then empty. The transport removes the staged file after the handler
  /// unless the handler kept it.
  std::optional<ports::staged_file> staged_body;
  std::string request_id;
  /// The client's IP address as the server saw it: the socket's peer, or the last X-Forwarded-For hop
  /// when the peer is a trusted proxy (server/client_address.hpp). Empty when unknown.
  std::string client_address;
  // Set by the router for the route it matched (api/auth/access_policy.hpp); authenticate() enforces
  // the policy and records that it ran, so the router can tell a handler that never checked.
  mutable const access_policy* access = nullptr;
  mutable bool access_enforced = false;

  [[nodiscard]] std::optional<std::string_view> header(std::string_view lower_name) const;
  [[nodiscard]] std::optional<std::string_view> query_param(std::string_view name) const;
};

/// Builds a request, splitting and decoding `target`. Returns nullopt for a target that is not a
/// valid origin-form URI (the caller answers 400).
std::optional<request> make_request(std::string method, std::string_view target,
                                    std::vector<std::pair<std::string, std::string>> headers, std::string body,
                                    std::string request_id);

struct response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (ETag, Allow, Set-Cookie...)
  std::string body;
  std::string route;  // the route pattern that handled it ("unmatched" otherwise), for logs and metrics

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
};

}  // namespace perkara::api
