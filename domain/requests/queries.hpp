#pragma once
// Read-side questions about a request: who must act next, by when (awaiting), and what this caller
// may do now (allowed_actions). Both are pure; the application layer supplies due dates and today.

#include "domain/org/user.hpp"
#include "domain/requests/deadline_intents.hpp"
#include "domain/requests/information_request.hpp"
#include "domain/requests/transitions.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

enum class awaiting_party { respondent, applicant, none };
std::string_view to_string(awaiting_party party);

struct awaiting_info {
  awaiting_party party = awaiting_party::none;
  std::string action;              // "respond", "file_objection", "answer_objection", "file_dispute", or ""
  std::optional<civil_date> due;   // the clock's due date, when known
};

/// received/extended → respondent must `respond` by ppid_response; answered → applicant may
/// `file_objection` by objection_filing; objected → respondent (atasan) `answer_objection` by
/// atasan_response; objection_answered → applicant may `file_dispute` at the KI by dispute_filing;
/// closed/disputed → none.
awaiting_info awaiting(const information_request& request, const request_due_dates& due);

struct request_caller {
  std::string organisation;  // organisation code
  std::vector<role> roles;
};

/// The actions this caller may take now, in stable order (request_action order). Only the
/// respondent's own users act: `ppid` → extend, respond, file_objection (recorded for the applicant),
/// close; `ppid_superior` → answer_objection. Everyone else (other organisations, KI roles,
/// applicants) gets none. State and date guards as state_allowed_actions().
std::vector<request_action> allowed_actions(const information_request& request, const request_caller& caller,
                                            civil_date today, const request_due_dates& due);
std::vector<request_action> allowed_actions(const information_request& request, const user& caller,
                                            civil_date today, const request_due_dates& due);

}  // namespace perkara::domain
