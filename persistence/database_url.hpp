#pragma once
// Database URLs: `sqlite:PATH` (the embedded default) and
// `mysql://USER:PASSWORD@HOST[:PORT]/DATABASE[?socket=PATH]` (MariaDB in production).

#include <optional>
#include <string>
#include <string_view>

namespace perkara::persistence {

enum class backend { sqlite, mysql };

struct database_url {
  backend kind = backend::sqlite;
  std::string path;      // sqlite: the database file
  std::string user;      // mysql: percent-decoded
  std::string password;  // mysql: percent-decoded; never logged
  std::string host;
  int port = 3306;
  std::string database;
  std::optional<std::string> socket;  // mysql: Unix socket, used instead of TCP when set
};

/// Parses a URL; throws config_error with a one-line message (never containing the password).
database_url parse_database_url(std::string_view text);

/// Formats back to a URL (user and password percent-encoded); parse_database_url round-trips it.
std::string format_database_url(const database_url& url);

/// The URL with the password replaced by `***`, for logs and error messages.
std::string redacted(const database_url& url);

}  // namespace perkara::persistence
