// Fuzz target: the router with the real route table (fuzz/app_harness.hpp): any method and request
// target, with or without a session, reaches a route or a 404/405 problem, never a 5xx; the body
// limit lookup agrees with the route table. Input: byte 0 picks the caller (or none), then
// "METHOD TARGET" up to the first newline, then the body.
#include "fuzz/app_harness.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace perkara;
  if (size < 1) {
    return 0;
  }
  auto& app = fuzz::app_harness::instance();
  const auto& callers = app.callers();
  const unsigned who = data[0];
  const fuzz::demo_caller* caller = who < callers.size() * 8 ? &callers[who % callers.size()] : nullptr;

  const std::string_view text{reinterpret_cast<const char*>(data) + 1, size - 1};
  const auto line_end = text.find('\n');
  const auto line = text.substr(0, line_end);
  const auto body = line_end == std::string_view::npos ? std::string_view{} : text.substr(line_end + 1);
  const auto space = line.find(' ');
  if (space == std::string_view::npos || space == 0) {
    return 0;
  }
  const auto method = line.substr(0, space);
  const auto target = line.substr(space + 1);
  const auto req = fuzz::app_harness::make(std::string{method}, target, std::string{body}, caller);
  if (!req) {
    return 0;
  }
  const std::size_t limit = app.body_limit(req->method, req->path);
  if (limit == 0) {
    std::abort();
  }
  if (req->body.size() > limit) {
    return 0;  // the transport answers 413 before the application sees it
  }
  fuzz::app_harness::check_response(*req, app.handle(*req));
  return 0;
}

// The database is set up before the first input, so its few seconds do not count against -timeout.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)perkara::fuzz::app_harness::instance();
  return 0;
}
