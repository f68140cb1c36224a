// The notice flags of `perkara serve` (issue 16, docs/operations.md "Notices"), kept apart from the other
// flags so the command line parser can change without touching them:
//   --smtp URL  --mail-from ADDRESS  --public-url URL  --notice-interval SECONDS  --no-notices
#include "server/notice_flags.hpp"

#include <charconv>
#include <stdexcept>

namespace perkara::server {

void apply_notice_flags(const cli_options& options, app_config& config) {
  auto& n = config.notices;
  n.enabled = !options.has("no-notices");
  n.smtp_url = options.get("smtp");
  n.mail_from = options.get("mail-from");
  n.base_url = options.get("public-url");
  while (!n.base_url.empty() && n.base_url.back() == '/') {
    n.base_url.pop_back();
  }
  if (!n.smtp_url.empty() && n.mail_from.empty()) {
    throw std::invalid_argument("--smtp needs --mail-from ADDRESS too");
  }
  if (options.has("notice-interval")) {
    const auto text = options.get("notice-interval");
    int seconds = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc{} || ptr != text.data() + text.size() || seconds <= 0) {
      throw std::invalid_argument("--notice-interval needs a positive whole number of seconds");
    }
    n.idle_wait = std::chrono::seconds{seconds};
  }
}

}  // namespace perkara::server
