#pragma once
// One rule for the date of an act on any case (docs/case-engine.md "The act's date"): the record keeps
// both the instant the act happened (client input) and the instant it was entered (the server's
// clock). An act may not lie in the future; an instant up to `allowed_clock_skew` ahead of the
// server's clock is accepted, because the officer's device clock drifts a little from the server's.

#include "domain/time/instant.hpp"

#include <chrono>

namespace perkara::domain {

inline constexpr std::chrono::minutes allowed_clock_skew{5};

/// Whether `act` lies in the future of `now` beyond the allowed skew (refused as a field error).
[[nodiscard]] inline bool in_future(instant act, instant now) { return act > now + allowed_clock_skew; }

}  // namespace perkara::domain
