#include "persistence/detail/schema.hpp"

namespace perkara::persistence::detail {

// Migration 0006: dispute cases of the KI workflow (issue 5).
//
// Storage choice: the aggregate is one JSON document (`body`, encoded by the application layer) plus the
// columns the queries filter and sort on. The aggregate has many optional, nested parts (chronology,
// representative, hearings, orders, services, court objection...) that are always read and written
// whole, under one version check; a document keeps that one-row read-modify-write and keeps the schema
// stable as the workflow grows. What is queried across cases gets real columns and indexes: KI,
// respondent, state, next_due (overdue), registered_on (date range), register_number (unique per KI),
// search_text (`q`), and two projection tables: hearings (public calendar by date range and KI) and
// decisions (public list by KI and year). The projections are rewritten with every update.
std::vector<std::string_view> dispute_schema() {
  return {
      R"(CREATE TABLE disputes (
           id VARCHAR(64) NOT NULL PRIMARY KEY,
           ki VARCHAR(64) NOT NULL,
           respondent VARCHAR(64) NOT NULL,
           state VARCHAR(32) NOT NULL,
           outcome VARCHAR(32) NULL,
           version INTEGER NOT NULL,
           submitted_at BIGINT NOT NULL,
           registered_at BIGINT NULL,
           registered_on CHAR(10) NULL,
           register_number VARCHAR(128) NULL,
           request_id VARCHAR(64) NULL,
           next_due CHAR(10) NULL,
           search_text {TEXT} NOT NULL,
           body {TEXT} NOT NULL,
           CONSTRAINT uq_disputes_register_number UNIQUE (ki, register_number)
         ){OPTS})",
      "CREATE INDEX ix_disputes_ki ON disputes (ki, submitted_at, id)",
      "CREATE INDEX ix_disputes_respondent ON disputes (respondent, submitted_at, id)",
      "CREATE INDEX ix_disputes_state ON disputes (state, submitted_at)",
      "CREATE INDEX ix_disputes_next_due ON disputes (next_due)",
      "CREATE INDEX ix_disputes_registered_on ON disputes (registered_on)",
      "CREATE INDEX ix_disputes_register_number ON disputes (register_number)",
      "CREATE INDEX ix_disputes_request ON disputes (request_id)",
      R"(CREATE TABLE dispute_hearings (
           dispute_id VARCHAR(64) NOT NULL,
           hearing_id VARCHAR(16) NOT NULL,
           ki VARCHAR(64) NOT NULL,
           kind VARCHAR(32) NOT NULL,
           scheduled_at BIGINT NOT NULL,
           offset_minutes INTEGER NOT NULL,
           location VARCHAR(255) NOT NULL,
           PRIMARY KEY (dispute_id, hearing_id),
           CONSTRAINT fk_dispute_hearings_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id) ON DELETE CASCADE
         ){OPTS})",
      "CREATE INDEX ix_dispute_hearings_time ON dispute_hearings (scheduled_at)",
      "CREATE INDEX ix_dispute_hearings_ki_time ON dispute_hearings (ki, scheduled_at)",
      R"(CREATE TABLE dispute_decisions (
           dispute_id VARCHAR(64) NOT NULL PRIMARY KEY,
           ki VARCHAR(64) NOT NULL,
           decision_year INTEGER NOT NULL,
           decision_number VARCHAR(128) NOT NULL,
           outcome VARCHAR(32) NOT NULL,
           read_at BIGINT NOT NULL,
           CONSTRAINT fk_dispute_decisions_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id) ON DELETE CASCADE
         ){OPTS})",
      "CREATE INDEX ix_dispute_decisions_ki_year ON dispute_decisions (ki, decision_year, read_at)",
      "CREATE INDEX ix_dispute_decisions_year ON dispute_decisions (decision_year, read_at)",
      // Register and decision number templates per KI (docs/legal-sources.md §6.1, Q12: each KI has its own
      // pattern). A KI without a row uses the defaults of domain/numbering with a code derived from its
      // organisation code (api/disputes/numbering.cpp).
      R"(CREATE TABLE dispute_numbering (
           ki VARCHAR(64) NOT NULL PRIMARY KEY,
           ki_code VARCHAR(32) NOT NULL,
           register_template VARCHAR(128) NOT NULL,
           decision_template VARCHAR(128) NOT NULL
         ){OPTS})",
      "INSERT INTO dispute_numbering (ki, ki_code, register_template, decision_template) VALUES "
      "('ki-pusat', 'KIP', '{seq:03}/{ki_code}-PSIP/{month_roman}/{year}', "
      "'{seq:03}/{ki_code}-PSIP-{route}/{month_roman}/{year}')",
      "INSERT INTO dispute_numbering (ki, ki_code, register_template, decision_template) VALUES "
      "('ki-babel', 'KI-BABEL', '{seq:03}/{ki_code}-PSIP/{month_roman}/{year}', "
      "'{seq:03}/{ki_code}-PSIP-{route}/{month_roman}/{year}')",
  };
}

}  // namespace perkara::persistence::detail
