#pragma once
// The public status view of a dispute (docs/dispute-workflow.md "Public view": `GET /api/v1/public/disputes?register_number=`).
// By construction it holds no personal data: no id numbers, addresses, phone numbers or e-mail
// addresses; the applicant appears as initials only. Add fields here only after a privacy review.

#include "domain/disputes/deadline_intent.hpp"
#include "domain/disputes/dispute.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::disputes {

struct public_deadline {
  std::string key;
  civil_date due{};
};

struct public_hearing {
  hearing_kind kind = hearing_kind::preliminary_examination;
  offset_instant scheduled_at;
  std::string location;  // the room, or "daring (online)" for an online hearing (links are not published)
};

struct public_decision {
  std::string number;
  offset_instant read_at;
  dispute_outcome outcome = dispute_outcome::rejected;
  std::vector<std::string> orders;  // order texts
};

struct public_dispute_view {
  std::optional<std::string> register_number;
  std::string ki;
  std::string respondent;  // organisation code
  dispute_state state = dispute_state::submitted;
  std::optional<dispute_outcome> outcome;
  std::optional<public_deadline> next_deadline;
  std::vector<public_hearing> hearings;
  std::optional<public_decision> decision;
  std::string applicant_initials;  // "B. S."
};

/// The projection; next_deadline is the earliest due date among the clocks the case is waiting on
/// (awaiting()), looked up in `due`.
public_dispute_view public_view(const dispute& d, const due_map& due);

/// Initials of a name: the first letter of each word, upper-cased, "X." joined by spaces
/// ("Budi Santoso" -> "B. S."); multi-byte UTF-8 first letters are kept whole.
std::string initials(std::string_view name);

}  // namespace perkara::domain::disputes
