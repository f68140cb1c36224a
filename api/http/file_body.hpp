#pragma once
// A response whose body is a stored file (a document download, docs/documents.md "Storage"): the
// handler names the file in this internal header instead of reading it into the body, as a web
// server's X-Sendfile works; the transport (server/http_server.cpp) removes the header and sends the
// file from the disk in pieces, so a large file is never in memory whole. Never sent to a client.

#include "api/http/message.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perkara::api {

inline constexpr std::string_view file_body_header = "X-Perkara-Body-File";

/// Makes `res` a file response: the body is the file at `path`.
inline void set_body_file(response& res, std::string path) {
  res.body.clear();
  res.set_header(std::string{file_body_header}, std::move(path));
}

/// The file a response names as its body, removing the internal header; nullopt for an ordinary body.
inline std::optional<std::string> take_body_file(response& res) {
  for (auto it = res.headers.begin(); it != res.headers.end(); ++it) {
    if (it->first == file_body_header) {
      auto path = std::move(it->second);
      res.headers.erase(it);
      return path;
    }
  }
  return std::nullopt;
}

}  // namespace perkara::api
