#pragma once
// The dispute checklist reads the case file (docs/documents.md "Checklist"): an attachment is present
// when a document of that kind is attached and not retracted, or its paper original was recorded as
// seen, as well as when the registry ticked it by hand.

#include "domain/disputes/dispute.hpp"

#include <span>
#include <string>

namespace perkara::domain::documents {

/// Adds to `c.present` every checklist attachment named in `kinds` (document kinds; the others are
/// ignored), keeping all_attachments order.
void add_present_documents(disputes::completeness& c, std::span<const std::string> kinds);

}  // namespace perkara::domain::documents
