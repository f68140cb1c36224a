#pragma once
// Internal: runs an external program (the MariaDB client tools of a backup and a restore) and waits
// for it. Its stderr is ours; its stdin can come from a file.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace perkara::persistence::detail {

/// Runs `argv` (argv[0] looked up in PATH) and returns its exit code (128 + signal when killed).
/// Throws std::system_error when it cannot be started.
int run_program(const std::vector<std::string>& argv, const std::optional<std::filesystem::path>& stdin_file = {});

}  // namespace perkara::persistence::detail
