#pragma once
// The reference data a generator run reads once from the database (organisations, rule sets, each
// organisation's holidays, election periods, KI numbering), and a read-only ports::transaction over it.
// The api layer's clock_context, clock_book and numbering_for take a transaction; run over this one they
// compute every deadline and number exactly as the server does, without a database round trip per case.

#include "domain/ports/database.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace perkara::bench {

struct reference_data {
  std::vector<domain::organisation> organisations;
  std::unordered_map<std::string, std::vector<domain::holiday>> holidays;  // holiday_repository::list_for per code
  std::vector<domain::ruleset> rulesets;                                     // every version
  std::vector<domain::election_period> election_periods;
  std::map<std::string, ports::dispute_numbering> numbering;               // stored per-KI numbering
};

/// Reads everything above in one read transaction.
reference_data load_reference(ports::database& db);

/// Serves organisations, holidays, rule sets and dispute numbering from `data`. Deadlines saved through
/// it are appended to the sink set with collect_deadlines (ids from the id source); every other
/// repository throws std::logic_error (the generator writes rows itself).
class reference_transaction final : public ports::transaction {
 public:
  explicit reference_transaction(const reference_data& data);
  ~reference_transaction() override;
  reference_transaction(const reference_transaction&) = delete;
  reference_transaction& operator=(const reference_transaction&) = delete;

  /// Where clock_book::save() puts the records, and how new records get their ids.
  void collect_deadlines(std::vector<domain::deadline_record>* sink, std::function<std::string()> ids);

  ports::organisation_repository& organisations() override;
  ports::user_repository& users() override;
  ports::session_repository& sessions() override;
  ports::holiday_repository& holidays() override;
  ports::ruleset_repository& rulesets() override;
  ports::audit_repository& audit() override;
  ports::deadline_repository& deadlines() override;
  ports::event_repository& events() override;
  ports::sequence_repository& sequences() override;
  ports::request_repository& requests() override;
  ports::dispute_repository& disputes() override;
  ports::login_attempt_repository& login_attempts() override;
  ports::letter_repository& letters() override;
  ports::document_repository& documents() override;
  ports::notice_outbox& notices() override;
  ports::report_repository& reports() override;
  ports::deadline_sweep_repository& sweeps() override;
  void commit() override {}

 private:
  struct repositories;
  std::unique_ptr<repositories> repos_;
};

}  // namespace perkara::bench
