#include "server/cli.hpp"

#include "persistence/errors.hpp"
#include "domain/whole_number.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

namespace perkara::server {
namespace {

using registration = void (*)(CLI::App&);

// Every command, in the order `perkara --help` lists them (server/command_*.cpp).
constexpr registration commands[] = {
    register_serve, register_migrate, register_user_add, register_seed_demo, register_organisations_import,
    register_check, register_backup,  register_restore,
};

constexpr const char* footer =
    "Database URLs: sqlite:PATH or mysql://USER:PASSWORD@HOST:PORT/DATABASE[?socket=PATH].\n"
    "Options marked (Env:NAME) may also come from that environment variable; the flag wins.\n"
    "Exit codes: 0 success, 1 usage error, 2 configuration or database error.\n"
    "Run `perkara COMMAND --help` for the options of one command.";

// "perkara user add": the command that was being parsed when an error came, for the hint after it.
std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  const auto* current = &app;
  while (true) {
    const auto selected = current->get_subcommands();
    if (selected.empty()) {
      return path;
    }
    current = selected.front();
    path += " " + current->get_name();
  }
}

// CLI11 reports a misspelt command only as a missing one: name it. Walks the leading words that name
// commands and groups; the first word that names none where a command is required is the unknown one.
std::optional<std::string> unknown_command(CLI::App& perkara, const std::vector<std::string>& args) {
  CLI::App* current = &perkara;
  std::string path = "perkara";
  for (const auto& word : args) {
    if (word.rfind('-', 0) == 0) {
      break;
    }
    const auto named = current->get_subcommands([&](const CLI::App* sub) { return sub->get_name() == word; });
    if (named.empty()) {
      if (current->get_require_subcommand_min() == 0) {
        break;
      }
      return fmt::format("{}: unknown command '{}'", path, word);
    }
    current = named.front();
    path += " " + word;
  }
  return std::nullopt;
}

}  // namespace

CLI::Option* add_database_option(CLI::App& command, std::string& url) {
  return command.add_option("--db", url, "Database URL: sqlite:PATH or mysql://USER:PASSWORD@HOST:PORT/DATABASE")
      ->envname("PERKARA_DB")
      ->required();
}

CLI::Validator whole_number_at_least(long long minimum) {
  return CLI::Validator{[minimum](const std::string& text) -> std::string {
                          const auto n = domain::parse_whole_number<long long>(text);
                          if (n && *n >= minimum) {
                            return {};
                          }
                          return "needs a whole number, at least " + std::to_string(minimum) + " (got '" + text + "')";
                        },
                        ">=" + std::to_string(minimum)};
}

CLI::App& command_group(CLI::App& perkara, const std::string& name, const std::string& description) {
  for (auto* existing : perkara.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == name; })) {
    return *existing;
  }
  auto* group = perkara.add_subcommand(name, description);
  group->require_subcommand(1);
  return *group;
}

int run_cli(const std::vector<std::string>& args) {
  CLI::App perkara{"perkara: case management for election-information disputes (PERKI 1/2019)", "perkara"};
  perkara.require_subcommand(1);
  perkara.footer(footer);
  for (const auto add : commands) {
    add(perkara);
  }
  if (args.empty()) {
    std::fputs(perkara.help().c_str(), stderr);
    return 1;
  }
  // `perkara help` is `perkara --help`. CLI11 takes the arguments last one first.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  if (args.size() == 1 && args.front() == "help") {
    reversed = {"--help"};
  } else if (const auto unknown = unknown_command(perkara, args)) {
    std::fprintf(stderr, "%s\nRun `perkara --help` for the commands.\n", unknown->c_str());
    return 1;
  }
  try {
    // The commands run as callbacks inside parse(), after every option has been checked.
    perkara.parse(reversed);
    return 0;
  } catch (const CLI::CallForHelp&) {
    std::fputs(perkara.help().c_str(), stdout);
    return 0;
  } catch (const CLI::ParseError& e) {
    const auto path = command_path(perkara);
    std::fprintf(stderr, "%s: %s\nRun `%s --help` for the options.\n", path.c_str(), e.what(), path.c_str());
    return 1;
  } catch (const persistence::error& e) {
    std::fprintf(stderr, "perkara: %s\n", e.what());
    return 2;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "perkara: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "perkara: %s\n", e.what());
    return 2;
  }
}

}  // namespace perkara::server
