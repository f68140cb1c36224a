#pragma once
// The notice flags of `perkara serve` (server/notice_flags.cpp).

#include "server/app.hpp"
#include "server/cli.hpp"

namespace perkara::server {

/// Reads --smtp, --mail-from, --public-url, --notice-interval and --no-notices into `config.notices`;
/// throws std::invalid_argument for a bad value.
void apply_notice_flags(const cli_options& options, app_config& config);

}  // namespace perkara::server
