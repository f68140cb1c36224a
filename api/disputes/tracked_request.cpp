#include "api/disputes/tracked_request.hpp"

#include "api/requests/request_service.hpp"

namespace perkara::api {
namespace {

domain::civil_date local_of(const domain::offset_instant& t) { return domain::local_date(t.utc, t.offset_minutes); }

}  // namespace

domain::disputes::chronology chronology_of(const domain::information_request& request) {
  domain::disputes::chronology c;
  c.request_date = local_of(request.received_at);
  if (request.response) {
    c.ppid_response_date = local_of(request.response->responded_at);
  }
  if (request.objection) {
    c.objection_date = local_of(request.objection->received_at);
  }
  if (request.objection_answer) {
    // Pasal 37(2) counts from the applicant's receipt of the atasan's answer: recorded, else presumed
    // the day it was given (docs/deadlines.md §5 "Receipt facts").
    c.objection_response_date =
        local_of(request.objection_answer->delivered_at.value_or(request.objection_answer->answered_at));
  }
  return c;
}

std::optional<tracked_request_facts> take_tracked_request(ports::transaction& tx, const std::string& request_id,
                                                          const std::string& respondent, const std::string& dispute_id,
                                                          const std::string& ki, const std::string& actor_user_id,
                                                          domain::instant now, domain::validation& v) {
  const auto before = mark_request_disputed(tx, request_id, dispute_id, ki, actor_user_id, now);
  if (!before) {
    v.fail("request_id", "permohonan informasi tidak dikenal / unknown information request");
    return std::nullopt;
  }
  if (before->respondent != respondent) {
    v.fail("request_id", "permohonan ditujukan kepada badan publik lain / the request was made to another respondent");
    return std::nullopt;
  }
  return tracked_request_facts{chronology_of(*before), before->ruleset.name};
}

}  // namespace perkara::api
