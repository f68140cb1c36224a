#pragma once
// Version pinning: a clock keeps the rule-set version that was in force when it started, even after a
// newer version takes effect (docs/legal-sources.md §0: every value is configuration and may be corrected).

#include "domain/rules/ruleset.hpp"
#include "domain/time/civil_date.hpp"

#include <span>
#include <string_view>

namespace perkara::domain {

/// Among `versions` named `name`, the one with the highest effective_from <= `on` (ties: the highest
/// version number); nullptr when none is in force yet. The pointer points into `versions`.
const ruleset* ruleset_in_force(std::span<const ruleset> versions, std::string_view name, civil_date on);

/// Same, over versions of one rule set (the name is not checked).
const ruleset* ruleset_in_force(std::span<const ruleset> versions, civil_date on);

/// The exact version a stored clock was pinned to (deadline_record::ruleset / ruleset_version).
const ruleset* find_ruleset_version(std::span<const ruleset> versions, std::string_view name, int version);

}  // namespace perkara::domain
