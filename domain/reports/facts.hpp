#pragma once
// The report facts of a dispute from the aggregate (docs/open-data.md): what the dispute repository
// stores beside the document with every save (migration 0022), so a report reads narrow columns and
// never decodes a document.

#include "domain/deadline_record.hpp"
#include "domain/disputes/dispute.hpp"
#include "domain/reports/measures.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace perkara::domain::reports {

/// The facts of `d`, each act's date local to the instant's own offset (the KI's). `completion_due` is
/// left unset: it is the ki_completion clock's (report_due), set from the case's clocks where they are
/// saved (api/disputes/dispute_document.cpp to_document).
dispute_fact fact_of(const disputes::dispute& d);

/// The clocks the reports measure against: a request's answer and a dispute's decision.
inline constexpr std::string_view response_clock = "ppid_response";
inline constexpr std::string_view completion_clock = "ki_completion";

/// The due date the reports count a clock by: the latest among the case's clocks of `key` (open, met or
/// stopped), with the extension and every calendar change that moved it. Stored beside the case's report
/// facts with every save of the case and of its clocks (migration 0028, docs/open-data.md "Scale").
std::optional<civil_date> report_due(const std::vector<deadline_record>& clocks, std::string_view key);

}  // namespace perkara::domain::reports
