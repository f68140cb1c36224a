#include "server/static_files.hpp"

#include "api/auth/crypto.hpp"
#include "api/http/problem.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <set>
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

bool compressible(std::string_view content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
         content_type.starts_with("image/svg") || content_type.starts_with("application/manifest");
}

// The whole body as one gzip member (zlib, best compression: done once at startup).
std::string gzip(const std::string& body) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&zs, body.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  zs.avail_in = static_cast<uInt>(body.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string{};
}

// True when Accept-Encoding admits gzip (a "gzip" or "*" coding without q=0).
bool accepts_gzip(std::string_view header) {
  std::size_t start = 0;
  while (start < header.size()) {
    auto end = header.find(',', start);
    if (end == std::string_view::npos) {
      end = header.size();
    }
    auto item = header.substr(start, end - start);
    start = end + 1;
    const auto semi = item.find(';');
    auto coding = item.substr(0, semi);
    while (!coding.empty() && coding.front() == ' ') {
      coding.remove_prefix(1);
    }
    while (!coding.empty() && coding.back() == ' ') {
      coding.remove_suffix(1);
    }
    if (coding != "gzip" && coding != "x-gzip" && coding != "*") {
      continue;
    }
    if (semi == std::string_view::npos) {
      return true;
    }
    auto params = std::string{item.substr(semi + 1)};
    params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
    return !(params == "q=0" || params == "q=0.0" || params == "q=0.00" || params == "q=0.000");
  }
  return false;
}

// True when If-None-Match lists `etag` (or is "*"); weak comparison, as RFC 9110 section 13.1.2 asks.
bool none_match(std::string_view header, std::string_view etag) {
  std::size_t start = 0;
  while (start < header.size()) {
    auto end = header.find(',', start);
    if (end == std::string_view::npos) {
      end = header.size();
    }
    auto tag = header.substr(start, end - start);
    start = end + 1;
    while (!tag.empty() && tag.front() == ' ') {
      tag.remove_prefix(1);
    }
    while (!tag.empty() && tag.back() == ' ') {
      tag.remove_suffix(1);
    }
    if (tag.starts_with("W/")) {
      tag.remove_prefix(2);
    }
    if (tag == "*" || tag == etag) {
      return true;
    }
  }
  return false;
}

// "/js/pages/../api.js" -> "/js/api.js"; nullopt when it leaves the root.
std::optional<std::string> normalise(std::string_view path) {
  std::vector<std::string_view> out;
  for (const auto segment : split_segments(path)) {
    if (segment == ".") {
      continue;
    }
    if (segment == "..") {
      if (out.empty()) {
        return std::nullopt;
      }
      out.pop_back();
      continue;
    }
    out.push_back(segment);
  }
  std::string joined;
  for (const auto segment : out) {
    joined.append("/").append(segment);
  }
  return joined.empty() ? std::string{"/"} : joined;
}

std::string directory_of(const std::string& path) { return path.substr(0, path.rfind('/') + 1); }

bool is_module(const std::string& path) { return path.ends_with(".js") || path.ends_with(".mjs"); }

// Versions the references between the files of the web root (see the header).
class versioner {
 public:
  explicit versioner(std::map<std::string, static_files::asset>& assets) : assets_(assets) {}

  std::string version_of(const std::string& path) {
    auto& a = assets_.at(path);
    if (!a.version.empty()) {
      return a.version;
    }
    if (!visiting_.insert(path).second) {
      // An import cycle: this module's version cannot cover itself; use its own text (documented).
      return api::token_hash(a.body).substr(0, 16);
    }
    if (is_module(path)) {
      a.body = rewrite_imports(path, a.body);
    } else if (path.ends_with(".html")) {
      a.body = rewrite_html(a.body);
    }
    visiting_.erase(path);
    a.version = api::token_hash(a.body).substr(0, 16);
    return a.version;
  }

 private:
  // `from './x.js'`, `import './x.js'`, `import('./x.js')` with a relative specifier.
  std::string rewrite_imports(const std::string& path, const std::string& text) {
    static const std::regex specifier{R"(((?:\bfrom|\bimport)\s*\(?\s*)(['"])(\.{1,2}/[^'"?#]+)\2)"};
    return replace_all(text, specifier, [&](const std::smatch& m) -> std::optional<std::string> {
      const auto target = normalise(directory_of(path) + m[3].str());
      if (!target || !assets_.contains(*target)) {
        return std::nullopt;
      }
      return m[1].str() + m[2].str() + m[3].str() + "?v=" + version_of(*target) + m[2].str();
    });
  }

  // src="/..." and href="/..." naming a file of the root.
  std::string rewrite_html(const std::string& text) {
    static const std::regex attribute{R"(((?:src|href)=)(["'])(/[^"'?#]*)\2)"};
    return replace_all(text, attribute, [&](const std::smatch& m) -> std::optional<std::string> {
      const auto target = m[3].str();
      if (target == "/" || !assets_.contains(target)) {
        return std::nullopt;
      }
      return m[1].str() + m[2].str() + target + "?v=" + version_of(target) + m[2].str();
    });
  }

  template <class Replace>
  static std::string replace_all(const std::string& text, const std::regex& re, Replace replace) {
    std::string out;
    auto last = text.cbegin();
    for (std::sregex_iterator it{text.cbegin(), text.cend(), re}, end; it != end; ++it) {
      const auto& m = *it;
      out.append(last, m[0].first);
      const auto replacement = replace(m);
      out.append(replacement ? *replacement : m[0].str());
      last = m[0].second;
    }
    out.append(last, text.cend());
    return out;
  }

  std::map<std::string, static_files::asset>& assets_;
  std::set<std::string> visiting_;
};

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

static_files::static_files(const fs::path& root) : root_(fs::canonical(root)) {
  // Every regular file under the root, except dot files and anything a symlink takes outside it.
  for (auto it = fs::recursive_directory_iterator{root_}; it != fs::recursive_directory_iterator{}; ++it) {
    const auto name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) {
        it.disable_recursion_pending();
      }
      continue;
    }
    std::error_code ec;
    const auto target = fs::weakly_canonical(it->path(), ec);
    if (ec || !is_within(root_, target) || !fs::is_regular_file(target, ec)) {
      continue;
    }
    auto body = read_file(target);
    if (!body) {
      continue;
    }
    const auto relative = "/" + fs::relative(it->path(), root_).generic_string();
    assets_[relative] = asset{std::string{mime_type(name)}, std::move(*body), {}, {}};
  }
  versioner versions{assets_};
  for (auto& [path, a] : assets_) {
    versions.version_of(path);
  }
  for (auto& [path, a] : assets_) {
    if (compressible(a.content_type) && a.body.size() >= 256) {
      auto packed = gzip(a.body);
      if (!packed.empty() && packed.size() < a.body.size()) {
        a.gzipped = std::move(packed);
      }
    }
  }
}

const static_files::asset* static_files::find(const std::string& path) const {
  const auto it = assets_.find(path);
  return it == assets_.end() ? nullptr : &it->second;
}

api::response static_files::serve(const api::request& req) const {
  try {
    if (req.path.empty() || req.path.front() != '/') {
      return not_found(req);
    }
    const auto segments = split_segments(req.path);
    std::string relative;
    for (const auto segment : segments) {
      if (refused_segment(segment)) {
        return not_found(req);
      }
      relative.append("/").append(segment);
    }
    const asset* file = segments.empty() ? nullptr : find(relative);
    if (file == nullptr) {
      // SPA fallback: client-side routes have no extension; missing assets (with one) are 404.
      if (!segments.empty() && segments.back().find('.') != std::string_view::npos) {
        return not_found(req);
      }
      file = find("/index.html");
      if (file == nullptr) {
        return not_found(req);
      }
    }

    const bool gzipped = !file->gzipped.empty() && accepts_gzip(req.header("accept-encoding").value_or(""));
    const auto etag = "\"" + file->version + (gzipped ? "-gzip\"" : "\"");
    const auto version = req.query_param("v");
    api::response res;
    res.route = "static";
    res.set_header("ETag", etag);
    res.set_header("Cache-Control",
                   version && *version == file->version ? "public, max-age=31536000, immutable" : "no-cache");
    if (!file->gzipped.empty()) {
      res.set_header("Vary", "Accept-Encoding");
    }
    if (const auto match = req.header("if-none-match"); match && none_match(*match, etag)) {
      res.status = 304;
      res.content_type.clear();
      return res;
    }
    res.status = 200;
    res.content_type = file->content_type;
    if (gzipped) {
      res.set_header("Content-Encoding", "gzip");
      res.body = file->gzipped;
    } else {
      res.body = file->body;
    }
    return res;
  } catch (const std::exception&) {
    return not_found(req);
  }
}

}  // namespace perkara::server
