#pragma once
// The notice flags of `perkara serve` (server/notice_flags.cpp).

#include "server/app.hpp"

namespace CLI {
class App;
}

namespace perkara::server {

/// What the notice flags read before they are checked together.
struct notice_flags {
  bool off = false;          // --no-notices
  long long interval_seconds = 5;  // --notice-interval
  long long sweep_seconds = 60;    // --sweep-interval
};

/// Adds --smtp, --mail-from, --public-url, --notice-interval, --sweep-interval and --no-notices to `serve`.
void add_notice_flags(CLI::App& serve, app_config& config, notice_flags& flags);

/// Completes `config.notices` from the flags; throws std::invalid_argument for a bad combination.
void apply_notice_flags(const notice_flags& flags, app_config& config);

}  // namespace perkara::server
