#pragma once
// Submission from a request tracked in the system: the PPID workflow marks it `disputed` in the same
// transaction and its dates become the dispute's chronology (timeliness assessment).

#include "domain/disputes/dispute.hpp"
#include "domain/errors.hpp"
#include "domain/ports/database.hpp"
#include "domain/requests/information_request.hpp"

#include <optional>
#include <string>

namespace perkara::api {

/// What a dispute takes from its tracked request: the chronology and the request's track (rule set).
struct tracked_request_facts {
  domain::disputes::chronology chronology;
  std::string ruleset;  // the request's rule set name: the dispute inherits it (domain/disputes/track.hpp)
};

/// A request's dates as a dispute's chronology, in the respondent's local time: received, the PPID's
/// answer, the objection, and the applicant's receipt of the atasan's answer.
domain::disputes::chronology chronology_of(const domain::information_request& request);

/// The chronology and rule set of request `request_id` (received, PPID answer, objection, atasan answer dates in the
/// respondent's local time), after marking it disputed by `dispute_id` at `ki`. Records a field error on
/// `request_id` when there is no such request or it belongs to another respondent.
std::optional<tracked_request_facts> take_tracked_request(ports::transaction& tx, const std::string& request_id,
                                                          const std::string& respondent, const std::string& dispute_id,
                                                          const std::string& ki, const std::string& actor_user_id,
                                                          domain::instant now, domain::validation& v);

}  // namespace perkara::api
