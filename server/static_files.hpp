#pragma once
// Static files for the web UI: GET/HEAD of non-API paths are served from a web root, with no path
// traversal, known MIME types, `Cache-Control: no-cache` and an index.html fallback for client-side
// (SPA) routes. Serving reads the file system, so the transport calls it on the worker pool.

#include "api/http/message.hpp"

#include <filesystem>
#include <string_view>

namespace perkara::server {

/// True when `method path` belongs to the static handler: GET or HEAD outside /api, /healthz,
/// /readyz and /metrics.
bool is_static_candidate(std::string_view method, std::string_view path);

/// The Content-Type for a file name, by extension (application/octet-stream when unknown).
std::string_view mime_type(std::string_view file_name);

class static_files {
 public:
  /// `root` must exist; it is resolved once here.
  explicit static_files(const std::filesystem::path& root);

  /// Answers a GET/HEAD for `req.path` (decoded). Traversal attempts, dot files and missing files
  /// with an extension get a 404 problem; extension-less misses get index.html. Never throws.
  [[nodiscard]] api::response serve(const api::request& req) const;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;  // canonical
};

}  // namespace perkara::server
