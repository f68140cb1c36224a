#pragma once
// The tallies a report adds up (issue 18, docs/open-data.md "Monthly tallies"): for its settled whole
// months, those stored (building and storing the missing ones from the facts), for the rest of its period
// (a part of a month, the months not yet over) built from the facts each time.

#include "domain/ports/database.hpp"
#include "domain/reports/tally.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::api {

/// Whose tallies: `organisations` (empty: every organisation of the kind, the national scope).
struct tally_scope {
  domain::reports::tally_kind kind = domain::reports::tally_kind::ppid;
  std::vector<std::string> organisations;
};

/// The tallies of `scope` over `p` counted as of `today`, read in `tx`; missing stored tallies are
/// stored in a write transaction of `db` of their own, when no case of theirs changed meanwhile.
domain::reports::tallies tallies_of(ports::database& db, ports::transaction& tx, const tally_scope& scope,
                                    const domain::reports::period& p, domain::civil_date today);

}  // namespace perkara::api
