#pragma once
// From which fact a party's court clock runs: its recorded receipt, or the documented presumption that
// it received the document when it was served or pronounced (docs/deadlines.md "Receipt facts"). The
// clock's explanation says which, so a registrar can see whether a window rests on a fact or on the
// presumption.

#include "domain/disputes/dispute.hpp"
#include "domain/time/instant.hpp"

#include <optional>
#include <string_view>

namespace perkara::domain::disputes {

enum class start_basis {
  receipt,           // the party's recorded receipt (delivered_at)
  presumed_receipt,  // not recorded: presumed received when the copy was served (or the court decision pronounced)
};

std::string_view to_string(start_basis b);

/// The basis of the clock `key` that started at `start`, for the clocks that run from a party's receipt
/// ("court_objection:<party>", "cassation:<party>"); nullopt for every other clock.
std::optional<start_basis> start_basis_of(const dispute& d, std::string_view key, instant start);

}  // namespace perkara::domain::disputes
