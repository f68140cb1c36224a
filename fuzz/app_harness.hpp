#pragma once
// The real application for the fuzz targets: every route of rest_application over a scratch SQLite
// database, migrated, with the reference data and the demo users, requests and disputes of
// `perkara seed-demo`. Its transactions never commit (a handler's commit() is ignored and the
// transaction rolls back when it ends), so every input sees the same data and nothing grows.

#include "api/http/message.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::fuzz {

struct demo_caller {
  std::string username;
  std::string user_id;
  std::string token;  // a live session token
};

class app_harness {
 public:
  /// Built once per process (the first call sets up the database, which takes a few seconds).
  static app_harness& instance();

  /// Handles one request with a fresh application (so the in-memory login throttle starts empty).
  [[nodiscard]] api::response handle(const api::request& req) const;
  [[nodiscard]] std::size_t body_limit(std::string_view method, std::string_view path) const;

  [[nodiscard]] const std::vector<demo_caller>& callers() const { return callers_; }
  [[nodiscard]] const std::vector<std::string>& request_ids() const { return request_ids_; }
  [[nodiscard]] const std::vector<std::string>& dispute_ids() const { return dispute_ids_; }

  /// Builds an api::request as the transport would (nullopt target → the caller skips the input),
  /// authenticated as `who` by bearer token unless `who` is null.
  [[nodiscard]] static std::optional<api::request> make(std::string method, std::string_view target, std::string body,
                                                        const demo_caller* who);

  /// Aborts (a fuzzer finding) unless the response is a plausible answer: not a 5xx, and a JSON body
  /// that parses when the content type says JSON.
  static void check_response(const api::request& req, const api::response& res);

 private:
  app_harness();
  struct state;
  state* state_;  // lives for the process
  std::vector<demo_caller> callers_;
  std::vector<std::string> request_ids_;
  std::vector<std::string> dispute_ids_;
};

}  // namespace perkara::fuzz
