#pragma once
// The notice outbox on /metrics (issue 16, docs/operations.md "Notices"): queued, sent, failed, and the
// age of the oldest pending notice.

#include "domain/ports/notice_outbox.hpp"

#include <string>

namespace perkara::api {

/// Prometheus text for `counts` as of `now`.
std::string render_notice_metrics(const ports::notice_counts& counts, domain::instant now);

}  // namespace perkara::api
