#include "persistence/detail/schema.hpp"

namespace perkara::persistence::detail {

const std::vector<migration>& all_migrations() {
  using enum compatibility;
  static const std::vector<migration> migrations = {
      // The first schema (1-6), laid before any release: no binary predates it.
      {1,
       "0001_core",
       breaking,
       {
           R"(CREATE TABLE organisations (
                code VARCHAR(64) NOT NULL PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                kind VARCHAR(16) NOT NULL,
                level VARCHAR(16) NOT NULL,
                parent VARCHAR(64) NULL,
                region_code VARCHAR(16) NOT NULL,
                utc_offset_minutes INTEGER NOT NULL,
                office_open INTEGER NOT NULL,
                office_close INTEGER NOT NULL,
                competent_ki VARCHAR(64) NULL
              ){OPTS})",
           R"(CREATE TABLE users (
                id VARCHAR(64) NOT NULL PRIMARY KEY,
                username VARCHAR(190) NOT NULL,
                display_name VARCHAR(255) NOT NULL,
                organisation VARCHAR(64) NOT NULL,
                password_hash VARCHAR(255) NOT NULL,
                active SMALLINT NOT NULL,
                created_at BIGINT NOT NULL,
                CONSTRAINT uq_users_username UNIQUE (username),
                CONSTRAINT fk_users_organisation FOREIGN KEY (organisation) REFERENCES organisations (code)
              ){OPTS})",
           "CREATE INDEX ix_users_organisation ON users (organisation, username)",
           R"(CREATE TABLE user_roles (
                user_id VARCHAR(64) NOT NULL,
                role VARCHAR(32) NOT NULL,
                PRIMARY KEY (user_id, role),
                CONSTRAINT fk_user_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
              ){OPTS})",
           R"(CREATE TABLE sessions (
                token_hash CHAR(64) NOT NULL PRIMARY KEY,
                user_id VARCHAR(64) NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                revoked SMALLINT NOT NULL,
                CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
              ){OPTS})",
           "CREATE INDEX ix_sessions_user ON sessions (user_id)",
           R"(CREATE TABLE audit_log (
                id {ID},
                actor VARCHAR(64) NOT NULL,
                organisation VARCHAR(64) NOT NULL,
                at BIGINT NOT NULL,
                action VARCHAR(64) NOT NULL,
                object_type VARCHAR(64) NOT NULL,
                object_id VARCHAR(128) NOT NULL,
                details_json {TEXT} NOT NULL
              ){OPTS})",
           "CREATE INDEX ix_audit_object ON audit_log (object_type, object_id, at)",
           "CREATE INDEX ix_audit_organisation ON audit_log (organisation, at)",
       }},
      {2,
       "0002_calendar_and_rules",
       breaking,
       {
           // organisation is '' for national / cuti bersama / election days, so it can be part of the key.
           // The two admin flags protect an admin's edit or deletion from later migrate runs.
           R"(CREATE TABLE holidays (
                holiday_date CHAR(10) NOT NULL,
                organisation VARCHAR(64) NOT NULL,
                kind VARCHAR(16) NOT NULL,
                name_id VARCHAR(255) NOT NULL,
                name_en VARCHAR(255) NOT NULL,
                source VARCHAR(128) NOT NULL,
                changed_by_admin SMALLINT NOT NULL,
                deleted_by_admin SMALLINT NOT NULL,
                PRIMARY KEY (holiday_date, organisation)
              ){OPTS})",
           R"(CREATE TABLE rulesets (
                name VARCHAR(64) NOT NULL,
                version INTEGER NOT NULL,
                effective_from CHAR(10) NOT NULL,
                title VARCHAR(255) NOT NULL,
                source VARCHAR(255) NOT NULL,
                after_hours_next_working_day SMALLINT NOT NULL,
                cuti_bersama_is_holiday SMALLINT NOT NULL,
                PRIMARY KEY (name, version)
              ){OPTS})",
           "CREATE INDEX ix_rulesets_effective ON rulesets (name, effective_from)",
           R"(CREATE TABLE ruleset_periods (
                ruleset VARCHAR(64) NOT NULL,
                version INTEGER NOT NULL,
                position INTEGER NOT NULL,
                period_key VARCHAR(64) NOT NULL,
                value INTEGER NULL,
                fallback INTEGER NULL,
                unit VARCHAR(16) NOT NULL,
                start_event VARCHAR(64) NOT NULL,
                source VARCHAR(255) NOT NULL,
                confidence VARCHAR(16) NOT NULL,
                note VARCHAR(1000) NOT NULL,
                PRIMARY KEY (ruleset, version, period_key),
                CONSTRAINT fk_ruleset_periods_ruleset FOREIGN KEY (ruleset, version)
                  REFERENCES rulesets (name, version) ON DELETE CASCADE
              ){OPTS})",
       }},
      {3,
       "0003_deadlines_and_events",
       breaking,
       {
           R"(CREATE TABLE deadlines (
                id VARCHAR(64) NOT NULL PRIMARY KEY,
                case_type VARCHAR(16) NOT NULL,
                case_id VARCHAR(64) NOT NULL,
                period_key VARCHAR(64) NOT NULL,
                organisation VARCHAR(64) NOT NULL,
                ruleset VARCHAR(64) NOT NULL,
                ruleset_version INTEGER NOT NULL,
                start_at BIGINT NOT NULL,
                days INTEGER NOT NULL,
                unit VARCHAR(16) NOT NULL,
                extension_days INTEGER NOT NULL,
                due CHAR(10) NOT NULL,
                met_on CHAR(10) NULL,
                stopped_on CHAR(10) NULL
              ){OPTS})",
           "CREATE INDEX ix_deadlines_case ON deadlines (case_type, case_id)",
           "CREATE INDEX ix_deadlines_open_due ON deadlines (met_on, due)",
           // Append-only, ordered by id. `version` is the aggregate's version after the event; system
           // events (a deadline moved by a calendar change) repeat it, so it is not unique here: the
           // aggregate row's own version column is the optimistic-concurrency check.
           R"(CREATE TABLE case_events (
                id {ID},
                case_type VARCHAR(16) NOT NULL,
                case_id VARCHAR(64) NOT NULL,
                version INTEGER NOT NULL,
                actor VARCHAR(64) NOT NULL,
                at BIGINT NOT NULL,
                action VARCHAR(64) NOT NULL,
                payload_json {TEXT} NOT NULL
              ){OPTS})",
           "CREATE INDEX ix_case_events_case ON case_events (case_type, case_id, id)",
       }},
      {4,
       "0004_sequences",
       breaking,
       {
           // Gapless counters for register numbers, one row per scope (e.g. "dispute:ki-babel:2024").
           R"(CREATE TABLE sequences (
                scope VARCHAR(128) NOT NULL PRIMARY KEY,
                value BIGINT NOT NULL
              ){OPTS})",
       }},
      {5, "0005_requests", breaking, request_schema()},
      {6, "0006_disputes", breaking, dispute_schema()},
      // Breaking: a binary before it neither refreshes list_item on a save nor replaces the revision token
      // when it changes a holiday, so newer servers would show stale lists and keep stale calendars.
      {7,
       "0007_revisions_and_due_index",
       breaking,
       {
           // A token per kind of reference data, replaced (with a fresh random value) in the same
           // transaction as every change, so a process can keep what it built from that data (the
           // working calendars) and check it with one single-row read (issue 7).
           R"(CREATE TABLE reference_revisions (
                name VARCHAR(32) NOT NULL PRIMARY KEY,
                token VARCHAR(64) NOT NULL
              ){OPTS})",
           // The deadline board of one KI: ?overdue=true&sort=due walks this index in order.
           "CREATE INDEX ix_disputes_ki_due ON disputes (ki, next_due, id)",
           // The list projection of a dispute (api-encoded JSON, ~300 bytes), so a page of 50 need not
           // read and decode 50 whole documents. NULL for rows written before this migration; the list
           // then falls back to the document.
           "ALTER TABLE disputes ADD COLUMN list_item {TEXT} NULL",
       }},
      // Breaking: a binary before it would leave public_item stale on every save.
      {8,
       "0008_dispute_public_item",
       breaking,
       {
           // The public status of a dispute (api-encoded JSON), so the busiest public page is one
           // indexed single-column read. NULL for rows written before this migration; the page then
           // builds it from the document and its clocks.
           "ALTER TABLE disputes ADD COLUMN public_item {TEXT} NULL",
       }},
      // Additive: new tables; a binary before it keeps its own in-process throttle.
      {9,
       "0009_login_failures",
       additive,
       {
           // The login throttle's state, shared by every server on the database (issue 12,
           // docs/security.md "Login and sessions"). Consecutive failures of one (username, client
           // address) pair since its last success; usernames as typed, so unknown names count too.
           R"(CREATE TABLE login_failure_pairs (
                username VARCHAR(190) NOT NULL,
                client_address VARCHAR(64) NOT NULL,
                failures INTEGER NOT NULL,
                last_failure_at BIGINT NOT NULL,
                PRIMARY KEY (username, client_address)
              ){OPTS})",
           "CREATE INDEX ix_login_failure_pairs_last ON login_failure_pairs (last_failure_at)",
           // One row per failure, for the per-address cap over a sliding window; rows older than the
           // window are deleted by the next failure.
           R"(CREATE TABLE login_failures (
                id {ID},
                client_address VARCHAR(64) NOT NULL,
                at BIGINT NOT NULL
              ){OPTS})",
           "CREATE INDEX ix_login_failures_address ON login_failures (client_address, at)",
           "CREATE INDEX ix_login_failures_at ON login_failures (at)",
       }},
      // Additive: an index.
      {10,
       "0010_audit_index",
       additive,
       {
           // The audit trail of every organisation, newest first (GET /api/v1/audit for a sysadmin);
           // one organisation's is served by ix_audit_organisation. Both indexes end in the row id
           // implicitly (SQLite rowid, InnoDB primary key), the tie-breaker of the keyset cursor.
           "CREATE INDEX ix_audit_at ON audit_log (at)",
       }},
      // Additive: a corrected date, read as before.
      {11,
       "0011_general_in_force_2010",
       additive,
       {
           // UU 14/2008 took effect on 30 April 2010 (Pasal 64; docs/legal-sources.md §12), not on its
           // promulgation day. Databases loaded before the correction keep the old date otherwise: the
           // reference loader only adds missing versions. Version 1 stays version 1, so running clocks
           // keep their rule set.
           "UPDATE rulesets SET effective_from = '2010-04-30' WHERE name = 'general' AND version = 1 "
           "AND effective_from = '2008-04-30'",
       }},
      // Breaking: the holidays table is rebuilt with a key column an older binary does not fill.
      {12,
       "0012_regional_calendars",
       breaking,
       {
           // Holidays of a province or regency (issue 14; docs/deadlines.md §1, rule 4): region_code is ''
           // for national rows and an organisation's own closures, so it joins the key. The primary key
           // changes, which both backends do only by rebuilding the table.
           R"(CREATE TABLE holidays_v12 (
                holiday_date CHAR(10) NOT NULL,
                organisation VARCHAR(64) NOT NULL,
                region_code VARCHAR(16) NOT NULL,
                kind VARCHAR(16) NOT NULL,
                name_id VARCHAR(255) NOT NULL,
                name_en VARCHAR(255) NOT NULL,
                source VARCHAR(128) NOT NULL,
                changed_by_admin SMALLINT NOT NULL,
                deleted_by_admin SMALLINT NOT NULL,
                PRIMARY KEY (holiday_date, organisation, region_code)
              ){OPTS})",
           // One statement split over three literals (clang-tidy takes it for a missing comma).
           // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
           "INSERT INTO holidays_v12 (holiday_date, organisation, region_code, kind, name_id, name_en, source, "
           "changed_by_admin, deleted_by_admin) SELECT holiday_date, organisation, '', kind, name_id, name_en, source, "
           "changed_by_admin, deleted_by_admin FROM holidays",
           "DROP TABLE holidays",
           "ALTER TABLE holidays_v12 RENAME TO holidays",
           // The name of an organisation's region ("Kota Pangkal Pinang"), shown instead of the code.
           "ALTER TABLE organisations ADD COLUMN region_name VARCHAR(255) NOT NULL DEFAULT ''",
       }},
      // Additive: new tables an older binary does not touch.
      {13,
       "0013_documents",
       additive,
       {
           // The case file (issue 15, docs/documents.md): one row per uploaded document of a request or a
           // dispute. The bytes live in the content-addressed file store under `sha256`; a row is written
           // only after its file is durably stored. Never deleted: retraction fills the retracted_ columns.
           R"(CREATE TABLE documents (
                id VARCHAR(64) NOT NULL PRIMARY KEY,
                case_kind VARCHAR(16) NOT NULL,
                case_id VARCHAR(64) NOT NULL,
                kind VARCHAR(32) NOT NULL,
                file_name VARCHAR(255) NOT NULL,
                content_type VARCHAR(100) NOT NULL,
                sha256 CHAR(64) NOT NULL,
                size_bytes BIGINT NOT NULL,
                publishable SMALLINT NOT NULL,
                uploaded_by VARCHAR(64) NOT NULL,
                organisation VARCHAR(64) NOT NULL,
                uploaded_at BIGINT NOT NULL,
                retracted_by VARCHAR(64) NULL,
                retracted_at BIGINT NULL,
                retract_reason VARCHAR(1000) NULL
              ){OPTS})",
           "CREATE INDEX ix_documents_case ON documents (case_kind, case_id, uploaded_at)",
           "CREATE INDEX ix_documents_sha256 ON documents (sha256)",
           // A paper original a member of staff has seen, which ticks its checklist item without a file.
           R"(CREATE TABLE paper_originals (
                id {ID},
                case_kind VARCHAR(16) NOT NULL,
                case_id VARCHAR(64) NOT NULL,
                kind VARCHAR(32) NOT NULL,
                seen_by VARCHAR(64) NOT NULL,
                seen_at BIGINT NOT NULL,
                note VARCHAR(1000) NOT NULL
              ){OPTS})",
           "CREATE INDEX ix_paper_originals_case ON paper_originals (case_kind, case_id)",
       }},
      // Additive: new tables; commands handled by an older binary queue no notice.
      {14, "0014_notices", additive, notice_schema()},
      // Additive: new tables.
      {15,
       "0015_letters",
       additive,
       {
           // Each organisation's letterhead (issue 15): contact lines and a small logo (PNG or JPEG,
           // base64) printed on every letter it issues.
           R"(CREATE TABLE letterheads (
                organisation VARCHAR(64) NOT NULL PRIMARY KEY,
                address VARCHAR(1000) NOT NULL,
                phone VARCHAR(64) NOT NULL,
                email VARCHAR(255) NOT NULL,
                website VARCHAR(255) NOT NULL,
                logo_media_type VARCHAR(32) NOT NULL,
                logo_base64 {TEXT} NOT NULL,
                updated_at BIGINT NOT NULL,
                updated_by VARCHAR(64) NOT NULL,
                CONSTRAINT fk_letterheads_organisation FOREIGN KEY (organisation) REFERENCES organisations (code)
              ){OPTS})",
           // Every issued letter exactly as issued: re-reading one returns this copy, never a new rendering.
           R"(CREATE TABLE issued_letters (
                id VARCHAR(64) NOT NULL PRIMARY KEY,
                case_type VARCHAR(16) NOT NULL,
                case_id VARCHAR(64) NOT NULL,
                organisation VARCHAR(64) NOT NULL,
                letter_key VARCHAR(64) NOT NULL,
                number VARCHAR(128) NOT NULL,
                title VARCHAR(255) NOT NULL,
                issued_at BIGINT NOT NULL,
                issued_by VARCHAR(64) NOT NULL,
                sha256 CHAR(64) NOT NULL,
                html {TEXT} NOT NULL,
                CONSTRAINT uq_issued_letters_number UNIQUE (number)
              ){OPTS})",
           "CREATE INDEX ix_issued_letters_case ON issued_letters (case_type, case_id, issued_at)",
       }},
      // 16 and 20 were reserved by branches built in parallel and never used; versions need only ascend.
      // Additive: a new table, an index and a column with a default.
      {17, "0017_deadline_sweep", additive, sweep_schema()},
      // Additive: a new table and columns with defaults.
      {18, "0018_notice_people", additive, notice_people_schema()},
      // Additive: nullable columns an older binary leaves NULL (read as unknown) and periods it does not use.
      {19,
       "0019_receipt_facts",
       additive,
       {
           // When the applicant received the PPID's and the atasan's answers (issue 14; docs/deadlines.md
           // §5 "Receipt facts"): the objection and dispute filing windows run from these when known.
           "ALTER TABLE requests ADD COLUMN response_delivered_at BIGINT NULL",
           "ALTER TABLE requests ADD COLUMN response_delivered_offset INTEGER NULL",
           "ALTER TABLE requests ADD COLUMN objection_answer_delivered_at BIGINT NULL",
           "ALTER TABLE requests ADD COLUMN objection_answer_delivered_offset INTEGER NULL",
           // Registration completeness (PERKI 1/2013 Pasal 17, secondary): two optional periods of general
           // v1, as in data/rulesets.csv. The reference loader only adds missing versions, so a database
           // loaded before gets them here; a fresh one has no rule set yet (nothing inserted) and loads
           // them from the file. Existing clocks are untouched: no period they use changes.
           "INSERT INTO ruleset_periods (ruleset, version, position, period_key, value, fallback, unit, start_event, "
           "source, confidence, note) SELECT name, version, 9, 'registration_check', 3, NULL, 'working_days', "
           "'dispute_received', 'PERKI 1/2013 Ps 17 (secondary)', 'secondary', '3 HK for the registrar to check the "
           "file and notify what is missing; met by request_completion or registration' FROM rulesets WHERE name = "
           "'general' AND version = 1",
           "INSERT INTO ruleset_periods (ruleset, version, position, period_key, value, fallback, unit, start_event, "
           "source, confidence, note) SELECT name, version, 10, 'registration_completion', 7, NULL, 'working_days', "
           "'completion_requested', 'PERKI 1/2013 Ps 17 (secondary)', 'secondary', 'on_expiry: not registrable - "
           "flagged missed; the registrar closes it with reject_registration (project reading UNVERIFIED)' FROM "
           "rulesets WHERE name = 'general' AND version = 1",
       }},
      // Additive: indexes.
      {21,
       "0021_report_indexes",
       additive,
       {
           // The national reports and open data (issue 18, docs/open-data.md) read every office's requests
           // of a period and every dispute submitted up to a day; one office's or one KI's use the
           // (respondent, received_date) and (ki, submitted_at) indexes.
           "CREATE INDEX ix_requests_received ON requests (received_date)",
           "CREATE INDEX ix_disputes_submitted ON disputes (submitted_at)",
       }},
      // Breaking: a binary before it would leave the report facts stale on every save of a dispute.
      {22,
       "0022_dispute_report_facts",
       breaking,
       {
           // The report facts of a dispute (domain/reports/facts.hpp, docs/open-data.md "Scale"): the KI-local
           // dates of its acts and its routes, written with the document on every save, so a report over a
           // million disputes reads narrow columns instead of decoding each document. Not indexed: the
           // reports select by (ki | respondent, submitted_at). A row whose submitted_on is NULL is read from
           // its document instead.
           "ALTER TABLE disputes ADD COLUMN submitted_on CHAR(10) NULL",
           "ALTER TABLE disputes ADD COLUMN decided_on CHAR(10) NULL",
           "ALTER TABLE disputes ADD COLUMN closed_on CHAR(10) NULL",
           "ALTER TABLE disputes ADD COLUMN court_objection_on CHAR(10) NULL",
           "ALTER TABLE disputes ADD COLUMN court_decided_on CHAR(10) NULL",
           "ALTER TABLE disputes ADD COLUMN court_result VARCHAR(255) NULL",
           "ALTER TABLE disputes ADD COLUMN mediated SMALLINT NULL",
           "ALTER TABLE disputes ADD COLUMN adjudicated SMALLINT NULL",
           // Filled from the stored documents: instants are RFC 3339 text with the offset they happened at
           // (api/disputes/dispute_document.cpp), so the local date is their first ten characters; an
           // absent part (no decision, no court objection) reads as NULL.
           "UPDATE disputes SET "
           "submitted_on = SUBSTR({JSON_VALUE}(body, '$.submitted_at'), 1, 10), "
           "decided_on = SUBSTR({JSON_VALUE}(body, '$.decision.read_at'), 1, 10), "
           "closed_on = CASE WHEN {JSON_VALUE}(body, '$.decision.read_at') IS NULL THEN "
           "SUBSTR({JSON_VALUE}(body, '$.closed.at'), 1, 10) END, "
           "court_objection_on = SUBSTR({JSON_VALUE}(body, '$.court_objection.filed_at'), 1, 10), "
           "court_decided_on = SUBSTR({JSON_VALUE}(body, '$.court_decision.decided_at'), 1, 10), "
           "court_result = {JSON_VALUE}(body, '$.court_decision.result'), "
           "mediated = CASE WHEN {JSON_VALUE}(body, '$.mediation_started_at') LIKE '____-__-__%' THEN 1 ELSE 0 END, "
           "adjudicated = CASE WHEN {JSON_VALUE}(body, '$.adjudication_started_at') LIKE '____-__-__%' THEN 1 ELSE 0 "
           "END",
       }},
      // Breaking: disputes saved from then on hold a list of court objections, which an older binary cannot read.
      {23,
       "0023_cassation_period",
       breaking,
       {
           // The court stage (issue 14; docs/deadlines.md "Court stage"): each party's cassation window,
           // 14 hari from receiving the first-instance court's decision (UU 14/2008 Pasal 50), as in
           // data/rulesets.csv. Added to version 1 of both rule sets, as migration 19 did: a database
           // loaded before gets it here, a fresh one (no rule set yet, nothing inserted) from the file.
           // No existing clock uses it. Stored disputes need no change: a document with the single
           // court_objection of before reads back as a one-item list (api/disputes/dispute_document.cpp).
           "INSERT INTO ruleset_periods (ruleset, version, position, period_key, value, fallback, unit, start_event, "
           "source, confidence, note) SELECT name, version, 8, 'cassation', 14, NULL, 'calendar_days', "
           "'court_decision_received', 'UU 14/2008 Ps 50 (secondary)', 'secondary', 'kasasi to the Mahkamah Agung "
           "within 14 hari of receiving the PTUN/PN decision; statute text via a secondary page; PERMA 2/2011 not "
           "read; unit UNVERIFIED: hari read as calendar days (UU 14/1985 Ps 46); receipt presumed at the "
           "pronouncement' FROM rulesets WHERE name = 'perki_1_2019' AND version = 1",
           "INSERT INTO ruleset_periods (ruleset, version, position, period_key, value, fallback, unit, start_event, "
           "source, confidence, note) SELECT name, version, 11, 'cassation', 14, NULL, 'calendar_days', "
           "'court_decision_received', 'UU 14/2008 Ps 50 (secondary)', 'secondary', 'kasasi to the Mahkamah Agung "
           "within 14 hari of receiving the PTUN/PN decision; statute text via a secondary page; PERMA 2/2011 not "
           "read; unit UNVERIFIED: hari read as calendar days (UU 14/1985 Ps 46); receipt presumed at the "
           "pronouncement' FROM rulesets WHERE name = 'general' AND version = 1",
       }},
      // Additive: an index rebuilt under its name.
      {24,
       "0024_sweep_walk_covering_index",
       additive,
       {
           // The deadline sweep's walk reads every open clock due before today and looks for its mark
           // (persistence/repositories/deadline_sweep_repository.cpp). With the mark's key in the index
           // it no longer reads each clock's row to do so: the steady-state sweep over 10^6 cases went
           // from 49 s to about 10 s (docs/performance.md "Deadline sweep and dispatch").
           "DROP INDEX ix_deadlines_sweep{ON deadlines}",
           "CREATE INDEX ix_deadlines_sweep ON deadlines (met_on, stopped_on, due, id, case_type, case_id, period_key)",
       }},
      // Additive: indexes rebuilt under their names.
      {25,
       "0025_report_covering_indexes",
       additive,
       {
           // The reports at national scale (issue 18, docs/performance.md "Reports at national scale"):
           // the indexes the report reads walk carry every column those reads select, so a report over a
           // year of 10^6 cases reads index entries in order and never a case's row. The report facts of
           // a dispute (migration 22) sit after its document in the row, behind the document's overflow
           // pages; a request's row carries the applicant's texts. The statutory clock's due date is read
           // from the deadlines index by (case type, case id, period). Only the texts stay in the rows: a
           // refusal's reasons (its exemption grounds) and the document of a dispute stored without its
           // facts, each read for those rows alone (persistence/repositories/report_repository.cpp).
           "DROP INDEX ix_requests_received{ON requests}",
           // Statements split over several literals (clang-tidy takes them for missing commas).
           // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
           "CREATE INDEX ix_requests_received ON requests (received_date, respondent, id, channel, state, "
           "extension_at, response_decision, responded_at, responded_offset, objection_received_at, "
           "objection_answer_decision)",
           "DROP INDEX ix_requests_respondent_received{ON requests}",
           "CREATE INDEX ix_requests_respondent_received ON requests (respondent, received_date, id, channel, state, "
           "extension_at, response_decision, responded_at, responded_offset, objection_received_at, "
           "objection_answer_decision)",
           "DROP INDEX ix_disputes_submitted{ON disputes}",
           "CREATE INDEX ix_disputes_submitted ON disputes (submitted_at, id, ki, respondent, register_number, state, "
           "outcome, registered_on, submitted_on, decided_on, closed_on, court_objection_on, court_decided_on, "
           "court_result, mediated, adjudicated)",
           "DROP INDEX ix_disputes_ki{ON disputes}",
           "CREATE INDEX ix_disputes_ki ON disputes (ki, submitted_at, id, respondent, register_number, state, "
           "outcome, "
           "registered_on, submitted_on, decided_on, closed_on, court_objection_on, court_decided_on, court_result, "
           "mediated, adjudicated)",
           "DROP INDEX ix_deadlines_case{ON deadlines}",
           "CREATE INDEX ix_deadlines_case ON deadlines (case_type, case_id, period_key, due)",
           // The public register in its order, a page at a time (keyset on the first three columns).
           "CREATE INDEX ix_disputes_register ON disputes (ki, registered_on, register_number, submitted_on, "
           "decided_on, closed_on, id, respondent, state, outcome, court_objection_on, court_decided_on, court_result, "
           "mediated, adjudicated)",
       }},
      // Additive: an index rebuilt under its name.
      {27,
       "0027_notice_claim_by_channel",
       additive,
       {
           // The dispatcher claims due notices one channel at a time (persistence/repositories/
           // notice_outbox.cpp): with the channel in the index, a server that sends webhooks only no
           // longer walks every waiting email to find none (docs/performance.md "Deadline sweep and dispatch").
           "DROP INDEX ix_notices_due{ON notices}",
           "CREATE INDEX ix_notices_due ON notices (state, channel, next_attempt_at, id)",
       }},
      // Breaking: a binary before it would leave the stored report due dates stale on every save.
      {28,
       "0028_report_due_dates",
       breaking,
       {
           // The due date each report counts a case by (issue 18, docs/open-data.md "Scale"): a request's
           // ppid_response clock and a dispute's ki_completion clock, the latest of the case's clocks of that
           // key (domain/reports/facts.hpp report_due), stored beside the report facts and written with
           // every save of the case, a calendar change's included (it saves every case whose clock it
           // moved). The reports then read one index range each instead of looking each row's clock up in
           // the deadlines (docs/performance.md "Reports at national scale"). The covering indexes of 0025
           // are rebuilt with the new columns, after the fill (cheaper than maintaining them during it);
           // the per-office index of the disputes carries the submission date, so an office's disputes are
           // counted per day from the index alone.
           "DROP INDEX ix_requests_received{ON requests}",
           "DROP INDEX ix_requests_respondent_received{ON requests}",
           "DROP INDEX ix_disputes_submitted{ON disputes}",
           "DROP INDEX ix_disputes_ki{ON disputes}",
           "DROP INDEX ix_disputes_register{ON disputes}",
           "DROP INDEX ix_disputes_respondent{ON disputes}",
           "ALTER TABLE requests ADD COLUMN response_due CHAR(10) NULL",
           "ALTER TABLE disputes ADD COLUMN completion_due CHAR(10) NULL",
           // Only the cases with such a clock are written; the others keep NULL, as MAX over none gives.
           // Statements split over several literals (clang-tidy takes them for missing commas).
           // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
           "UPDATE requests SET response_due = (SELECT MAX(d.due) FROM deadlines d WHERE d.case_type = 'request' "
           "AND d.case_id = requests.id AND d.period_key = 'ppid_response') WHERE id IN (SELECT c.case_id FROM "
           "deadlines c WHERE c.case_type = 'request' AND c.period_key = 'ppid_response')",
           "UPDATE disputes SET completion_due = (SELECT MAX(d.due) FROM deadlines d WHERE d.case_type = 'dispute' "
           "AND d.case_id = disputes.id AND d.period_key = 'ki_completion') WHERE id IN (SELECT c.case_id FROM "
           "deadlines c WHERE c.case_type = 'dispute' AND c.period_key = 'ki_completion')",
           "CREATE INDEX ix_requests_received ON requests (received_date, respondent, id, channel, state, "
           "extension_at, response_decision, responded_at, responded_offset, objection_received_at, "
           "objection_answer_decision, response_due)",
           "CREATE INDEX ix_requests_respondent_received ON requests (respondent, received_date, id, channel, state, "
           "extension_at, response_decision, responded_at, responded_offset, objection_received_at, "
           "objection_answer_decision, response_due)",
           "CREATE INDEX ix_disputes_submitted ON disputes (submitted_at, id, ki, respondent, register_number, state, "
           "outcome, registered_on, submitted_on, decided_on, closed_on, court_objection_on, court_decided_on, "
           "court_result, mediated, adjudicated, completion_due)",
           "CREATE INDEX ix_disputes_ki ON disputes (ki, submitted_at, id, respondent, register_number, state, "
           "outcome, registered_on, submitted_on, decided_on, closed_on, court_objection_on, court_decided_on, "
           "court_result, mediated, adjudicated, completion_due)",
           "CREATE INDEX ix_disputes_register ON disputes (ki, registered_on, register_number, submitted_on, "
           "decided_on, closed_on, id, respondent, state, outcome, court_objection_on, court_decided_on, court_result, "
           "mediated, adjudicated, completion_due)",
           "CREATE INDEX ix_disputes_respondent ON disputes (respondent, submitted_at, id, submitted_on)",
       }},
      // Breaking only because every binary before it accepts nothing but its own schema version.
      {29,
       "0029_schema_levels",
       breaking,
       {
           // Rolling upgrades (docs/deploy.md): each version row from this one on records the oldest
           // schema level a binary must know to run against the database (oldest_binary_version() at
           // that version), so a binary older than the schema can decide whether it may serve. NULL in
           // the rows before.
           "ALTER TABLE schema_migrations ADD COLUMN oldest_binary_version INTEGER NULL",
       }},
      {30,
       "0030_public_status_index",
       additive,
       {
           // The public status by register number (issue 20, docs/performance.md "The HTTP path") reads
           // one row's public_item, which sits after the case's document on SQLite's overflow pages, and
           // sorted by id. On SQLite the register-number index now carries the id and the public_item, so
           // the lookup reads the index alone (16-19 us instead of 40-45 us of CPU per lookup at 10^6).
           // MariaDB cannot index a text column whole: there it gains the id only (no sort).
           "DROP INDEX ix_disputes_register_number{ON disputes}",
           "CREATE INDEX ix_disputes_register_number ON disputes (register_number, id{SQLITE_PUBLIC_ITEM})",
       }},
      {31,
       "0031_report_tallies",
       // Breaking: a binary without it would change cases without invalidating their stored tallies.
       breaking,
       {
           // What the report measures count of one organisation's cases in one settled month (issue 18,
           // docs/open-data.md "Monthly tallies"). `body` is the counts as a JSON object, NULL once a
           // change to a case of that month invalidated it; `stamp` grows with every invalidation, so a
           // report stores the tally it built only if no case changed since it read the stamp;
           // `revision` is the holiday set's (a calendar change invalidates every tally built before).
           R"(CREATE TABLE report_tallies (
                kind VARCHAR(8) NOT NULL,
                organisation VARCHAR(64) NOT NULL,
                month CHAR(7) NOT NULL,
                stamp BIGINT NOT NULL DEFAULT 0,
                revision VARCHAR(64) NULL,
                body {TEXT} NULL,
                PRIMARY KEY (kind, month, organisation)
              ){OPTS})",
       }},
      {32,
       "0032_disputes_last_act",
       additive,
       {
           // The KI measures of a month not yet over read the disputes still open and those acted on since
           // the month began (issue 18, docs/open-data.md "Monthly tallies"), not every dispute: a virtual
           // column holding a dispute's latest act (submission, registration, decision, closure, court
           // objection), '9' while it is neither decided nor closed or for a row stored without its report
           // facts (both always read), and an index over it carrying what the reports read.
           // RTRIM: MariaDB refuses a CHAR column's value in a generated column (it depends on the
           // PAD_CHAR_TO_FULL_LENGTH mode); the dates have no trailing spaces anyway.
           "ALTER TABLE disputes ADD COLUMN last_act_on CHAR(10) GENERATED ALWAYS AS (CASE WHEN submitted_on IS "
           "NULL OR (decided_on IS NULL AND closed_on IS NULL) THEN '9' ELSE {GREATEST}(RTRIM(submitted_on), "
           "COALESCE(RTRIM(registered_on), ''), COALESCE(RTRIM(decided_on), ''), COALESCE(RTRIM(closed_on), ''), "
           "COALESCE(RTRIM(court_objection_on), '')) END) VIRTUAL",
           "CREATE INDEX ix_disputes_last_act ON disputes (last_act_on, submitted_at, id, ki, respondent, "
           "register_number, state, outcome, registered_on, submitted_on, decided_on, closed_on, court_objection_on, "
           "court_decided_on, court_result, mediated, adjudicated, completion_due)",
       }},
  };
  return migrations;
}

int oldest_binary_version(int version) {
  int level = 0;
  for (const auto& m : all_migrations()) {
    if (m.version > version) {
      break;
    }
    if (m.older_binaries == compatibility::breaking) {
      level = m.version;
    }
  }
  return level;
}

std::string expand_dialect(std::string_view statement, backend kind) {
  const bool mysql = kind == backend::mysql;
  const std::pair<std::string_view, std::string_view> replacements[] = {
      {"{ID}", mysql ? "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"},
      {"{OPTS}", mysql ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : ""},
      {"{TEXT}", mysql ? "MEDIUMTEXT" : "TEXT"},
      // A scalar of a JSON document at a path, as text; NULL where the path is absent.
      {"{JSON_VALUE}", mysql ? "JSON_VALUE" : "json_extract"},
      // The largest of its arguments (SQLite's max() of several arguments is not the aggregate).
      {"{GREATEST}", mysql ? "GREATEST" : "max"},
      // DROP INDEX names the table on MariaDB; SQLite's index names are global.
      {"{ON deadlines}", mysql ? " ON deadlines" : ""},
      {"{ON notices}", mysql ? " ON notices" : ""},
      {"{ON requests}", mysql ? " ON requests" : ""},
      {"{ON disputes}", mysql ? " ON disputes" : ""},
      // A text column in an index: whole on SQLite; MariaDB would need a prefix, which covers nothing.
      {"{SQLITE_PUBLIC_ITEM}", mysql ? "" : ", public_item"},
  };
  std::string out(statement);
  for (const auto& [from, to] : replacements) {
    for (auto pos = out.find(from); pos != std::string::npos; pos = out.find(from, pos + to.size())) {
      out.replace(pos, from.size(), to);
    }
  }
  return out;
}

}  // namespace perkara::persistence::detail
