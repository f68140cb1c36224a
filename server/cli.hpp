#pragma once
// The perkara command line: `perkara <command> [options]`. Each command returns the process exit code:
// 0 success, 1 usage error, 2 a configuration or database problem (one line on stderr).

#include <string>
#include <vector>

namespace perkara::server {

int run_cli(const std::vector<std::string>& args);

/// Option parsing shared by the commands: `--name value` pairs (repeatable) and positional arguments.
class cli_options {
 public:
  explicit cli_options(const std::vector<std::string>& args);
  [[nodiscard]] bool has(const std::string& name) const;
  [[nodiscard]] std::string get(const std::string& name, const std::string& fallback = {}) const;
  [[nodiscard]] std::vector<std::string> all(const std::string& name) const;
  [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
  /// The database URL: --db, else $PERKARA_DB; throws std::invalid_argument when neither is set.
  [[nodiscard]] std::string database_url() const;

 private:
  std::vector<std::pair<std::string, std::string>> options_;
  std::vector<std::string> positional_;
};

int command_serve(const cli_options& options);
int command_migrate(const cli_options& options);
int command_user_add(const cli_options& options);
int command_seed_demo(const cli_options& options);
int command_organisations_import(const cli_options& options);
int command_check(const cli_options& options);

}  // namespace perkara::server
