// perkara-generate: fills a freshly migrated database with N requests and N disputes for the benchmarks.
//   perkara-generate --db URL --cases N [--seed S] [--today YYYY-MM-DD] --out DIR
// Exit codes as the perkara command: 0 success, 1 usage error, 2 configuration or database error
// (bad URL, unreachable, or already holding requests or disputes). The command line is parsed by CLI11,
// as the perkara command's is (server/cli.cpp).
#include "bench/generator/generator.hpp"
#include "bench/generator/national_organisations.hpp"

#include <CLI/CLI.hpp>
#include <malloc.h>

#include <cstdint>
#include <iostream>
#include <string>

namespace {

// One line: the first line of the message.
std::string one_line(std::string text) {
  if (const auto nl = text.find('\n'); nl != std::string::npos) {
    text.resize(nl);
  }
  return text;
}

const CLI::Validator iso_date{[](const std::string& text) -> std::string {
                                return perkara::domain::parse_iso_date(text) ? "" : "must be a date YYYY-MM-DD";
                              },
                              "YYYY-MM-DD"};

}  // namespace

int main(int argc, char** argv) {
  // Keep freed memory in the process: returning it to the kernel and faulting it back in again costs
  // more than generating the rows in it (page faults are slow on virtual machines).
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  perkara::bench::generator_options options;
  std::string today;
  CLI::App app{
      "Generates N information requests and N disputes and writes register-numbers.txt, dispute-ids.txt,\n"
      "actionable-dispute-ids.txt, request-ids.txt and summary.json to DIR.",
      "perkara-generate"};
  app.add_option("--db", options.database_url, "sqlite:PATH or mysql://USER:PASSWORD@HOST:PORT/DATABASE")
      ->envname("PERKARA_DB")
      ->required();
  app.add_option("--cases", options.cases, "How many requests and how many disputes")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}))
      ->required();
  app.add_option("--seed", options.seed, "Random seed")->capture_default_str();
  app.add_option("--today", today, "The generator's today (default 2026-11-27)")->check(iso_date);
  app.add_option("--out", options.out_dir, "Directory for the id lists and summary.json")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? 0 : 1;  // --help is 0; every usage error is 1, as for perkara
  }
  if (!today.empty()) {
    options.today = *perkara::domain::parse_iso_date(today);
  }
  options.progress = [](const std::string& line) { std::cerr << line << std::endl; };
  try {
    const auto summary = perkara::bench::generate(options);
    std::cout << summary.to_json() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "perkara-generate: " << one_line(e.what()) << "\n";
    return 2;
  }
}
