#pragma once
// Whether the transport can tell where a request's body ends (RFC 9112 section 6). Beast reads a body
// as chunked only when `chunked` is the final transfer coding and treats any other Transfer-Encoding
// as "no body", so the body of `Transfer-Encoding: gzip` would be parsed as the next request (request
// smuggling). This check runs on the parsed head, before any body is read; a refusal is answered and
// the connection closed. Kept apart from the Beast session loop so it can be unit-tested.

#include <optional>
#include <string>
#include <string_view>

namespace perkara::server {

struct framing_refusal {
  int status;          // 400, or 501 for a coding we do not implement
  std::string detail;  // Indonesian / English
};

/// `s` without the spaces and tabs around it (optional white space, RFC 9110 section 5.6.3).
std::string_view trim_ows(std::string_view s);

/// `transfer_encoding` is every Transfer-Encoding field of the request joined with ", " (nullopt when
/// there is none); `has_content_length` whether a Content-Length field came too; `version` as Beast
/// gives it (11 = HTTP/1.1). nullopt when the request is framed in a way the server reads.
std::optional<framing_refusal> check_request_framing(std::optional<std::string_view> transfer_encoding,
                                                     bool has_content_length, unsigned version);

}  // namespace perkara::server
