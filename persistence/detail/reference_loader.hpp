#pragma once
// Internal: writes the reference data during migrate, without ever undoing an admin's work.

#include "persistence/database_url.hpp"
#include "persistence/migrations.hpp"
#include "persistence/reference_data.hpp"

#include <soci/session.h>

namespace perkara::persistence::detail {

/// Inside the caller's transaction: adds missing organisations (existing ones are left as they are;
/// `organisations import` changes them), adds missing rule set versions, adds missing holidays and
/// refreshes holidays nobody edited. A holiday an admin changed or deleted (tombstone) is left alone.
void load_reference(soci::session& sql, backend kind, const reference_data& data, migration_report& report);

/// Replaces the election_periods table with data_dir/election_periods.csv (schema_requests.cpp).
void load_election_periods(soci::session& sql, const std::filesystem::path& data_dir);

}  // namespace perkara::persistence::detail
