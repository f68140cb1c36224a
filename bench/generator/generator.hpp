#pragma once
// The benchmark data generator (issue 7): fills a freshly migrated database (SQLite or MariaDB) with N
// information requests and N disputes across a national set of KIs and respondents, with their events,
// hearings, decisions, deadlines and register sequences, and writes the id lists the wrk scripts read.

#include "domain/time/civil_date.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>

namespace perkara::bench {

struct generator_options {
  std::string database_url;  // what `perkara --db` takes: sqlite:PATH or mysql://...
  std::size_t cases = 10000;
  std::uint64_t seed = 1;
  domain::civil_date today{std::chrono::year{2026}, std::chrono::November, std::chrono::day{27}};
  std::filesystem::path out_dir;
  /// Progress lines (about every 10%); nothing when empty.
  std::function<void(const std::string&)> progress;
};

struct generation_summary {
  std::string backend;  // "sqlite" or "mysql"
  std::size_t cases = 0;
  std::uint64_t seed = 0;
  domain::civil_date today{};
  std::string benchmark_ki;
  std::string benchmark_respondent;
  std::map<std::string, std::uint64_t> tables;          // rows written per table
  std::map<std::string, std::uint64_t> request_states;  // requests per state
  std::map<std::string, std::uint64_t> dispute_states;  // disputes per state
  std::map<std::string, std::uint64_t> lists;           // lines per written list
  std::uint64_t overdue_requests = 0;                   // awaiting the respondent past the due date
  std::uint64_t overdue_disputes = 0;                   // next_due before today
  std::uint64_t overdue_disputes_at_benchmark_ki = 0;
  double seconds = 0;
  double rows_per_second = 0;

  /// Every count (not the timing): equal for two runs with the same cases, seed and today.
  [[nodiscard]] bool same_counts(const generation_summary& other) const;
  [[nodiscard]] std::string to_json() const;
};

/// The database already holds requests or disputes (the CLI exits 2).
class database_not_empty : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Migrates the database (idempotent), refuses one holding requests or disputes, adds the synthetic
/// organisations, generates and inserts everything, sets the sequences past the generated numbers, and
/// writes register-numbers.txt, dispute-ids.txt, actionable-dispute-ids.txt, request-ids.txt and
/// summary.json to options.out_dir. Throws database_not_empty, persistence errors, or std::runtime_error.
generation_summary generate(const generator_options& options);

}  // namespace perkara::bench
