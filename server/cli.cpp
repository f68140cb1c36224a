#include "server/cli.hpp"

#include "persistence/errors.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace perkara::server {
namespace {

constexpr const char* usage = R"(perkara: case management for election-information disputes (PERKI 1/2019)

Usage:
  perkara serve --db URL --listen HOST:PORT [--threads N] [--web-root DIR] [--db-pool N] [--secure-cookies]
                [--max-connections-per-address N (default 128, 0 = no cap)]
                [--metrics-listen HOST:PORT] [--metrics-token-file FILE]
                [--trusted-proxy ADDR ...]  (take the client address from X-Forwarded-For of these peers)
                [--smtp URL --mail-from ADDRESS] [--public-url URL] [--notice-interval SECONDS] [--no-notices]
  perkara migrate --db URL
  perkara user add --db URL --username U --role R [--role R2 ...] --organisation CODE [--display-name NAME]
                   (the password is read from standard input)
  perkara seed-demo --db URL [--logins-file FILE]
  perkara organisations import --db URL FILE.csv
  perkara <command> --help

Database URLs: sqlite:PATH or mysql://USER:PASSWORD@HOST:PORT/DATABASE[?socket=PATH].
Environment: PERKARA_DB (default for --db), PERKARA_LISTEN (default for --listen).
Exit codes: 0 success, 1 usage error, 2 configuration or database error.
)";

bool wants_help(const std::vector<std::string>& args) {
  for (const auto& a : args) {
    if (a == "--help" || a == "-h") {
      return true;
    }
  }
  return false;
}

}  // namespace

cli_options::cli_options(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    if (a.rfind("--", 0) == 0 && a.size() > 2) {
      const auto eq = a.find('=');
      if (eq != std::string::npos) {
        options_.emplace_back(a.substr(2, eq - 2), a.substr(eq + 1));
      } else if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
        options_.emplace_back(a.substr(2), args[++i]);
      } else {
        options_.emplace_back(a.substr(2), "");
      }
    } else {
      positional_.push_back(a);
    }
  }
}

bool cli_options::has(const std::string& name) const {
  for (const auto& [k, v] : options_) {
    if (k == name) {
      return true;
    }
  }
  return false;
}

std::string cli_options::get(const std::string& name, const std::string& fallback) const {
  for (const auto& [k, v] : options_) {
    if (k == name) {
      return v;
    }
  }
  return fallback;
}

std::vector<std::string> cli_options::all(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : options_) {
    if (k == name) {
      out.push_back(v);
    }
  }
  return out;
}

std::string cli_options::database_url() const {
  if (has("db")) {
    return get("db");
  }
  if (const char* env = std::getenv("PERKARA_DB"); env && *env) {
    return env;
  }
  throw std::invalid_argument("no database: pass --db URL or set PERKARA_DB");
}

int run_cli(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(usage, args.empty() ? stderr : stdout);
    return args.empty() ? 1 : 0;
  }
  const auto& command = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  std::string sub;
  if ((command == "user" || command == "organisations") && !rest.empty()) {
    sub = rest.front();
    rest.erase(rest.begin());
  }
  if (wants_help(rest)) {
    std::fputs(usage, stdout);
    return 0;
  }
  const cli_options options{rest};
  try {
    if (command == "serve") {
      return command_serve(options);
    }
    if (command == "migrate") {
      return command_migrate(options);
    }
    if (command == "user" && sub == "add") {
      return command_user_add(options);
    }
    if (command == "seed-demo") {
      return command_seed_demo(options);
    }
    if (command == "organisations" && sub == "import") {
      return command_organisations_import(options);
    }
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
  std::fprintf(stderr, "perkara: unknown command '%s'; see perkara --help\n", command.c_str());
  return 1;
}

}  // namespace perkara::server
