#pragma once
// Static files for the web UI: GET/HEAD of non-API paths are served from a web root, with no path
// traversal, known MIME types and an index.html fallback for client-side (SPA) routes.
//
// The web root is read once, at startup (docs/performance.md, "Static files"): each file gets a strong
// ETag (a SHA-256 prefix of what is sent) and, when text, a gzip copy sent to clients that accept
// it (Vary: Accept-Encoding). Every reference to another file of the root in index.html (src/href
// "/...") and in a JavaScript module (static and dynamic relative imports) carries `?v=<version>` of
// that file, where a module's version covers the modules it imports; a request with the current
// version is cacheable for a year (immutable), anything else is `no-cache` and revalidated with
// If-None-Match (304). So a changed file reaches browsers at their next page load, after a restart.

#include "api/http/message.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace perkara::server {

/// True when `method path` belongs to the static handler: GET or HEAD outside /api, /healthz,
/// /readyz and /metrics.
bool is_static_candidate(std::string_view method, std::string_view path);

/// The Content-Type for a file name, by extension (application/octet-stream when unknown).
std::string_view mime_type(std::string_view file_name);

class static_files {
 public:
  /// `root` must exist; it is resolved and read once here.
  explicit static_files(const std::filesystem::path& root);

  /// Answers a GET/HEAD for `req.path` (decoded). Traversal attempts, dot files and missing files
  /// with an extension get a 404 problem; extension-less misses get index.html. Never throws.
  [[nodiscard]] api::response serve(const api::request& req) const;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

  /// One file as it is served.
  struct asset {
    std::string content_type;
    std::string body;     // with versioned references (index.html, modules)
    std::string gzipped;  // empty when not worth compressing
    std::string version;  // 16 hex digits of SHA-256(body); also the ETag
  };

  /// The asset at `path` ("/js/main.js"), or nullptr.
  [[nodiscard]] const asset* find(const std::string& path) const;

 private:
  std::filesystem::path root_;  // canonical
  std::map<std::string, asset> assets_;
};

}  // namespace perkara::server
