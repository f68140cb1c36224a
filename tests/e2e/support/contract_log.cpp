#include "e2e/support/contract_log.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <vector>

namespace perkara::e2e {
namespace {

std::vector<std::string> segments_of(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    out.push_back(path.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return out;
}

bool pattern_matches(const std::string& pattern, const std::string& path) {
  const auto want = segments_of(pattern);
  const auto have = segments_of(path);
  if (want.size() != have.size()) {
    return false;
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    const bool parameter = want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}';
    if (parameter ? have[i].empty() : want[i] != have[i]) {
      return false;
    }
  }
  return true;
}

// The router's own rule: the first registered route with this method whose
// pattern matches (HEAD is served by GET).
boost::json::value matched_pattern(const api::router& routes, const std::string& method, const std::string& path) {
  for (const auto& [route_method, pattern] : routes.routes()) {
    if ((route_method == method || (method == "HEAD" && route_method == "GET")) && pattern_matches(pattern, path)) {
      return boost::json::value(pattern);
    }
  }
  return nullptr;
}

}  // namespace

void record_exchange(const api::router& routes, const std::string& method, const std::string& target,
                     const http_reply& reply) {
  const char* dir = std::getenv("PERKARA_CONTRACT_LOG");
  if (dir == nullptr || *dir == '\0') {
    return;
  }
  const auto path = target.substr(0, target.find('?'));
  boost::json::object line;
  line["method"] = method;
  line["target"] = target;
  line["route"] = matched_pattern(routes, method, path);
  line["status"] = reply.status;
  line["content_type"] = reply.header("Content-Type").value_or("");
  line["body"] = reply.body;
  static std::mutex mutex;  // the concurrency tests send from several threads
  const std::scoped_lock lock{mutex};
  std::ofstream out{std::string{dir} + "/" + std::to_string(::getpid()) + ".jsonl", std::ios::app};
  out << boost::json::serialize(line) << '\n';
}

}  // namespace perkara::e2e
