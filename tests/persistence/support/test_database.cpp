#include "persistence/support/test_database.hpp"

#include "persistence/migrations.hpp"
#include "persistence/soci_database.hpp"
#include "support/eventually.hpp"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

namespace perkara::testing {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// A soci connect string for the server itself, without selecting a database.
std::string server_connect_string(const persistence::database_url& u) {
  std::string s = fmt::format("user='{}' password='{}' charset=utf8mb4 connect_timeout=5", u.user, u.password);
  if (u.socket) {
    s += fmt::format(" unix_socket='{}'", *u.socket);
  } else {
    s += fmt::format(" host='{}' port={}", u.host, u.port);
  }
  return s;
}

std::string unique_suffix() {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  return fmt::format("{}_{}_{:06x}", static_cast<long>(::getpid()), counter++, rd() & 0xffffffU);
}

}  // namespace

persistence::backend selected_backend() {
  if (env("PERKARA_TEST_BACKEND") != "mysql") {
    return persistence::backend::sqlite;
  }
  if (env("PERKARA_TEST_MYSQL_URL").empty()) {
    throw std::runtime_error(
        "PERKARA_TEST_BACKEND=mysql but PERKARA_TEST_MYSQL_URL is not set (source scripts/lib/mariadb.sh and run "
        "mariadb_start)");
  }
  return persistence::backend::mysql;
}

test_database::test_database(bool migrated) : kind_(selected_backend()) {
  if (kind_ == persistence::backend::sqlite) {
    const auto base = std::filesystem::temp_directory_path() / "perkara-test-XXXXXX";
    std::string pattern = base.string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a temporary directory for the SQLite test database");
    }
    sqlite_dir_ = pattern;
    url_ = "sqlite:" + sqlite_dir_ + "/perkara.db";
  } else {
    server_url_ = env("PERKARA_TEST_MYSQL_URL");
    auto u = persistence::parse_database_url(server_url_);
    // The URL's database name is the prefix; every fixture gets its own database.
    database_name_ = fmt::format("{}_{}", u.database.substr(0, 30), unique_suffix());
    soci::session admin(soci::mysql, server_connect_string(u));
    admin << fmt::format("CREATE DATABASE `{}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", database_name_);
    u.database = database_name_;
    url_ = persistence::format_database_url(u);
  }
  if (migrated) {
    try {
      persistence::migrate(parsed_url());
    } catch (...) {
      cleanup();  // the destructor does not run for a throwing constructor
      throw;
    }
  }
}

test_database::~test_database() { cleanup(); }

void test_database::cleanup() noexcept {
  try {
    if (kind_ == persistence::backend::sqlite) {
      if (!sqlite_dir_.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(sqlite_dir_, ignored);
        sqlite_dir_.clear();
      }
    } else if (!database_name_.empty()) {
      const auto u = persistence::parse_database_url(server_url_);
      soci::session admin(soci::mysql, server_connect_string(u));
      admin << fmt::format("DROP DATABASE IF EXISTS `{}`", database_name_);
      database_name_.clear();
    }
  } catch (...) {
    // Clean-up is best effort; a leftover database does not change any test result.
  }
}

persistence::database_url test_database::parsed_url() const { return persistence::parse_database_url(url_); }

std::unique_ptr<ports::database> test_database::open(std::size_t pool_size) const {
  // Concurrent tests wait for a connection as long as a test may run: on a busy machine they must fail
  // by their assertions, never by the lease timeout (tests/README.md, "Timing").
  persistence::open_options options;
  options.pool_size = pool_size;
  options.lease_timeout = testing::patience;
  return persistence::open_database(parsed_url(), options);
}

void test_database::execute(const std::string& sql) const {
  const auto u = parsed_url();
  if (u.kind == persistence::backend::sqlite) {
    soci::session s(soci::sqlite3, fmt::format("db={} timeout=5", u.path));
    s << sql;
  } else {
    soci::session s(soci::mysql, server_connect_string(u) + fmt::format(" db={}", u.database));
    s << sql;
  }
}

}  // namespace perkara::testing
