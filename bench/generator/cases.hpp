#pragma once
// Generated cases: an information request and a dispute per index, each driven from its start through
// the real state machines (domain/requests, domain/disputes) with the real clocks (api clock_context and
// clock_book over the reference data), numbered as the services number them, and encoded as the
// repositories store them (api to_document; the stored_request the request service keeps).

#include "bench/generator/random.hpp"
#include "bench/generator/reference.hpp"
#include "domain/ports/dispute_repository.hpp"
#include "domain/ports/request_repository.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace perkara::bench {

/// The rows of one request/dispute pair, as the server would have stored them after every step.
struct case_rows {
  std::vector<ports::stored_request> requests;
  std::vector<ports::dispute_document> disputes;
  std::vector<domain::deadline_record> deadlines;
  std::vector<domain::case_event> events;

  void clear();
  void append(case_rows&& other);
};

/// The counters of the sequences table by scope ("dispute:ki-jatim:2025", "request:kpu-surabaya:2026"),
/// with trial increments that can be thrown away (a case generated again at another start date).
class sequence_counters {
 public:
  long long next(const std::string& scope);
  void begin_trial();
  void commit_trial();
  void discard_trial();
  [[nodiscard]] const std::unordered_map<std::string, long long>& values() const { return values_; }

 private:
  std::unordered_map<std::string, long long> values_;
  std::unordered_map<std::string, long long> trial_;
  bool in_trial_ = false;
};

struct factory_options {
  std::uint64_t seed = 1;
  std::size_t cases = 0;           // N requests and N disputes
  domain::civil_date today{};      // every generated act happens before this date, in every time zone
  std::string benchmark_ki;        // the last cases are forced there, one or two in every state
  std::string benchmark_respondent;
};

class case_factory {
 public:
  case_factory(const reference_data& reference, factory_options options);
  ~case_factory();
  case_factory(const case_factory&) = delete;
  case_factory& operator=(const case_factory&) = delete;

  /// Appends request `index` and dispute `index` (0 <= index < cases) to `out`.
  void make(std::size_t index, case_rows& out);

  [[nodiscard]] const sequence_counters& sequences() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace perkara::bench
