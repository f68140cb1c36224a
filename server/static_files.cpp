#include "server/static_files.hpp"

#include "api/http/problem.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perkara::server {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t max_file_size = 64 * 1024 * 1024;

std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    const auto stop = end == std::string_view::npos ? path.size() : end;
    if (stop > start) {
      out.push_back(path.substr(start, stop - start));
    }
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

// A segment we never serve: empty names are skipped earlier; "." and ".." (traversal) and dot files
// (.git, .env) are refused, as are separators and NUL smuggled in through percent-encoding.
bool refused_segment(std::string_view segment) {
  return segment.front() == '.' || segment.find_first_of(std::string_view{"\\\0:", 3}) != std::string_view::npos;
}

bool is_within(const fs::path& root, const fs::path& candidate) {
  const auto [r, c] = std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end());
  return r == root.end();
}

std::optional<std::string> read_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    return std::nullopt;
  }
  const auto size = fs::file_size(file, ec);
  if (ec || size > max_file_size) {
    return std::nullopt;
  }
  std::ifstream in{file, std::ios::binary};
  if (!in) {
    return std::nullopt;
  }
  std::string body;
  body.assign(std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{});
  if (in.bad()) {
    return std::nullopt;
  }
  return body;
}

api::response not_found(const api::request& req) {
  auto res = api::problem_response(api::not_found(), req);
  res.route = "static";
  return res;
}

}  // namespace

bool is_static_candidate(std::string_view method, std::string_view path) {
  if (method != "GET" && method != "HEAD") {
    return false;
  }
  const auto segments = split_segments(path);
  if (segments.empty()) {
    return true;
  }
  static constexpr std::array<std::string_view, 4> reserved{"api", "healthz", "readyz", "metrics"};
  return std::find(reserved.begin(), reserved.end(), segments.front()) == reserved.end();
}

std::string_view mime_type(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) {
    return "application/octet-stream";
  }
  std::string ext{file_name.substr(dot + 1)};
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 13> types{{
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"ico", "image/x-icon"},
      {"woff2", "font/woff2"},
      {"txt", "text/plain; charset=utf-8"},
      {"webmanifest", "application/manifest+json"},
  }};
  for (const auto& [known, type] : types) {
    if (ext == known) {
      return type;
    }
  }
  return "application/octet-stream";
}

static_files::static_files(const fs::path& root) : root_(fs::canonical(root)) {}

api::response static_files::serve(const api::request& req) const {
  try {
    if (req.path.empty() || req.path.front() != '/') {
      return not_found(req);
    }
    const auto segments = split_segments(req.path);
    fs::path relative;
    for (const auto segment : segments) {
      if (refused_segment(segment)) {
        return not_found(req);
      }
      relative /= fs::path{std::string{segment}};
    }

    fs::path file;
    std::optional<std::string> body;
    if (!segments.empty()) {
      std::error_code ec;
      // Resolve symlinks and check the result is still under the root.
      const auto candidate = fs::weakly_canonical(root_ / relative, ec);
      if (ec || !is_within(root_, candidate)) {
        return not_found(req);
      }
      file = candidate;
      body = read_file(file);
    }
    if (!body) {
      // SPA fallback: client-side routes have no extension; missing assets (with one) are 404.
      if (!segments.empty() && segments.back().find('.') != std::string_view::npos) {
        return not_found(req);
      }
      file = root_ / "index.html";
      body = read_file(file);
      if (!body) {
        return not_found(req);
      }
    }

    api::response res;
    res.status = 200;
    res.content_type = std::string{mime_type(file.filename().string())};
    res.body = std::move(*body);
    res.route = "static";
    res.set_header("Cache-Control", "no-cache");
    return res;
  } catch (const std::exception&) {
    return not_found(req);
  }
}

}  // namespace perkara::server
