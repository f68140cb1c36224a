// Register numbers stay unique and gapless under concurrent registrations, and concurrent identical
// actions have exactly one winner (std::thread, one connection each).
#include "e2e/disputes_fixture.hpp"

#include <fmt/format.h>

#include <atomic>
#include <set>
#include <thread>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::disputes;

TEST_SUITE("e2e disputes concurrency") {
  TEST_CASE("50 concurrent registrations at one KI get 001..050 with no gap or duplicate") {
    fixture f;
    constexpr int n = 50;
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
      ids.push_back(f.submit());
    }
    std::vector<std::string> numbers(n);
    std::vector<int> statuses(n);
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        try {
          const auto r = f.act_raw(ids[static_cast<std::size_t>(i)], "register", "{}", f.registrar);
          statuses[static_cast<std::size_t>(i)] = r.status;
          if (r.status == 200) {
            numbers[static_cast<std::size_t>(i)] = text_of(json_of(r), "register_number");
          }
        } catch (const std::exception&) {
          statuses[static_cast<std::size_t>(i)] = -1;
        }
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    std::set<std::string> unique;
    for (int i = 0; i < n; ++i) {
      CAPTURE(i);
      CHECK(statuses[static_cast<std::size_t>(i)] == 200);
      unique.insert(numbers[static_cast<std::size_t>(i)]);
    }
    CHECK(unique.size() == static_cast<std::size_t>(n));
    for (int i = 1; i <= n; ++i) {
      CAPTURE(i);
      CHECK(unique.contains(fmt::format("{:03}/KI-BABEL-PSIP/II/2024", i)));
    }
  }

  TEST_CASE("20 concurrent identical actions on one case: exactly one wins, one event") {
    fixture f;
    const auto id = f.submit();
    f.act(id, "register", "{}", f.registrar);
    constexpr int n = 20;
    std::atomic<int> ok{0}, conflict{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&] {
        try {
          const auto r = f.act_raw(id, "open_preliminary_examination", "{}", f.commissioner);
          (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
        } catch (const std::exception&) {
          other++;
        }
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    CHECK(ok.load() == 1);
    CHECK(conflict.load() == n - 1);
    CHECK(other.load() == 0);
    const auto events = json_of(f.s.get("/api/v1/disputes/" + id + "/events", f.registrar));
    int count = 0;
    for (const auto& e : events.at("items").as_array()) {
      count += e.at("action").as_string() == "open_preliminary_examination" ? 1 : 0;
    }
    CHECK(count == 1);
    CHECK(f.get(id, f.registrar).at("version").as_int64() == 3);
  }
}
