#pragma once
// main() of the micro-benchmarks: Google Benchmark's own, with a shorter default --benchmark_min_time
// (0.2 s instead of 0.5 s) so that scripts/bench runs every binary with 3 repetitions in about 30 s.
// A --benchmark_min_time on the command line still wins.

#include <benchmark/benchmark.h>

#include <string_view>
#include <vector>

namespace perkara::bench {

inline int run_benchmarks(int argc, char** argv) {
  static char default_min_time[] = "--benchmark_min_time=0.2";
  std::vector<char*> args(argv, argv + argc);
  bool given = false;
  for (const char* a : args) {
    given = given || std::string_view(a).starts_with("--benchmark_min_time");
  }
  if (!given) {
    args.insert(args.begin() + 1, default_min_time);
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace perkara::bench
