#include "api/metrics/notice_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perkara::api {

std::string render_notice_metrics(const ports::notice_counts& counts, domain::instant now) {
  const long long oldest = counts.oldest_pending ? std::max<long long>(0, (now - *counts.oldest_pending).count()) : 0;
  return fmt::format(
      "# HELP perkara_notices Notices in the outbox by state.\n"
      "# TYPE perkara_notices gauge\n"
      "perkara_notices{{state=\"queued\"}} {}\n"
      "perkara_notices{{state=\"sent\"}} {}\n"
      "perkara_notices{{state=\"failed\"}} {}\n"
      "# HELP perkara_notices_oldest_pending_seconds Age of the oldest notice not yet delivered (0 when none).\n"
      "# TYPE perkara_notices_oldest_pending_seconds gauge\n"
      "perkara_notices_oldest_pending_seconds {}\n",
      counts.pending, counts.sent, counts.failed, oldest);
}

}  // namespace perkara::api
