// Fuzz target: request targets (origin-form path + query string) as api::make_request splits and
// decodes them, and the query helpers the handlers use (api/json/json_input.hpp). A bad value must be a
// problem naming the parameter (400/422), never another exception.
#include "api/http/message.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

void check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

template <class F>
void expect_value_or_problem(F read) {
  try {
    read();
  } catch (const perkara::api::problem& p) {
    check(p.status() == 400 || p.status() == 422);
    check(!p.errors().empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace perkara::api;
  const std::string target{reinterpret_cast<const char*>(data), size};
  const auto req = make_request("GET", target, {{"Accept-Language", "id"}}, {}, "fuzz");
  if (!req) {
    return 0;
  }
  check(req->target == target);
  for (const auto& [key, value] : req->query) {
    check(req->query_param(key).has_value());
  }
  expect_value_or_problem([&] { (void)query_date(*req, "from"); });
  expect_value_or_problem([&] { (void)query_date(*req, "to"); });
  expect_value_or_problem([&] { (void)query_integer(*req, "year", 2000, 2100); });
  expect_value_or_problem([&] { (void)query_integer(*req, "limit", 1, 500); });
  expect_value_or_problem([&] { (void)query_integer(*req, "days", 0, 3650); });
  return 0;
}
