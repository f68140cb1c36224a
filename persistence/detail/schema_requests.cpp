#include "domain/elections/election_periods_csv.hpp"
#include "persistence/detail/reference_loader.hpp"
#include "persistence/detail/schema.hpp"
#include "persistence/errors.hpp"

#include <soci/soci.h>

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace perkara::persistence::detail {

// Migration 0005: information requests of the PPID workflow (issue 4). One row per request: the
// aggregate in plain columns (instants as epoch seconds with the offset they were written in), plus
// the list columns the application layer maintains: next_due (earliest open deadline, '9999-12-31'
// when none, so keyset paging needs no NULL ordering), awaiting party and due (for ?overdue=true),
// received_date (respondent-local, for ?received_from/to) and search_text (lower-cased number,
// applicant name and information, for ?q=; the MariaDB collation is binary, so case folding is ours).
std::vector<std::string_view> request_schema() {
  return {
      R"(CREATE TABLE requests (
           id VARCHAR(64) NOT NULL PRIMARY KEY,
           number VARCHAR(128) NOT NULL,
           respondent VARCHAR(64) NOT NULL,
           received_at BIGINT NOT NULL,
           received_offset INTEGER NOT NULL,
           received_date CHAR(10) NOT NULL,
           channel VARCHAR(16) NOT NULL,
           applicant_kind VARCHAR(16) NOT NULL,
           applicant_name VARCHAR(255) NOT NULL,
           applicant_id_number VARCHAR(255) NULL,
           applicant_address {TEXT} NULL,
           applicant_email VARCHAR(255) NULL,
           applicant_phone VARCHAR(255) NULL,
           information_requested {TEXT} NOT NULL,
           purpose {TEXT} NOT NULL,
           format VARCHAR(255) NOT NULL,
           delivery_medium VARCHAR(255) NOT NULL,
           ruleset VARCHAR(64) NOT NULL,
           ruleset_version INTEGER NOT NULL,
           ruleset_reason VARCHAR(32) NOT NULL,
           election_code VARCHAR(64) NULL,
           election_name VARCHAR(255) NULL,
           ruleset_override_reason {TEXT} NULL,
           state VARCHAR(32) NOT NULL,
           version INTEGER NOT NULL,
           extension_reason {TEXT} NULL,
           extension_at BIGINT NULL,
           response_decision VARCHAR(32) NULL,
           response_reasons {TEXT} NULL,
           responded_at BIGINT NULL,
           responded_offset INTEGER NULL,
           objection_number VARCHAR(128) NULL,
           objection_grounds VARCHAR(32) NULL,
           objection_reasons {TEXT} NULL,
           objection_received_at BIGINT NULL,
           objection_offset INTEGER NULL,
           objection_answer_decision VARCHAR(32) NULL,
           objection_answer_reasons {TEXT} NULL,
           objection_answered_at BIGINT NULL,
           objection_answered_offset INTEGER NULL,
           closed_reason {TEXT} NULL,
           closed_at BIGINT NULL,
           dispute_id VARCHAR(64) NULL,
           dispute_ki VARCHAR(64) NULL,
           next_due CHAR(10) NOT NULL,
           awaiting_party VARCHAR(16) NOT NULL,
           awaiting_due CHAR(10) NULL,
           search_text {TEXT} NOT NULL,
           CONSTRAINT uq_requests_number UNIQUE (number),
           CONSTRAINT fk_requests_respondent FOREIGN KEY (respondent) REFERENCES organisations (code)
         ){OPTS})",
      "CREATE INDEX ix_requests_respondent_due ON requests (respondent, next_due, received_at, id)",
      "CREATE INDEX ix_requests_respondent_state ON requests (respondent, state, next_due)",
      "CREATE INDEX ix_requests_respondent_received ON requests (respondent, received_date)",
      "CREATE INDEX ix_requests_respondent_awaiting ON requests (respondent, awaiting_party, awaiting_due)",
      "CREATE INDEX ix_requests_dispute_ki ON requests (dispute_ki, next_due)",
      "CREATE INDEX ix_requests_applicant_name ON requests (applicant_name)",
      // Election stage periods (data/election_periods.csv), replaced on every migrate run.
      R"(CREATE TABLE election_periods (
           code VARCHAR(64) NOT NULL,
           region_prefix VARCHAR(16) NOT NULL,
           name VARCHAR(255) NOT NULL,
           kind VARCHAR(16) NOT NULL,
           start_date CHAR(10) NOT NULL,
           end_date CHAR(10) NOT NULL,
           source VARCHAR(1000) NOT NULL,
           confidence VARCHAR(16) NOT NULL,
           PRIMARY KEY (code, region_prefix)
         ){OPTS})",
  };
}

void load_election_periods(soci::session& sql, const std::filesystem::path& data_dir) {
  const auto file = data_dir / "election_periods.csv";
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return;  // a data directory without the file keeps what is stored (every request then suggests general)
  }
  std::ostringstream text;
  text << in.rdbuf();
  const auto parsed = domain::parse_election_periods_csv(text.str());
  if (!parsed.ok()) {
    const auto& e = parsed.errors.front();
    throw reference_data_error(fmt::format("{}:{}: {}", file.string(), e.line, e.message));
  }
  sql << "DELETE FROM election_periods";
  for (const auto& p : parsed.periods) {
    const std::string kind(domain::to_string(p.kind));
    const std::string start = domain::format_iso_date(p.start);
    const std::string end = domain::format_iso_date(p.end);
    const std::string confidence(domain::to_string(p.confidence_level));
    sql << "INSERT INTO election_periods (code, region_prefix, name, kind, start_date, end_date, source, confidence) "
           "VALUES (:c, :r, :n, :k, :s, :e, :src, :conf)",
        soci::use(p.code), soci::use(p.region_prefix), soci::use(p.name), soci::use(kind), soci::use(start),
        soci::use(end), soci::use(p.source), soci::use(confidence);
  }
}

}  // namespace perkara::persistence::detail
