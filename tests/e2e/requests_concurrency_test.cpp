// The PPID workflow under concurrency, each thread on its own HTTP connection: one request acted on
// 20 times at once (exactly one wins, exactly one event), and 50 creations at once (gapless numbers).
#include "e2e/requests_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

using namespace perkara;
using namespace perkara::e2e;
using namespace perkara::e2e::requests;

TEST_SUITE("e2e requests concurrency") {
  TEST_CASE("20 concurrent identical actions: exactly one succeeds, exactly one event") {
    live_server s;
    actors a(s);
    const auto id = str(create(s, a.ppid).at("id"));
    const auto body = boost::json::serialize(boost::json::object{
        {"decision", "granted"}, {"reasons", ""}, {"responded_at", "2024-02-07T10:00:00+07:00"}});
    std::atomic<int> ok{0}, conflict{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 20; ++i) {
      threads.emplace_back([&] {
        const auto r = s.post("/api/v1/requests/" + id + "/actions/respond", body, a.ppid);
        (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    CHECK(ok.load() == 1);
    CHECK(conflict.load() == 19);
    CHECK(other.load() == 0);
    const auto events = json_of(s.get("/api/v1/requests/" + id + "/events", a.ppid));
    const auto& items = events.at("items").as_array();
    CHECK(std::count_if(items.begin(), items.end(), [](const auto& e) { return e.at("action").as_string() == "respond"; }) == 1);
    CHECK(json_of(s.get("/api/v1/requests/" + id, a.ppid)).at("version").as_int64() == 2);
  }

  TEST_CASE("50 concurrent creations get numbers 0001..0050 without gaps or duplicates") {
    live_server s;
    actors a(s);
    std::mutex mutex;
    std::vector<std::string> numbers;
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 50; ++i) {
      threads.emplace_back([&] {
        const auto r = s.post("/api/v1/requests", boost::json::serialize(new_request()), a.ppid);
        if (r.status != 201) {
          ++failed;
          return;
        }
        std::lock_guard lock{mutex};
        numbers.push_back(str(json_of(r).at("number")));
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    CHECK(failed.load() == 0);
    std::sort(numbers.begin(), numbers.end());
    REQUIRE(numbers.size() == 50);
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      CHECK(numbers[i] == fmt::format("{:04}/PPID-KPU-PANGKALPINANG/II/2024", i + 1));
    }
  }
}
