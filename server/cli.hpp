#pragma once
// The perkara command line: `perkara <command> [options]`, parsed by CLI11 (docs/operations.md "Command
// line"). Exit codes: 0 success (and --help), 1 usage error (unknown command or flag, missing or bad value;
// CLI11's message on stderr), 2 a configuration or database problem (one line on stderr).
//
// Adding a command is one file: server/command_<name>.cpp defines `void register_<name>(CLI::App& perkara)`,
// which adds the subcommand, its options (each with its PERKARA_* variable where one makes sense) and its
// callback; declare it below and list it in `commands` in server/cli.cpp. A callback reports a problem
// found after parsing by throwing std::invalid_argument (exit 1) or any other exception (exit 2).

#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
class Validator;
}  // namespace CLI

namespace perkara::server {

int run_cli(const std::vector<std::string>& args);

/// --db URL, required, or $PERKARA_DB: for every command that opens the database.
CLI::Option* add_database_option(CLI::App& command, std::string& url);

/// Accepts a whole number of at least `minimum` (CLI11's numeric ranges print doubles in their messages).
CLI::Validator whole_number_at_least(long long minimum);

/// The command group `name` of `perkara` (e.g. "user" for `perkara user add`), created on first use so
/// that several commands can share it.
CLI::App& command_group(CLI::App& perkara, const std::string& name, const std::string& description);

void register_serve(CLI::App& perkara);
void register_migrate(CLI::App& perkara);
void register_user_add(CLI::App& perkara);
void register_seed_demo(CLI::App& perkara);
void register_organisations_import(CLI::App& perkara);
void register_check(CLI::App& perkara);
void register_backup(CLI::App& perkara);
void register_restore(CLI::App& perkara);

}  // namespace perkara::server
