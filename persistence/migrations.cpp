#include "persistence/migrations.hpp"

#include "persistence/detail/reference_loader.hpp"
#include "persistence/detail/schema.hpp"
#include "persistence/detail/session_setup.hpp"
#include "persistence/errors.hpp"
#include "persistence/reference_data.hpp"

#include <soci/soci.h>

#include <fmt/format.h>

#include <chrono>
#include <set>

namespace perkara::persistence {
namespace {

// A write transaction on the migrate session; rolled back unless committed.
class write_transaction {
 public:
  write_transaction(soci::session& sql, backend kind) : sql_(sql) {
    sql_ << (kind == backend::sqlite ? "BEGIN IMMEDIATE" : "START TRANSACTION");
  }
  ~write_transaction() {
    if (!committed_) {
      try {
        sql_ << "ROLLBACK";
      } catch (...) {
        // Nothing more to do: the error that got us here is already propagating.
      }
    }
  }
  write_transaction(const write_transaction&) = delete;
  write_transaction& operator=(const write_transaction&) = delete;

  void commit() {
    sql_ << "COMMIT";
    committed_ = true;
  }

 private:
  soci::session& sql_;
  bool committed_ = false;
};

std::set<int> applied_versions(soci::session& sql) {
  std::set<int> versions;
  int v = 0;
  soci::statement st = (sql.prepare << "SELECT version FROM schema_migrations", soci::into(v));
  st.execute();
  while (st.fetch()) {
    versions.insert(v);
  }
  return versions;
}

}  // namespace

int latest_schema_version() { return detail::all_migrations().back().version; }

migration_report migrate(const database_url& url, const std::filesystem::path& data_dir) {
  // Read the files first: a bad row must fail before the database is touched.
  const reference_data data = load_reference_data(data_dir);

  soci::session sql;
  try {
    detail::open_session(sql, url);
  } catch (...) {
    throw open_error(fmt::format("cannot open database {}: {}", redacted(url), detail::describe_current_exception()));
  }

  migration_report report;
  try {
    sql << detail::expand_dialect(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT "
        "NULL, applied_at BIGINT NOT NULL){OPTS}",
        url.kind);
    if (url.kind == backend::sqlite) {
      std::string mode;
      sql << "PRAGMA journal_mode=WAL", soci::into(mode);
    }

    const auto done = applied_versions(sql);
    if (!done.empty() && *done.rbegin() > latest_schema_version()) {
      throw open_error(fmt::format("cannot migrate database {}: schema version {} is newer than this binary's {}",
                                   redacted(url), *done.rbegin(), latest_schema_version()));
    }

    for (const auto& m : detail::all_migrations()) {
      if (done.contains(m.version)) {
        continue;
      }
      // One transaction per migration. MariaDB commits DDL implicitly, so there the version row written
      // last is what marks the migration complete; SQLite rolls the whole migration back on failure.
      write_transaction tx(sql, url.kind);
      for (const auto statement : m.statements) {
        sql << detail::expand_dialect(statement, url.kind);
      }
      const long long now =
          std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
      const std::string name(m.name);
      if (m.version < detail::levels_recorded_from) {
        sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)", soci::use(m.version),
            soci::use(name), soci::use(now);
      } else {
        // The level older binaries read before they serve (persistence/soci_database.cpp check_schema).
        const int oldest = detail::oldest_binary_version(m.version);
        sql << "INSERT INTO schema_migrations (version, name, applied_at, oldest_binary_version) VALUES (:v, :n, :t, "
               ":o)",
            soci::use(m.version), soci::use(name), soci::use(now), soci::use(oldest);
      }
      tx.commit();
      report.applied.push_back({m.version, name});
    }

    write_transaction tx(sql, url.kind);
    detail::load_reference(sql, url.kind, data, report);
    detail::load_election_periods(sql, data_dir);
    tx.commit();
  } catch (const persistence::error&) {
    throw;
  } catch (...) {
    throw open_error(fmt::format("cannot migrate database {}: {}", redacted(url), detail::describe_current_exception()));
  }
  return report;
}

migration_report migrate(const database_url& url) { return migrate(url, resolve_data_dir()); }

}  // namespace perkara::persistence
