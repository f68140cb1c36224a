#include "api/http/router.hpp"

#include "api/http/problem.hpp"
#include "domain/json_text.hpp"
#include "domain/ports/database.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <thread>

namespace perkara::api {
namespace {

// The segments of a path, as views into it; split once per request, not once per route.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    const auto stop = end == std::string_view::npos ? path.size() : end;
    out.push_back(path.substr(start, stop - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

bool is_json_content_type(std::string_view ct) {
  const auto semi = ct.find(';');
  auto media = ct.substr(0, semi);
  while (!media.empty() && media.back() == ' ') {
    media.remove_suffix(1);
  }
  return media == "application/json" || media == "application/merge-patch+json";
}

// SOCI error texts quote the statement and its bound values; keep only the part before them so that
// no personal data reaches the log.
std::string safe_error_text(std::string_view what) {
  const auto cut = what.find(" while ");
  return std::string{what.substr(0, std::min<std::size_t>(cut, 200))};
}

}  // namespace

const std::string& route_params::get(std::string_view name) const {
  static const std::string empty;
  for (const auto& [key, value] : values_) {
    if (key == name) {
      return value;
    }
  }
  return empty;
}

void router::add(std::string method, std::string pattern, access_policy access, handler h, route_options options) {
  std::vector<std::string> segments;
  for (const auto segment : split_path(pattern)) {
    segments.emplace_back(segment);
  }
  routes_.push_back({std::move(method), std::move(pattern), std::move(segments), access, std::move(h), options});
}

bool router::matches(const route& r, const std::vector<std::string_view>& segments, route_params* params) {
  if (segments.size() != r.segments.size()) {
    return false;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& pat = r.segments[i];
    if (pat.size() > 2 && pat.front() == '{' && pat.back() == '}') {
      if (segments[i].empty()) {
        return false;
      }
      if (params) {
        params->add(pat.substr(1, pat.size() - 2), std::string{segments[i]});
      }
    } else if (pat != segments[i]) {
      return false;
    }
  }
  return true;
}

const router::route* router::find(std::string_view method, std::string_view path) const {
  const auto segments = split_path(path);
  for (const auto& r : routes_) {
    if (r.method == method && matches(r, segments, nullptr)) {
      return &r;
    }
  }
  return nullptr;
}

std::size_t router::body_limit(std::string_view method, std::string_view path) const {
  const auto* r = find(method, path);
  return r ? r->options.body_limit : default_body_limit;
}

bool router::streams_body(std::string_view method, std::string_view path) const {
  const auto* r = find(method, path);
  return r && r->options.streamed_body;
}

execution router::execution_of(std::string_view method, std::string_view path) const {
  // HEAD is served by the GET route, as in handle().
  const auto* r = find(method == "HEAD" ? std::string_view{"GET"} : method, path);
  return r ? r->options.runs : execution::io_thread;
}

std::vector<route_entry> router::entries() const {
  std::vector<route_entry> out;
  for (const auto& r : routes_) {
    out.push_back({r.method, r.pattern, r.access});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : routes_) {
    out.emplace_back(r.method, r.pattern);
  }
  return out;
}

namespace {

/// How often a command whose transaction collided with a concurrent one is run in all (ports::
/// transient_conflict_error): a deadlock or a Galera certification conflict rolled everything back, so
/// running the handler again is safe. A streamed body was consumed by the first run and is not retried.
constexpr int attempts_after_conflict = 6;

/// A random pause before the next run, doubling with each (1-4 ms, then up to 64 ms): two servers
/// writing the same counter row through different cluster nodes otherwise collide again at once.
void back_off(int attempt) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const int ceiling = 4 << std::min(attempt - 1, 4);
  std::uniform_int_distribution<int> pause(1, ceiling);
  std::this_thread::sleep_for(std::chrono::milliseconds{pause(random)});
}

}  // namespace

response router::run_handler(const route& hit, const request& req, const route_params& params) const {
  for (int attempt = 1;; ++attempt) {
    req.access = &hit.access;
    req.access_enforced = false;
    try {
      return hit.fn(req, params);
    } catch (const ports::transient_conflict_error&) {
      if (attempt >= attempts_after_conflict || hit.options.streamed_body) throw;
      back_off(attempt);
      std::fprintf(stderr, "{\"level\":\"info\",\"request_id\":%s,\"event\":\"retried after a transaction conflict\"}\n",
                   domain::json_quote(req.request_id).c_str());
    }
  }
}

response router::handle(const request& req) const {
  std::string allow;
  const route* hit = nullptr;
  route_params params;
  const auto segments = split_path(req.path);
  for (const auto& r : routes_) {
    route_params candidate;
    if (!matches(r, segments, &candidate)) {
      continue;
    }
    if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
      hit = &r;
      params = std::move(candidate);
      break;
    }
    allow += allow.empty() ? r.method : ", " + r.method;
  }
  if (!hit) {
    if (!allow.empty()) {
      // The method is not repeated: it is the client's text, and need not be UTF-8 (found by fuzz/router.cpp).
      problem p{405, fmt::format("Metode tidak diizinkan di sini / Method not allowed; allowed: {}", allow)};
      p.headers.emplace_back("Allow", allow);
      auto res = problem_response(p, req);
      res.route = "unmatched";
      return res;
    }
    auto res = problem_response(not_found(), req);
    res.route = "unmatched";
    return res;
  }

  response res;
  try {
    if (hit->options.requires_json_body && !req.body.empty()) {
      const auto ct = req.header("content-type");
      if (!ct || !is_json_content_type(*ct)) {
        throw problem{415, "Isi permintaan harus application/json / Body must be application/json"};
      }
    }
    res = run_handler(*hit, req, params);
    if (hit->access.who() != audience::everyone && !req.access_enforced && res.status < 400) {
      // A handler of a non-public route answered without authenticate(): a bug, never a success.
      throw std::logic_error("route " + hit->pattern + " answered without checking its access policy");
    }
  } catch (const problem& p) {
    res = problem_response(p, req);
  } catch (const ports::over_budget_error&) {
    throw;  // the transport runs the request again where it may wait (api/application.hpp)
  } catch (const ports::conflict_error&) {
    res = problem_response(problem{409, "Data bertabrakan dengan yang sudah ada / Conflicts with existing data"}, req);
  } catch (const ports::transient_conflict_error&) {
    // Still colliding after every run: the client may send it again in a moment.
    problem p{503, "Basis data sedang sibuk, coba lagi / Database busy, try again"};
    p.headers.emplace_back("Retry-After", "1");
    res = problem_response(p, req);
  } catch (const ports::unavailable_error& e) {
    std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":\"%s\",\"error\":\"database unavailable\"}\n",
                 req.request_id.c_str());
    res = problem_response(problem{503, "Basis data tidak tersedia / Database unavailable"}, req);
  } catch (const std::exception& e) {
    if (const auto* budget = ports::read_budget::current(); budget != nullptr && budget->exceeded()) {
      // The database stopped a read at its budget; whatever the repository made of that, it is no error.
      throw ports::over_budget_error("read budget exceeded");
    }
    std::fprintf(stderr, "{\"level\":\"error\",\"request_id\":%s,\"route\":%s,\"error\":%s}\n",
                 domain::json_quote(req.request_id).c_str(), domain::json_quote(hit->pattern).c_str(),
                 domain::json_quote(safe_error_text(e.what())).c_str());
    res = problem_response(problem{500, fmt::format("Terjadi kesalahan tak terduga / Unexpected error (request {})",
                                                    req.request_id)},
                           req);
  }
  res.route = hit->pattern;
  return res;
}

}  // namespace perkara::api
