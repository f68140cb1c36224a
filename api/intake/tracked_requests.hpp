#pragma once
// Finding a tracked request for a dispute's intake (issue 15): a KI's registrar finds the request by
// its register number (case-insensitive, blanks ignored), or searches by number, applicant or subject,
// among the requests made to the respondent bodies whose disputes the KI hears (their competent KI) and
// those already disputed before it. The result prefills the intake form: number, respondent, applicant
// name and kind, information requested, objection grounds and dates. Contact data and identity numbers
// are not given out: the applicant supplies them with the application (as with the KI's view of a
// disputed request).

#include "api/auth/caller.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace perkara::api {

/// "0009/ppid-kpu-pangkalpinang/xii/2026 " → "0009/PPID-KPU-PANGKALPINANG/XII/2026".
std::string normalise_request_number(std::string_view text);

/// The request with that number if the caller's KI may take it in (see above), else nullopt.
std::optional<ports::stored_request> find_tracked_request(ports::transaction& tx, const caller& who,
                                                          std::string_view number);

/// `{items: [...]}`: exact number match first, then requests whose number, applicant name or subject
/// contains `q` (case-insensitive), at most `limit`.
boost::json::object search_tracked_requests(ports::transaction& tx, const caller& who, std::string_view q, int limit);

/// One item of the search (the intake form's prefill).
boost::json::object tracked_request_json(ports::transaction& tx, const ports::stored_request& r);

/// POST /api/v1/disputes takes the tracked request by number too: `request_number`, or a number in
/// `request_id`. Rewrites `body.request_id` to the request's id; 422 naming `request_number` when that
/// number is unknown to the caller's KI. A `request_id` that is no number is left as it is.
void resolve_tracked_request_reference(ports::transaction& tx, const caller& who, boost::json::object& body);

}  // namespace perkara::api
