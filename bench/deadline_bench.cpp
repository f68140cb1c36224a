// Deadline benchmarks: one computation (with and without the skipped-day list), the bare due date,
// add_working_days, working_days_between, status, and calendar construction. Inputs are pre-generated
// random receipts over 2019-2026 on the real holiday calendar (holidays-id.csv).
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPERKARA_BENCH=ON -DPERKARA_TESTS=OFF
//   make -C build-bench perkara_bench_deadline && build-bench/bench/perkara_bench_deadline

#include "bench/bench_main.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/deadline/compute.hpp"
#include "domain/deadline/status.hpp"
#include "domain/support/holidays_fixture.hpp"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

namespace {

using namespace perkara::domain;

constexpr std::size_t input_count = 4096;  // a power of two, cycled with a mask

struct inputs {
  std::vector<instant> received;
  std::vector<civil_date> dates;
  std::vector<int> days;
};

const inputs& random_inputs() {
  static const inputs in = [] {
    inputs r;
    std::mt19937 rng{20240214U};
    const auto first = to_days(perkara::test::d("2019-01-01"));
    std::uniform_int_distribution<int> day(0, 8 * 365);
    std::uniform_int_distribution<int> minute(0, 24 * 60 - 1);
    std::uniform_int_distribution<int> n(0, 40);
    for (std::size_t i = 0; i < input_count; ++i) {
      const auto date = first + std::chrono::days{day(rng)};
      r.dates.push_back(from_days(date));
      r.received.push_back(std::chrono::sys_seconds{date} + std::chrono::minutes{minute(rng) - 7 * 60});
      r.days.push_back(n(rng));
    }
    return r;
  }();
  return in;
}

const working_calendar& calendar() {
  static const working_calendar cal = perkara::test::real_calendar();
  return cal;
}

ruleset perki_rules() {
  ruleset r;
  r.name = "perki_1_2019";
  r.version = 1;
  r.periods = {{"objection_filing", std::nullopt, 30, period_unit::working_days, "ground_arises", "", confidence::unverified, ""},
               {"atasan_response", 3, std::nullopt, period_unit::working_days, "objection_received",
                "Pasal 14 (secondary)", confidence::secondary, ""},
               {"ppid_response", 3, std::nullopt, period_unit::working_days, "request_received",
                "PERKI 1/2019 Pasal 12 (secondary)", confidence::secondary, ""}};
  return r;
}

void compute(benchmark::State& state, bool list_skipped) {
  const auto& in = random_inputs();
  const auto& cal = calendar();
  const auto rules = perki_rules();
  const office_hours hours{};
  std::size_t i = 0;
  for (auto _ : state) {
    deadline_query q;
    q.received_at = in.received[i & (input_count - 1)];
    q.list_skipped = list_skipped;
    auto result = compute_deadline(cal, hours, 420, rules, "ppid_response", q);
    benchmark::DoNotOptimize(result);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_compute_deadline_with_skipped(benchmark::State& state) { compute(state, true); }
void BM_compute_deadline_without_skipped(benchmark::State& state) { compute(state, false); }

void BM_compute_deadline_raw_days_0_40(benchmark::State& state) {
  const auto& in = random_inputs();
  const auto& cal = calendar();
  std::size_t i = 0;
  for (auto _ : state) {
    deadline_query q;
    q.from = in.dates[i & (input_count - 1)];
    auto result = compute_deadline(cal, office_hours{}, 420, counting_rules{}, in.days[i & (input_count - 1)],
                                   period_unit::working_days, q);
    benchmark::DoNotOptimize(result);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_due_date_only(benchmark::State& state) {
  const auto& in = random_inputs();
  const auto& cal = calendar();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto r = deem_received(cal, office_hours{}, 420, counting_rules{}, in.received[i & (input_count - 1)]);
    auto due = due_date(cal, r.deemed_received, 3, period_unit::working_days);
    benchmark::DoNotOptimize(due);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_add_working_days(benchmark::State& state) {
  const auto& in = random_inputs();
  const auto& cal = calendar();
  std::size_t i = 0;
  for (auto _ : state) {
    auto due = cal.add_working_days(in.dates[i & (input_count - 1)], in.days[i & (input_count - 1)]);
    benchmark::DoNotOptimize(due);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_working_days_between(benchmark::State& state) {
  const auto& in = random_inputs();
  const auto& cal = calendar();
  std::size_t i = 0;
  for (auto _ : state) {
    auto n = cal.working_days_between(in.dates[i & (input_count - 1)], in.dates[(i + 1) & (input_count - 1)]);
    benchmark::DoNotOptimize(n);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_evaluate_status(benchmark::State& state) {
  const auto& in = random_inputs();
  const auto& cal = calendar();
  std::size_t i = 0;
  for (auto _ : state) {
    auto s = evaluate(in.dates[i & (input_count - 1)], std::nullopt, in.dates[(i + 7) & (input_count - 1)], cal);
    benchmark::DoNotOptimize(s);
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_calendar_construction(benchmark::State& state) {
  const auto& rows = perkara::test::national_holidays();
  for (auto _ : state) {
    working_calendar cal{rows, counting_rules{}};
    benchmark::DoNotOptimize(cal);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_compute_deadline_with_skipped);
BENCHMARK(BM_compute_deadline_without_skipped);
BENCHMARK(BM_compute_deadline_raw_days_0_40);
BENCHMARK(BM_due_date_only);
BENCHMARK(BM_add_working_days);
BENCHMARK(BM_working_days_between);
BENCHMARK(BM_evaluate_status);
BENCHMARK(BM_calendar_construction);

}  // namespace

int main(int argc, char** argv) { return perkara::bench::run_benchmarks(argc, argv); }
