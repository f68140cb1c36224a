#pragma once
// What the dispute service reads from a case's clock records: the due dates the domain guards and
// views take, and the earliest open due date (the list's next_due). Shared with the benchmark data
// generator, which drives the same state machines without HTTP.

#include "domain/deadline_record.hpp"
#include "domain/disputes/deadline_intent.hpp"

#include <optional>
#include <vector>

namespace perkara::api {

/// Due dates of the case's clocks by key: the open record of a key, else its latest closed one (the
/// guards read windows that passed without being met, api/domain "due_map").
domain::disputes::due_map due_map_of(const std::vector<domain::deadline_record>& records);
/// Due dates of the open clocks only (what awaits someone now).
domain::disputes::due_map open_due_map(const std::vector<domain::deadline_record>& records);
/// The earliest due date of an open clock, if any.
std::optional<domain::civil_date> next_open_due(const std::vector<domain::deadline_record>& records);

}  // namespace perkara::api
