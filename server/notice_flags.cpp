// The notice flags of `perkara serve` (issue 16, docs/operations.md "Notices"), kept apart from the other
// flags: --smtp URL  --mail-from ADDRESS  --public-url URL  --notice-interval SECONDS  --sweep-interval SECONDS
// --no-notices
#include "server/notice_flags.hpp"

#include "server/cli.hpp"

#include <CLI/CLI.hpp>

#include <stdexcept>

namespace perkara::server {

void add_notice_flags(CLI::App& serve, app_config& config, notice_flags& flags) {
  auto& n = config.notices;
  serve.add_option("--smtp", n.smtp_url, "SMTP server for notices by email, e.g. smtp://mail.example:587")
      ->envname("PERKARA_SMTP");
  serve.add_option("--mail-from", n.mail_from, "Sender address of notices by email")->envname("PERKARA_MAIL_FROM");
  serve.add_option("--public-url", n.base_url, "Address of this service as people reach it, for links in notices")
      ->envname("PERKARA_PUBLIC_URL");
  serve.add_option("--notice-interval", flags.interval_seconds, "Seconds the notice dispatcher rests when idle")
      ->envname("PERKARA_NOTICE_INTERVAL")
      ->check(whole_number_at_least(1))
      ->capture_default_str();
  serve.add_option("--sweep-interval", flags.sweep_seconds,
                   "Seconds between deadline sweeps (missed deadlines, reminders, digests); 0: no sweep here")
      ->envname("PERKARA_SWEEP_INTERVAL")
      ->check(whole_number_at_least(0))
      ->capture_default_str();
  serve.add_flag("--no-notices", flags.off, "Do not run the notice dispatcher in this server")
      ->envname("PERKARA_NO_NOTICES");
}

void apply_notice_flags(const notice_flags& flags, app_config& config) {
  auto& n = config.notices;
  n.enabled = !flags.off;
  while (!n.base_url.empty() && n.base_url.back() == '/') {
    n.base_url.pop_back();
  }
  if (!n.smtp_url.empty() && n.mail_from.empty()) {
    throw std::invalid_argument("--smtp needs --mail-from ADDRESS too");
  }
  n.idle_wait = std::chrono::seconds{flags.interval_seconds};
  n.sweep_interval = std::chrono::seconds{flags.sweep_seconds};
}

}  // namespace perkara::server
