#pragma once
// Internal: the migration list. Statements use three placeholders for the dialect differences:
//   {ID}    an auto-increment primary key,
//   {OPTS}  table options (MariaDB: InnoDB, utf8mb4, binary collation so comparisons match SQLite),
//   {TEXT}  a long text column (JSON),
//   {JSON_VALUE}  the function reading a scalar of a JSON text at a path (json_extract, JSON_VALUE).
// Dates are CHAR(10) ISO text and instants BIGINT epoch seconds on both backends.

#include "persistence/database_url.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace perkara::persistence::detail {

/// Whether a binary that predates a migration still runs correctly against the schema after it
/// (docs/deploy.md "Rolling upgrades"). `additive`: new tables, nullable or defaulted columns, new
/// indexes, data the old code reads as before; nothing the new code relies on is left stale by an old
/// binary's writes. `breaking`: anything else (a rebuilt table, a column without a default, a
/// projection every save must refresh, a stored format the old code cannot read); a binary must know
/// the migration to run against it.
enum class compatibility { additive, breaking };

struct migration {
  int version;
  std::string_view name;
  compatibility older_binaries;
  std::vector<std::string_view> statements;
};

const std::vector<migration>& all_migrations();

/// The oldest schema level a binary must know (the last migration it knows) to run against a database
/// on which every migration up to `version` was applied: the newest breaking migration up to it.
int oldest_binary_version(int version);

/// The migration that added schema_migrations.oldest_binary_version; its version row and every later
/// one record the level above.
inline constexpr int levels_recorded_from = 29;

/// Statements of the workflow migrations, each kept beside its repository: 0005 (schema_requests.cpp)
/// and 0006 (schema_disputes.cpp).
std::vector<std::string_view> request_schema();
std::vector<std::string_view> dispute_schema();
/// 0014 (schema_notices.cpp): the notice outbox, its delivery log, webhooks and opt-outs.
std::vector<std::string_view> notice_schema();
/// 0018 (schema_notices.cpp): notice addresses of users, preferences, removed webhooks.
std::vector<std::string_view> notice_people_schema();
/// 0017 (schema_sweep.cpp): the deadline sweep's marks and the reminder lead of rule-set periods.
std::vector<std::string_view> sweep_schema();

/// Expands the placeholders for one backend.
std::string expand_dialect(std::string_view statement, backend kind);

}  // namespace perkara::persistence::detail
