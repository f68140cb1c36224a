#pragma once
// Who may act on and read a dispute, and who the case is waiting for (docs/legal-sources.md §2).

#include "domain/disputes/deadline_intent.hpp"
#include "domain/disputes/dispute.hpp"
#include "domain/org/user.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::disputes {

/// Actions a role may take on a case of its own KI (registrar = kepaniteraan, commissioner = Majelis /
/// mediator, ki_admin = everything the registrar may).
std::vector<dispute_action> actions_of_role(role r);

/// possible_actions(d, today, due) restricted to the caller's roles; empty unless the caller belongs to
/// the KI handling the case (`organisation == d.ki`). In all_actions order.
std::vector<dispute_action> allowed_actions(const dispute& d, std::span<const role> roles, std::string_view organisation,
                                            civil_date today, const due_map& due);
std::vector<dispute_action> allowed_actions(const dispute& d, const user& caller, civil_date today, const due_map& due);

/// Staff of the handling KI (ki_admin, registrar, commissioner) and the respondent's PPID and PPID
/// superior read the full case; nobody else does (they get 404; parties use the public view).
bool can_read(const dispute& d, std::span<const role> roles, std::string_view organisation);
bool can_read(const dispute& d, const user& caller);

/// Who must do what next, by when.
struct awaiting_item {
  std::string who;   // "ki", "applicant", "respondent", "applicant_or_respondent", "court"
  std::string what;  // e.g. "check_completeness", "decide", "serve_copy", "court_objection_window", "comply"
  std::optional<std::string> deadline_key;  // the clock that bounds it, when one exists
  std::optional<civil_date> due;            // its due date from `due`, when known
};

std::vector<awaiting_item> awaiting(const dispute& d, const due_map& due);

}  // namespace perkara::domain::disputes
