#pragma once
// Completeness checklist of a dispute application (kelengkapan berkas), docs/legal-sources.md §6.3
// attachments [G][S16d]: an application must be complete before a register number is issued (T09-T11).

#include "domain/disputes/dispute.hpp"

#include <vector>

namespace perkara::domain::disputes {

struct checklist {
  std::vector<attachment> required;  // in all_attachments order
  std::vector<attachment> missing;   // required and not present
  [[nodiscard]] bool complete() const { return missing.empty(); }
};

/// Which attachments this application needs:
/// - untracked request (chronology): request letter + receipt, objection + receipt always; the PPID answer
///   if the chronology has a PPID answer date; the atasan answer if it has an objection answer date;
/// - tracked request (request_id): none of those, the system holds the request and objection records;
/// - identity: KTP/passport for an individual or a group, registered articles of association for a
///   legal entity;
/// - power of attorney + grantor's KTP when a representative (kuasa) acts or the applicant is a group.
std::vector<attachment> required_attachments(const dispute& d);

/// Required vs present (d.completeness.present).
checklist check_completeness(const dispute& d);

}  // namespace perkara::domain::disputes
