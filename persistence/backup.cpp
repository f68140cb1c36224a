#include "persistence/backup.hpp"

#include "persistence/detail/run_program.hpp"
#include "persistence/detail/session_setup.hpp"
#include "persistence/errors.hpp"
#include "persistence/files/durable.hpp"
#include "persistence/soci_database.hpp"

#include <soci/soci.h>

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace perkara::persistence {
namespace {

namespace fs = std::filesystem;

// The tables a backup's manifest counts: the cases, their files and letters, the people, the trail.
constexpr const char* counted_tables[] = {"organisations", "users",           "requests",       "disputes",
                                          "documents",     "paper_originals", "issued_letters", "audit_log"};

// A value for a MariaDB option file: double-quoted, with \ and " escaped.
std::string option_value(const std::string& value) {
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + '"';
}

// The credentials of the MariaDB client tools, in an option file only we can read (never on their
// command line, where `ps` would show the password). Removed when destroyed.
class client_options {
 public:
  explicit client_options(const database_url& url) {
    std::string pattern = (fs::temp_directory_path() / "perkara-client-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());  // mode 0600
    if (fd < 0) {
      fail_errno("cannot create", pattern);
    }
    ::close(fd);
    path_ = pattern;
    std::ofstream out(path_);
    out << "[client]\nuser=" << option_value(url.user) << "\npassword=" << option_value(url.password) << "\n";
    if (url.socket) {
      out << "socket=" << option_value(*url.socket) << "\n";
    } else {
      out << "host=" << option_value(url.host) << "\nport=" << url.port << "\nprotocol=TCP\n";
    }
    out << "default-character-set=utf8mb4\n";
    if (!out.flush()) {
      throw std::runtime_error("cannot write " + path_.string());
    }
  }
  ~client_options() { ::unlink(path_.c_str()); }
  client_options(const client_options&) = delete;
  client_options& operator=(const client_options&) = delete;

  [[nodiscard]] std::string flag() const { return "--defaults-extra-file=" + path_.string(); }

 private:
  fs::path path_;
};

void run_client(const std::vector<std::string>& argv, const std::optional<fs::path>& input = {}) {
  const int code = detail::run_program(argv, input);
  if (code != 0) {
    throw std::runtime_error(fmt::format("{} failed (exit code {})", argv.front(), code));
  }
}

void open(soci::session& sql, const database_url& url) {
  try {
    detail::open_session(sql, url);
  } catch (...) {
    throw open_error(fmt::format("cannot open database {}: {}", redacted(url), detail::describe_current_exception()));
  }
}

std::vector<std::string> table_names(soci::session& sql, backend kind, bool views) {
  std::vector<std::string> out;
  std::string name;
  const std::string query =
      kind == backend::sqlite
          ? fmt::format("SELECT name FROM sqlite_master WHERE type='{}' AND name NOT LIKE 'sqlite_%'",
                        views ? "view" : "table")
          : fmt::format(
                "SELECT table_name FROM information_schema.tables WHERE table_schema=DATABASE() AND "
                "table_type {} 'VIEW'",
                views ? "=" : "<>");
  soci::statement st = (sql.prepare << query, soci::into(name));
  st.execute();
  while (st.fetch()) {
    out.push_back(name);
  }
  return out;
}

}  // namespace

std::string database_copy_name(backend kind) { return kind == backend::sqlite ? "database.sqlite" : "database.sql"; }

void dump_database(const database_url& url, const fs::path& target) {
  if (fs::exists(target)) {
    throw std::runtime_error("backup target exists already: " + target.string());
  }
  if (url.kind == backend::sqlite) {
    soci::session sql;
    open(sql, url);
    const std::string path = target.string();
    sql << "VACUUM INTO :target", soci::use(path);
  } else {
    const client_options options{url};
    run_client({"mariadb-dump", options.flag(), "--single-transaction", "--quick", "--hex-blob", "--no-tablespaces",
                "--result-file=" + target.string(), url.database});
  }
  fsync_file(target);
  fsync_dir(target.parent_path().empty() ? fs::path{"."} : target.parent_path());
}

void load_database(const database_url& url, const fs::path& source) {
  if (url.kind == backend::mysql) {
    const client_options options{url};
    run_client({"mariadb", options.flag(), "--binary-mode", url.database}, source);
    return;
  }
  const fs::path target = url.path;
  const auto dir = target.parent_path().empty() ? fs::path{"."} : target.parent_path();
  make_durable_dirs(dir);
  auto temp = target;
  temp += ".restore.part";
  fs::copy_file(source, temp, fs::copy_options::overwrite_existing);
  fsync_file(temp);
  // The copy replaces the database whole: a -wal or -shm of what was there before belongs to it.
  for (const char* suffix : {"-wal", "-shm"}) {
    auto side = target;
    side += suffix;
    fs::remove(side);
  }
  fs::rename(temp, target);
  fsync_dir(dir);
  soci::session sql;
  open(sql, url);
  std::string mode;
  sql << "PRAGMA journal_mode=WAL", soci::into(mode);
}

bool database_is_empty(const database_url& url) {
  if (url.kind == backend::sqlite && !fs::exists(url.path)) {
    return true;
  }
  soci::session sql;
  open(sql, url);
  return table_names(sql, url.kind, false).empty() && table_names(sql, url.kind, true).empty();
}

void clear_database(const database_url& url) {
  if (url.kind == backend::sqlite) {
    return;
  }
  soci::session sql;
  open(sql, url);
  sql << "SET FOREIGN_KEY_CHECKS=0";
  for (const auto& view : table_names(sql, url.kind, true)) {
    sql << fmt::format("DROP VIEW `{}`", view);
  }
  for (const auto& table : table_names(sql, url.kind, false)) {
    sql << fmt::format("DROP TABLE `{}`", table);
  }
  sql << "SET FOREIGN_KEY_CHECKS=1";
}

database_summary summarise(const database_url& url) {
  database_summary out;
  out.schema_version = check_schema(url).current;
  soci::session sql;
  open(sql, url);
  const auto tables = table_names(sql, url.kind, false);
  for (const char* table : counted_tables) {
    if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
      continue;
    }
    long long n = 0;
    sql << fmt::format("SELECT COUNT(*) FROM {}", table), soci::into(n);
    out.counts.emplace_back(table, n);
  }
  if (std::find(tables.begin(), tables.end(), "documents") != tables.end()) {
    std::string sha;
    soci::statement st = (sql.prepare << "SELECT DISTINCT sha256 FROM documents ORDER BY sha256", soci::into(sha));
    st.execute();
    while (st.fetch()) {
      out.checksums.push_back(sha);
    }
  }
  return out;
}

}  // namespace perkara::persistence
