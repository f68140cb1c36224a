// perkara-generate: fills a freshly migrated database with N requests and N disputes for the benchmarks.
//   perkara-generate --db URL --cases N [--seed S] [--today YYYY-MM-DD] --out DIR
// Exit codes as the perkara command: 0 success, 1 usage error, 2 configuration or database error
// (bad URL, unreachable, or already holding requests or disputes).
#include "bench/generator/generator.hpp"
#include "bench/generator/national_organisations.hpp"

#include <malloc.h>

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

namespace {

constexpr const char* usage =
    "usage: perkara-generate --db URL --cases N [--seed S] [--today YYYY-MM-DD] --out DIR\n"
    "  URL: sqlite:PATH or mysql://USER:PASSWORD@HOST:PORT/DATABASE (default: $PERKARA_DB)\n"
    "  Generates N information requests and N disputes (seed default 1, today default 2026-11-27) and writes\n"
    "  register-numbers.txt, dispute-ids.txt, actionable-dispute-ids.txt, request-ids.txt and summary.json to DIR.\n";

template <class T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

int fail_usage(const std::string& why) {
  std::cerr << "perkara-generate: " << why << "\n" << usage;
  return 1;
}

// One line: the first line of the message.
std::string one_line(std::string text) {
  if (const auto nl = text.find('\n'); nl != std::string::npos) {
    text.resize(nl);
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  // Keep freed memory in the process: returning it to the kernel and faulting it back in again costs
  // more than generating the rows in it (page faults are slow on virtual machines).
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  perkara::bench::generator_options options;
  if (const char* env = std::getenv("PERKARA_DB")) {
    options.database_url = env;
  }
  std::optional<std::size_t> cases;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << usage;
      return 0;
    }
    if (i + 1 >= argc) {
      return fail_usage(std::string(arg) + " needs a value");
    }
    const std::string_view value = argv[++i];
    if (arg == "--db") {
      options.database_url = value;
    } else if (arg == "--cases") {
      cases = parse_number<std::size_t>(value);
      if (!cases || *cases == 0 || *cases > 100'000'000) {
        return fail_usage("--cases must be a whole number from 1 to 100000000");
      }
    } else if (arg == "--seed") {
      const auto seed = parse_number<std::uint64_t>(value);
      if (!seed) {
        return fail_usage("--seed must be a whole number");
      }
      options.seed = *seed;
    } else if (arg == "--today") {
      const auto today = perkara::domain::parse_iso_date(value);
      if (!today) {
        return fail_usage("--today must be a date YYYY-MM-DD");
      }
      options.today = *today;
    } else if (arg == "--out") {
      options.out_dir = std::string(value);
    } else {
      return fail_usage("unknown option " + std::string(arg));
    }
  }
  if (options.database_url.empty() || !cases || options.out_dir.empty()) {
    return fail_usage("--db, --cases and --out are required");
  }
  options.cases = *cases;
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
