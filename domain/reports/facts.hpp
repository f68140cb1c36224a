#pragma once
// The report facts of a dispute from the aggregate (docs/open-data.md): what the dispute repository
// stores beside the document with every save (migration 0022), so a report reads narrow columns and
// never decodes a document.

#include "domain/disputes/dispute.hpp"
#include "domain/reports/measures.hpp"

namespace perkara::domain::reports {

/// The facts of `d`, each act's date local to the instant's own offset (the KI's). `completion_due` is
/// left unset: it is the ki_completion clock's, read with the deadlines so a calendar change that moves
/// it shows at once.
dispute_fact fact_of(const disputes::dispute& d);

}  // namespace perkara::domain::reports
