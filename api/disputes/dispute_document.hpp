#pragma once
// The dispute aggregate as JSON, both ways. The same shape is the stored document (ports::
// dispute_document::body) and the core of the API view (GET /api/v1/disputes/{id}), so a field added to
// the aggregate is added once here. Field names follow api-v1 "Dispute cases".

#include "domain/disputes/dispute.hpp"
#include "domain/ports/dispute_repository.hpp"

#include <boost/json/object.hpp>

#include <optional>

namespace perkara::api {

/// Every field of the aggregate (personal data included: only for readers allowed by can_read).
boost::json::object dispute_to_json(const domain::disputes::dispute& d);
/// The inverse of dispute_to_json; throws std::runtime_error on a document it did not write.
domain::disputes::dispute dispute_from_json(const boost::json::object& json);

/// A case as one item of GET /api/v1/disputes, without what depends on the day it is read (next_due,
/// overdue). Stored beside the document (ports::dispute_document::list_item) so lists need not decode it.
boost::json::object dispute_list_item(const domain::disputes::dispute& d);

/// The stored row: document plus the indexed columns and the hearing/decision projections.
/// `ki_offset_minutes` gives the KI-local registration date and decision year.
ports::dispute_document to_document(const domain::disputes::dispute& d, std::optional<domain::civil_date> next_due,
                                    int ki_offset_minutes);
domain::disputes::dispute from_document(const ports::dispute_document& doc);

/// The public label of a hearing's place: the room, or "daring (online)" (links are never published).
std::string public_location(const domain::disputes::hearing& h);

}  // namespace perkara::api
