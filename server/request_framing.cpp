#include "server/request_framing.hpp"

#include <boost/beast/core/string.hpp>

#include <vector>

namespace perkara::server {

std::string_view trim_ows(std::string_view s) {
  constexpr std::string_view whitespace = " \t";
  const auto first = s.find_first_not_of(whitespace);
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(whitespace) - first + 1);
}

namespace {

// The codings of a Transfer-Encoding list, in order; empty list elements are skipped (RFC 9110
// section 5.6.1). A coding keeps its parameters (`gzip;q=1` is not `gzip`, `chunked;x=1` not `chunked`).
std::vector<std::string_view> codings(std::string_view value) {
  std::vector<std::string_view> out;
  while (!value.empty()) {
    const auto comma = value.find(',');
    const auto item = trim_ows(value.substr(0, comma));
    if (!item.empty()) {
      out.push_back(item);
    }
    value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
  }
  return out;
}

bool is_chunked(std::string_view coding) { return boost::beast::iequals(coding, "chunked"); }

framing_refusal bad(std::string detail) { return {400, std::move(detail)}; }

}  // namespace

std::optional<framing_refusal> check_request_framing(std::optional<std::string_view> transfer_encoding,
                                                     bool has_content_length, unsigned version) {
  if (!transfer_encoding) {
    return std::nullopt;
  }
  // HTTP/1.0 has no transfer codings: the framing is faulty (RFC 9112 section 6.1).
  if (version < 11) {
    return bad("Transfer-Encoding tidak berlaku untuk HTTP/1.0 / Transfer-Encoding is not valid in HTTP/1.0");
  }
  // Both framings at once: the two ends may disagree about the length (RFC 9112 section 6.3).
  if (has_content_length) {
    return bad("Transfer-Encoding dan Content-Length bersamaan / Transfer-Encoding together with Content-Length");
  }
  const auto list = codings(*transfer_encoding);
  // Chunked must be the final coding, or the length cannot be known (RFC 9112 section 6.3, item 4)
  // and must not be applied twice (section 6.1).
  if (list.empty() || !is_chunked(list.back())) {
    return bad("Transfer-Encoding harus diakhiri chunked / Transfer-Encoding must end with chunked");
  }
  for (std::size_t i = 0; i + 1 < list.size(); ++i) {
    if (is_chunked(list[i])) {
      return bad("chunked hanya boleh sekali / chunked may be applied only once");
    }
  }
  // Framed, but with a coding under chunked (gzip, …) that this server does not decode (RFC 9112
  // section 6.1: 501).
  if (list.size() > 1) {
    return framing_refusal{501, "Hanya Transfer-Encoding chunked yang didukung / Only the chunked transfer coding "
                                "is supported"};
  }
  return std::nullopt;
}

}  // namespace perkara::server
