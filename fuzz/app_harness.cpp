#include "fuzz/app_harness.hpp"

#include "api/app.hpp"
#include "api/auth/crypto.hpp"
#include "api/metrics/metrics.hpp"
#include "api/services.hpp"
#include "persistence/migrations.hpp"
#include "persistence/soci_database.hpp"
#include "server/seed_demo.hpp"

#include <boost/json/parse.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace perkara::fuzz {
namespace {

// 2024-03-04 10:00 WIB, a Monday: the demo data is seeded relative to it.
class fixed_clock final : public ports::clock {
 public:
  [[nodiscard]] domain::instant now() const override { return domain::parse_rfc3339("2024-03-04T03:00:00Z")->utc; }
};

// Forwards to a real transaction but never commits: the real one rolls back when this one ends.
class rollback_transaction final : public ports::transaction {
 public:
  explicit rollback_transaction(std::unique_ptr<ports::transaction> tx) : tx_(std::move(tx)) {}
  ports::organisation_repository& organisations() override { return tx_->organisations(); }
  ports::user_repository& users() override { return tx_->users(); }
  ports::session_repository& sessions() override { return tx_->sessions(); }
  ports::holiday_repository& holidays() override { return tx_->holidays(); }
  ports::ruleset_repository& rulesets() override { return tx_->rulesets(); }
  ports::audit_repository& audit() override { return tx_->audit(); }
  ports::deadline_repository& deadlines() override { return tx_->deadlines(); }
  ports::event_repository& events() override { return tx_->events(); }
  ports::sequence_repository& sequences() override { return tx_->sequences(); }
  ports::request_repository& requests() override { return tx_->requests(); }
  ports::dispute_repository& disputes() override { return tx_->disputes(); }
  ports::login_attempt_repository& login_attempts() override { return tx_->login_attempts(); }
  ports::letter_repository& letters() override { return tx_->letters(); }
  ports::document_repository& documents() override { return tx_->documents(); }
  ports::notice_outbox& notices() override { return tx_->notices(); }
  ports::report_repository& reports() override { return tx_->reports(); }
  ports::deadline_sweep_repository& sweeps() override { return tx_->sweeps(); }
  void commit() override {}

 private:
  std::unique_ptr<ports::transaction> tx_;
};

class rollback_database final : public ports::database {
 public:
  explicit rollback_database(ports::database& db) : db_(db) {}
  std::unique_ptr<ports::transaction> begin(ports::access mode) override {
    return std::make_unique<rollback_transaction>(db_.begin(mode));
  }
  bool ready() override { return db_.ready(); }
  [[nodiscard]] std::size_t pool_in_use() const override { return db_.pool_in_use(); }
  [[nodiscard]] std::size_t pool_size() const override { return db_.pool_size(); }

 private:
  ports::database& db_;
};

std::vector<std::string> ids_of(const api::response& res) {
  std::vector<std::string> ids;
  const auto doc = boost::json::parse(res.body);
  for (const auto& item : doc.at("items").as_array()) {
    ids.emplace_back(item.at("id").as_string());
  }
  return ids;
}

// Bytes outside printable ASCII as \xNN, so a report shows exactly what was sent and answered.
std::string printable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7f) {
      out += c;
    } else {
      constexpr std::string_view hex = "0123456789abcdef";
      out += "\\x";
      out += hex[b >> 4U];
      out += hex[b & 0xfU];
    }
  }
  return out;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz harness: %s\n", what.c_str());
  std::abort();
}

}  // namespace

struct app_harness::state {
  std::filesystem::path dir;
  std::unique_ptr<ports::database> real;
  std::unique_ptr<rollback_database> rollback;
  fixed_clock clock;
  api::metrics metrics;
};

app_harness& app_harness::instance() {
  static app_harness harness;
  return harness;
}

app_harness::app_harness() : state_(new state) {
  api::init_crypto();
  // A scratch directory under TMPDIR (scripts/fuzz points it at a tmpfs when there is one).
  std::string pattern = (std::filesystem::temp_directory_path() / "perkara-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    fail("cannot create a scratch directory");
  }
  state_->dir = pattern;
  // libFuzzer ends a run with exit(): remove the scratch database then (a crash leaves it for a look).
  static const auto* scratch = new std::filesystem::path(state_->dir);  // outlives every destructor
  std::atexit([] {
    std::error_code ec;
    std::filesystem::remove_all(*scratch, ec);
  });
  const auto url = persistence::parse_database_url("sqlite:" + (state_->dir / "fuzz.db").string());
  persistence::migrate(url);
  state_->real = persistence::open_database(url, 1);
  server::seed_demo_users(*state_->real, state_->clock);
  server::seed_demo_requests(*state_->real, state_->clock);
  server::seed_demo_disputes(*state_->real, state_->clock);

  // One live session per demo user, stored by token hash as a login would.
  const auto now = state_->clock.now();
  {
    auto tx = state_->real->begin(ports::access::write);
    for (const char* name : {"admin", "admin.babel", "panitera.babel", "komisioner.babel", "ppid.pangkalpinang",
                             "atasan.pangkalpinang", "ppid.bawaslu-babel", "pemohon.demo"}) {
      const auto found = tx->users().find_credentials(name);
      if (!found) {
        fail(std::string{"demo user missing: "} + name);
      }
      demo_caller c{name, found->user.id, api::new_session_token()};
      tx->sessions().insert(api::token_hash(c.token),
                            ports::stored_session{c.user_id, now, now + std::chrono::hours{24 * 365}, false});
      callers_.push_back(std::move(c));
    }
    tx->commit();
  }
  state_->rollback = std::make_unique<rollback_database>(*state_->real);

  // The ids of the demo cases, read through the API as their officers see them.
  const auto list = [&](std::string_view target, std::string_view username) {
    for (const auto& c : callers_) {
      if (c.username == username) {
        const auto res = handle(*make("GET", target, {}, &c));
        if (res.status != 200) {
          fail(std::string{"cannot list "} + std::string{target} + ": " + res.body);
        }
        return ids_of(res);
      }
    }
    return std::vector<std::string>{};
  };
  request_ids_ = list("/api/v1/requests?limit=100", "ppid.pangkalpinang");
  dispute_ids_ = list("/api/v1/disputes?limit=100", "panitera.babel");
  if (request_ids_.empty() || dispute_ids_.empty()) {
    fail("the demo data has no requests or disputes");
  }
}

api::response app_harness::handle(const api::request& req) const {
  api::services s{*state_->rollback, state_->clock, state_->metrics, {}, {}};
  const api::rest_application app{s};
  return app.handle(req);
}

std::size_t app_harness::body_limit(std::string_view method, std::string_view path) const {
  api::services s{*state_->rollback, state_->clock, state_->metrics, {}, {}};
  const api::rest_application app{s};
  return app.body_limit(method, path);
}

std::optional<api::request> app_harness::make(std::string method, std::string_view target, std::string body,
                                              const demo_caller* who) {
  std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"},
                                                           {"Accept-Language", "id"}};
  if (who != nullptr) {
    headers.emplace_back("Authorization", "Bearer " + who->token);
  }
  return api::make_request(std::move(method), target, std::move(headers), std::move(body), "fuzz");
}

void app_harness::check_response(const api::request& req, const api::response& res) {
  if (res.status < 100 || res.status >= 500) {
    fail("status " + std::to_string(res.status) + " for " + printable(req.method + " " + req.target) + "\n" +
         printable(res.body));
  }
  if (res.content_type.find("json") != std::string::npos && !res.body.empty()) {
    boost::system::error_code ec;
    (void)boost::json::parse(res.body, ec);
    if (ec) {
      fail("invalid JSON answer for " + printable(req.method + " " + req.target) + "\n" + printable(res.body));
    }
  }
}

}  // namespace perkara::fuzz
