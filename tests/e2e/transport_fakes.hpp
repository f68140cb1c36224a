#pragma once
// Fake applications for the transport tests: an echo app with slow and throwing paths, and an adapter
// that puts a real api::router behind api::application.

#include "api/application.hpp"
#include "api/http/problem.hpp"
#include "api/http/router.hpp"
#include "domain/ports/database.hpp"
#include "support/eventually.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

namespace perkara::e2e {

// Where a request waits until the test lets it go: the test, not a sleep, decides that a request is
// still in flight (tests/README.md, "Timing").
class gate {
 public:
  /// Called by the handler: says it has arrived, then waits until open() (at most testing::patience,
  /// so a test that fails before opening still ends).
  void pass() const {
    std::unique_lock lock{mutex_};
    arrived_ = true;
    changed_.notify_all();
    changed_.wait_for(lock, testing::patience, [this] { return open_; });
  }
  /// Called by the test: true once a handler waits here.
  [[nodiscard]] bool wait_for_arrival() const {
    std::unique_lock lock{mutex_};
    return changed_.wait_for(lock, testing::patience, [this] { return arrived_; });
  }
  void open() {
    const std::lock_guard lock{mutex_};
    open_ = true;
    changed_.notify_all();
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  mutable bool arrived_ = false;
  bool open_ = false;
};

// Echoes method, path, body size and query count. "/held" waits at `held` until the test opens it,
// "/slow" sleeps 500 ms (flagging that it started), "/throw" throws although handle() promises not to,
// "/small" has a 16-byte body limit. Where each runs (api::execution): "/inline" on the I/O thread,
// "/bounded" and "/bounded-over" as bounded reads; "/bounded-over" acts as a read the database stops
// at its budget, and where it may wait (no budget) it waits at `held_read`. handled_on() tells on
// which thread a path last ran.
class echo_app : public api::application {
 public:
  [[nodiscard]] api::response handle(const api::request& req) const override {
    calls.fetch_add(1);
    {
      const std::lock_guard lock{threads_mutex_};
      threads_[req.path] = std::this_thread::get_id();
    }
    if (req.path == "/held") {
      held.pass();
    }
    if (req.path == "/bounded-over") {
      if (auto* budget = ports::read_budget::current()) {
        budget->mark_exceeded();
        throw ports::over_budget_error("stopped at the budget");
      }
      held_read.pass();
    }
    if (req.path == "/slow") {
      slow_started.store(true);
      std::this_thread::sleep_for(std::chrono::milliseconds{500});
    }
    if (req.path == "/throw") {
      throw std::runtime_error("secret internals");
    }
    api::response res;
    res.status = req.path == "/created" ? 201 : req.path == "/empty" ? 204 : 200;
    res.route = req.path == "/users/123" ? "/users/{id}" : "/echo";
    res.body = "{\"method\":\"" + req.method + "\",\"path\":\"" + req.path + "\",\"body_size\":" +
               std::to_string(req.body.size()) + ",\"query\":" + std::to_string(req.query.size()) +
               ",\"request_id\":\"" + req.request_id + "\"}";
    if (req.path == "/empty") {
      res.body.clear();
    }
    if (req.path == "/html") {
      res.content_type = "text/html; charset=utf-8";
      res.body = "<!doctype html><title>x</title>";
    }
    return res;
  }
  [[nodiscard]] std::size_t body_limit(std::string_view, std::string_view path) const override {
    return path == "/small" ? 16 : 1024 * 1024;
  }
  [[nodiscard]] api::execution execution_of(std::string_view, std::string_view path) const override {
    if (path == "/inline") {
      return api::execution::io_thread;
    }
    return path == "/bounded" || path == "/bounded-over" ? api::execution::bounded_read : api::execution::worker;
  }
  [[nodiscard]] std::thread::id handled_on(const std::string& path) const {
    const std::lock_guard lock{threads_mutex_};
    const auto it = threads_.find(path);
    return it == threads_.end() ? std::thread::id{} : it->second;
  }

  mutable std::atomic<int> calls{0};
  mutable std::atomic<bool> slow_started{false};
  gate held;
  gate held_read;

 private:
  mutable std::mutex threads_mutex_;
  mutable std::map<std::string, std::thread::id> threads_;
};

// A real router: GET/PUT /api/v1/things/{id}, POST /api/v1/things (JSON body required).
class router_app : public api::application {
 public:
  router_app() {
    router_.add("GET", "/api/v1/things/{id}", api::policy::public_route, [](const api::request&, const api::route_params& p) {
      api::response res;
      res.body = "{\"id\":\"" + p.get("id") + "\"}";
      return res;
    });
    router_.add("PUT", "/api/v1/things/{id}", api::policy::public_route, [](const api::request&, const api::route_params&) {
      return api::response{};
    });
    router_.add(
        "POST", "/api/v1/things", api::policy::public_route,
        [](const api::request& req, const api::route_params&) -> api::response {
          if (req.body.empty() || req.body.front() != '{' || req.body.back() != '}') {
            throw api::bad_request("Malformed JSON");
          }
          api::response res;
          res.status = 201;
          res.body = req.body;
          return res;
        },
        api::route_options{.body_limit = 64, .requires_json_body = true});
  }
  [[nodiscard]] api::response handle(const api::request& req) const override { return router_.handle(req); }
  [[nodiscard]] std::size_t body_limit(std::string_view method, std::string_view path) const override {
    return router_.body_limit(method, path);
  }

 private:
  api::router router_;
};

}  // namespace perkara::e2e
