#pragma once
// The dispute aggregate as JSON, both ways. The same shape is the stored document (ports::
// dispute_document::body) and the core of the API view (GET /api/v1/disputes/{id}), so a field added to
// the aggregate is added once here. Field names follow api/openapi/30-disputes.json.

#include "domain/deadline_record.hpp"
#include "domain/disputes/access.hpp"
#include "domain/disputes/deadline_intent.hpp"
#include "domain/disputes/dispute.hpp"
#include "domain/ports/dispute_repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>

namespace perkara::api {

/// Every field of the aggregate (personal data included: only for readers allowed by can_read).
boost::json::object dispute_to_json(const domain::disputes::dispute& d);
/// The inverse of dispute_to_json; throws std::runtime_error on a document it did not write.
domain::disputes::dispute dispute_from_json(const boost::json::object& json);

/// What the case awaits, `[{who, what, deadline_key, due}]` (domain awaiting()), for the view and the list.
boost::json::array awaiting_json(const std::vector<domain::disputes::awaiting_item>& items);

/// A case as one item of GET /api/v1/disputes, with what it awaits (its due dates from `open_dues`) and
/// its rule set, without what depends on the day it is read (next_due, overdue, days_remaining). Stored
/// beside the document (ports::dispute_document::list_item) so lists need not decode it.
boost::json::object dispute_list_item(const domain::disputes::dispute& d, const domain::disputes::due_map& open_dues);

/// The public status of a case (GET /api/v1/public/disputes): domain public_view as JSON, its next
/// deadline looked up in `open_dues`. Stored beside the document (ports::dispute_document::public_item).
boost::json::object dispute_public_status(const domain::disputes::dispute& d,
                                          const domain::disputes::due_map& open_dues);

/// The stored row: document plus the indexed columns, the list and public projections and the
/// hearing/decision projection rows, from the case and its clocks (`records`). `ki_offset_minutes`
/// gives the KI-local registration date and decision year.
ports::dispute_document to_document(const domain::disputes::dispute& d,
                                    const std::vector<domain::deadline_record>& records, int ki_offset_minutes);
domain::disputes::dispute from_document(const ports::dispute_document& doc);

/// The public label of a hearing's place: the room, or "daring (online)" (links are never published).
std::string public_location(const domain::disputes::hearing& h);

}  // namespace perkara::api
