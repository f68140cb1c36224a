#pragma once
// Internal: the projection rows of a dispute, dispute_hearings (the public hearing calendar) and
// dispute_decisions (the public decision list), kept equal to the hearings and decision of its document.

#include "domain/ports/dispute_repository.hpp"

namespace perkara::persistence::detail {

struct db_context;

/// Writes the rows of a dispute that has none yet.
void insert_dispute_projections(const db_context& ctx, const ports::dispute_document& doc);

/// Brings the stored rows of an existing dispute to those of `doc`, writing only the rows that differ:
/// every row written rewrites its indexes, and most actions change no hearing or one.
void update_dispute_projections(const db_context& ctx, const ports::dispute_document& doc);

}  // namespace perkara::persistence::detail
