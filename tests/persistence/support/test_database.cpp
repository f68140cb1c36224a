#include "persistence/support/test_database.hpp"

#include "persistence/migrations.hpp"
#include "persistence/reference_data.hpp"
#include "persistence/soci_database.hpp"
#include "support/eventually.hpp"

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <vector>

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

// Migrating a fresh database (the schema and about 1,100 organisations of reference data) takes about a
// second on MariaDB, most of a test's cost. So the first fixture of a run migrates a template once, and
// every fixture copies it. The template's name is a fingerprint of everything that shapes a migrated
// database: this test binary (the migrations and loaders are compiled into it) and the reference data
// files, so a changed schema or data file never reuses an old template.
std::string template_fingerprint() {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  const auto mix = [&hash](std::string_view bytes) {
    for (const char c : bytes) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
  };
  const auto binary_time = std::filesystem::last_write_time("/proc/self/exe").time_since_epoch().count();
  mix(std::to_string(binary_time));
  mix(std::filesystem::read_symlink("/proc/self/exe").string());
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(persistence::resolve_data_dir())) {
    if (entry.is_regular_file()) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    mix(file.filename().string());
    mix(std::string(std::istreambuf_iterator<char>(in), {}));
  }
  return fmt::format("{:016x}", hash);
}

// Holds an exclusive flock on a file for the lifetime of the object: one process builds a template while
// the others (ctest -j) wait for it.
class file_lock {
 public:
  explicit file_lock(const std::filesystem::path& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) {
      throw std::runtime_error("cannot lock " + path.string());
    }
  }
  ~file_lock() { ::close(fd_); }
  file_lock(const file_lock&) = delete;
  file_lock& operator=(const file_lock&) = delete;

 private:
  int fd_;
};

// The SQLite template: a migrated, closed database file under $TMPDIR/perkara-test-templates. It is
// built under another name and renamed into place, so a reader never sees half a template.
std::filesystem::path sqlite_template() {
  const auto dir = std::filesystem::temp_directory_path() / "perkara-test-templates";
  std::filesystem::create_directories(dir);
  const auto path = dir / (template_fingerprint() + ".db");
  if (std::filesystem::exists(path)) {
    return path;
  }
  const file_lock lock(dir / ".lock");
  if (!std::filesystem::exists(path)) {
    // Templates of earlier builds are left a day for test runs still using them, then removed.
    const auto day_ago = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::error_code ignored;
      if (entry.path().extension() == ".db" && entry.last_write_time(ignored) < day_ago) {
        std::filesystem::remove(entry.path(), ignored);
      }
    }
    const auto building = dir / fmt::format("building-{}.db", static_cast<long>(::getpid()));
    persistence::migrate(persistence::parse_database_url("sqlite:" + building.string()));
    // migrate() closed its connection, which checkpointed the write-ahead log into the file.
    std::filesystem::rename(building, path);
  }
  return path;
}

constexpr std::string_view template_done_table = "perkara_template_complete";

// The MariaDB template: a migrated database on the test server, marked complete by a table created
// last (a fixture killed while building one leaves it unmarked, and the next one rebuilds it).
std::string mysql_template(soci::session& admin, const persistence::database_url& server) {
  const std::string name = fmt::format("{}_tpl_{}", server.database.substr(0, 30), template_fingerprint());
  int locked = 0;
  admin << "SELECT GET_LOCK('perkara_test_template', 600)", soci::into(locked);
  if (locked != 1) {
    throw std::runtime_error("cannot take the test template lock on MariaDB");
  }
  try {
    int complete = 0;
    const std::string done_table(template_done_table);
    admin << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = :s AND table_name = :t",
        soci::use(name), soci::use(done_table), soci::into(complete);
    if (complete == 0) {
      admin << fmt::format("DROP DATABASE IF EXISTS `{}`", name);
      admin << fmt::format("CREATE DATABASE `{}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", name);
      auto u = server;
      u.database = name;
      persistence::migrate(u);
      admin << fmt::format("CREATE TABLE `{}`.`{}` (done INTEGER PRIMARY KEY)", name, template_done_table);
    }
  } catch (...) {
    admin << "SELECT RELEASE_LOCK('perkara_test_template')", soci::into(locked);
    throw;
  }
  admin << "SELECT RELEASE_LOCK('perkara_test_template')", soci::into(locked);
  return name;
}

// Copies every table of the template into `target` with its definition (foreign keys included) and rows.
void copy_mysql_template(soci::session& admin, const std::string& source, const std::string& target) {
  std::vector<std::string> tables(200);
  const std::string done_table(template_done_table);
  admin << "SELECT table_name FROM information_schema.tables WHERE table_schema = :s AND table_type = 'BASE TABLE' "
           "AND table_name <> :t",
      soci::use(source), soci::use(done_table), soci::into(tables);
  admin << "SET SESSION foreign_key_checks = 0";
  admin << fmt::format("USE `{}`", target);
  for (const auto& table : tables) {
    std::string ignored;
    std::string definition;
    admin << fmt::format("SHOW CREATE TABLE `{}`.`{}`", source, table), soci::into(ignored), soci::into(definition);
    admin << definition;  // unqualified names: created in (and referring to tables of) `target`
    admin << fmt::format("INSERT INTO `{}`.`{}` SELECT * FROM `{}`.`{}`", target, table, source, table);
  }
  admin << "SET SESSION foreign_key_checks = 1";
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
    if (migrated) {
      try {
        std::filesystem::copy_file(sqlite_template(), sqlite_dir_ + "/perkara.db");
      } catch (...) {
        cleanup();  // the destructor does not run for a throwing constructor
        throw;
      }
    }
  } else {
    server_url_ = env("PERKARA_TEST_MYSQL_URL");
    const auto server = persistence::parse_database_url(server_url_);
    // The URL's database name is the prefix; every fixture gets its own database.
    database_name_ = fmt::format("{}_{}", server.database.substr(0, 30), unique_suffix());
    soci::session admin(soci::mysql, server_connect_string(server));
    admin << fmt::format("CREATE DATABASE `{}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", database_name_);
    auto u = server;
    u.database = database_name_;
    url_ = persistence::format_database_url(u);
    if (migrated) {
      try {
        copy_mysql_template(admin, mysql_template(admin, server), database_name_);
      } catch (...) {
        cleanup();
        throw;
      }
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
