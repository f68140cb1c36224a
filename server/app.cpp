#include "server/app.hpp"

#include "api/app.hpp"
#include "api/metrics/metrics.hpp"
#include "persistence/database_url.hpp"
#include "persistence/files/disk_file_store.hpp"
#include "persistence/files/files_location.hpp"
#include "persistence/soci_database.hpp"
#include "server/notices/dispatcher.hpp"
#include "server/notices/smtp_sender.hpp"
#include "server/notices/webhook_sender.hpp"
#include "server/system_clock.hpp"

#include <algorithm>
#include <thread>

namespace perkara::server {

struct app::parts {
  std::unique_ptr<ports::clock> clock;
  std::unique_ptr<ports::database> db;
  std::unique_ptr<persistence::disk_file_store> files;
  api::metrics metrics;
  std::unique_ptr<api::services> services;
  std::unique_ptr<api::rest_application> application;
  std::unique_ptr<http_server> server;
  std::unique_ptr<notices::dispatcher> dispatcher;
};

namespace {

std::unique_ptr<notices::dispatcher> make_dispatcher(const notice_settings& settings, ports::database& db,
                                                     const ports::clock& clock, const http_server& server,
                                                     const std::string& host) {
  if (!settings.enabled) {
    return nullptr;
  }
  std::unique_ptr<notices::notice_sender> email;
  if (!settings.smtp_url.empty()) {
    email = std::make_unique<notices::smtp_sender>(notices::smtp_config{settings.smtp_url, settings.mail_from});
  }
  notices::dispatcher_config config;
  config.base_url = settings.base_url.empty() ? "http://" + host + ":" + std::to_string(server.port())
                                              : settings.base_url;
  config.idle_wait = settings.idle_wait;
  config.sweep_interval = settings.sweep_interval;
  return std::make_unique<notices::dispatcher>(db, clock, config, std::move(email),
                                               std::make_unique<notices::webhook_sender>());
}

}  // namespace

app::app(app_config config, std::unique_ptr<ports::clock> clock) : parts_(std::make_unique<parts>()) {
  parts_->clock = clock ? std::move(clock) : std::make_unique<system_clock>();
  const auto url = persistence::parse_database_url(config.database_url);
  persistence::open_options db_options;
  db_options.pool_size = config.db_pool_size;
  db_options.lease_timeout = config.db_lease_timeout;
  parts_->db = persistence::open_database(url, db_options);
  // Each read holds one pooled connection for its whole run, so more read workers than connections
  // would only queue. Reads are CPU work (SQLite pages come from the page cache) or short waits
  // (MariaDB), so more than two per core only adds thread switches: on 2 cores, 4 read workers serve
  // the public status 30 % faster than 8 (docs/performance.md). On SQLite, writes do not lease: they
  // share one writer connection and wait together for a group COMMIT, so extra write workers let more
  // writes join one fsync (persistence/detail/group_commit.hpp).
  //
  // Logins are POSTs, so they run on the write pool, and argon2 (~0.1 s of one core and 64 MiB each)
  // runs there with no transaction or connection held (api/auth/login.hpp). At most two checks per core
  // run at once: more would only share the same cores, each taking longer, and multiply the memory; the
  // login over the bound gets 503 at once. The write pool gets that many workers on top of those sized
  // for database writes, so even a login flood leaves every database write its worker.
  constexpr std::size_t sqlite_group_writers = 32;
  const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
  if (config.api.max_concurrent_verifications == 0) {
    config.api.max_concurrent_verifications = 2 * cores;
  }
  const std::size_t verifications = config.api.max_concurrent_verifications;
  config.http.read_workers = static_cast<int>(std::min(config.db_pool_size, 2 * cores));
  // Short reads (api::execution::bounded_read) run on the I/O threads where the database can bound
  // them (SQLite); on MariaDB each statement is a round trip, so they stay on the read pool.
  config.http.inline_reads = parts_->db->bounded_reads();
  config.http.write_workers = static_cast<int>(config.db_pool_size + verifications +
                                               (url.kind == persistence::backend::sqlite ? sqlite_group_writers : 0));
  config.api.email_configured = config.notices.enabled && !config.notices.smtp_url.empty();
  // services holds an atomic (the verification slots), so it is built in place rather than moved.
  parts_->files = std::make_unique<persistence::disk_file_store>(persistence::files_location(url, config.files_dir));
  // NOLINTNEXTLINE(modernize-make-unique): an aggregate; make_unique would need parenthesised aggregate init
  parts_->services.reset(new api::services{*parts_->db, *parts_->clock, parts_->metrics, config.api, {}});
  parts_->services->files = parts_->files.get();
  parts_->application = std::make_unique<api::rest_application>(*parts_->services);
  parts_->server = std::make_unique<http_server>(config.http, *parts_->application, parts_->metrics, parts_->files.get());
  parts_->dispatcher = make_dispatcher(config.notices, *parts_->db, *parts_->clock, *parts_->server, config.http.host);
}

app::~app() = default;

unsigned short app::port() const { return parts_->server->port(); }

std::optional<unsigned short> app::metrics_port() const { return parts_->server->metrics_port(); }
const api::router& app::routes() const { return parts_->application->routes(); }
void app::run() {
  // The dispatcher has its own thread: its deliveries block and must never hold an I/O thread.
  if (parts_->dispatcher) {
    parts_->dispatcher->start();
  }
  parts_->server->run();
  if (parts_->dispatcher) {
    parts_->dispatcher->stop();
  }
}
void app::stop() { parts_->server->stop(); }
void app::handle_signals(bool on) { parts_->server->handle_signals(on); }

}  // namespace perkara::server
