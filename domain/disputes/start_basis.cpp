#include "domain/disputes/start_basis.hpp"

#include "domain/disputes/transitions.hpp"

namespace perkara::domain::disputes {

std::string_view to_string(start_basis b) { return b == start_basis::receipt ? "receipt" : "presumed_receipt"; }

std::optional<start_basis> start_basis_of(const dispute& d, std::string_view key, instant start) {
  for (auto p : {party::applicant, party::respondent}) {
    if (key == court_objection_key(p)) {
      // A window restarted from a recorded receipt starts exactly at it; an earlier one (stopped when
      // the receipt was recorded) started at the presumed one.
      const auto* s = d.served(p);
      return s != nullptr && s->delivered_at && s->delivered_at->utc == start ? start_basis::receipt
                                                                              : start_basis::presumed_receipt;
    }
    if (key == cassation_key(p)) {
      // Likewise from the party's recorded receipt of the first-instance decision, else its pronouncement.
      const auto* decided = d.court_decided(court_instance::first_instance);
      const auto* delivered = decided != nullptr ? decided->delivered_to(p) : nullptr;
      return delivered != nullptr && delivered->utc == start ? start_basis::receipt : start_basis::presumed_receipt;
    }
  }
  return std::nullopt;
}

}  // namespace perkara::domain::disputes
