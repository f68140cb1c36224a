#pragma once
// The step from a parsed Beast request head to the api layer's transport-neutral request, kept apart
// from the session loop so the HTTP fuzz target (fuzz/http_request.cpp) runs the same conversion.

#include "api/http/message.hpp"

#include <boost/beast/http/message.hpp>

#include <optional>
#include <string>

namespace perkara::server {

/// Method, target and header fields of `head` as an api::request without a body; nullopt when the
/// target is not a valid origin-form URI (the server answers 400).
std::optional<api::request> to_api_request(const boost::beast::http::request_header<>& head, std::string request_id);

}  // namespace perkara::server
