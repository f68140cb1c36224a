// Notice delivery across real `perkara serve` processes on one database (SQLite, or MariaDB with
// PERKARA_TEST_BACKEND=mysql): two servers send each notice once; a server killed (SIGKILL) in the
// middle of a delivery loses nothing, because its leased claims are claimed again once they expire.
#include "e2e/support/live_server.hpp"
#include "e2e/support/process.hpp"
#include "e2e/support/sink_process.hpp"
#include "server/notices/dispatcher.hpp"
#include "server/notices/smtp_sender.hpp"
#include "server/system_clock.hpp"
#include "support/eventually.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <set>

using namespace perkara;
using namespace perkara::e2e;

namespace {

/// Notices for `count` requests, queued as the workflow would queue them (a committed "create").
void queue_notices(ports::database& db, int count) {
  for (int i = 0; i < count; ++i) {
    ports::stored_request s;
    auto& r = s.request;
    r.id = fmt::format("r{:03}", i);
    r.number = fmt::format("{:04}/PPID-KPU-PANGKALPINANG/II/2024", i);
    r.respondent = "kpu-pangkalpinang";
    r.received_at = *domain::parse_rfc3339("2024-02-12T10:15:00+07:00");
    r.applicant = {domain::applicant_kind::individual, "Pemohon", std::nullopt, std::nullopt,
                   fmt::format("p{}@example.id", i), std::nullopt};
    r.information_requested = "Salinan";
    r.purpose = "Penelitian";
    r.format = "softcopy";
    r.delivery_medium = "email";
    auto tx = db.begin(ports::access::write);
    tx->requests().insert(s);
    tx->events().append(domain::case_event{"request", r.id, 1, "u1", r.received_at.utc, "create", "{}"});
    tx->commit();
  }
}

ports::notice_counts counts(ports::database& db) {
  auto tx = db.begin(ports::access::read);
  return tx->notices().counts();
}

/// Distinct envelope recipients of the messages in `dir`, and how many messages there are.
std::pair<std::size_t, std::size_t> recipients(const scratch_dir& dir) {
  std::set<std::string> to;
  const auto files = dir.files(".eml");
  for (const auto& f : files) {
    const auto m = read_text(f);
    to.insert(m.substr(0, m.find("\r\n")));
  }
  return {to.size(), files.size()};
}

/// A TCP listener that accepts connections (the kernel does) and never answers: an SMTP server that
/// hangs in the middle of a delivery.
class silent_listener {
 public:
  silent_listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 16);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~silent_listener() { ::close(fd_); }
  silent_listener(const silent_listener&) = delete;
  silent_listener& operator=(const silent_listener&) = delete;
  [[nodiscard]] unsigned short port() const { return port_; }

 private:
  int fd_ = -1;
  unsigned short port_ = 0;
};

std::vector<std::string> serve_args(const std::string& db, unsigned short smtp_port) {
  return {"serve", "--db", db, "--listen", "127.0.0.1:0", "--smtp", "smtp://127.0.0.1:" + std::to_string(smtp_port),
          "--mail-from", "ppid@example.id", "--notice-interval", "1"};
}

}  // namespace

TEST_SUITE("notices_processes") {
  TEST_CASE("two servers on one database send each notice once") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    constexpr int count = 40;
    queue_notices(*db, count);
    scratch_dir mail;
    const auto port = free_port();
    sink_process smtp("smtp_sink.py", {std::to_string(port), mail.path().string()});
    {
      background_server a{serve_args(fixture.url(), port)};
      background_server b{serve_args(fixture.url(), port)};
      REQUIRE(testing::eventually([&] { return counts(*db).sent == count; }));
      a.signal_and_wait(SIGTERM);
      b.signal_and_wait(SIGTERM);
    }
    const auto [distinct, messages] = recipients(mail);
    CHECK(distinct == count);
    CHECK(messages == count);
  }

  TEST_CASE("a server killed mid-delivery loses no notice") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    constexpr int count = 5;
    queue_notices(*db, count);
    silent_listener hanging;
    {
      background_server doomed{serve_args(fixture.url(), hanging.port())};
      // It has claimed the notices and is waiting for the SMTP greeting that never comes.
      REQUIRE(testing::eventually([&] {
        auto tx = db->begin(ports::access::read);
        const auto n = tx->notices().for_case("request", "r000");
        return !n.empty() && n[0].attempts == 1;
      }));
      CHECK(doomed.signal_and_wait(SIGKILL) == 128 + SIGKILL);
    }
    CHECK(counts(*db).pending == count);
    // Another dispatcher, once the dead one's lease (5 minutes) has run out, delivers everything.
    scratch_dir mail;
    const auto port = free_port();
    sink_process smtp("smtp_sink.py", {std::to_string(port), mail.path().string()});
    settable_clock clock(server::system_clock{}.now() + std::chrono::minutes{6});
    server::notices::dispatcher_config config;
    config.owner = "survivor";
    server::notices::dispatcher survivor(
        *db, clock, config,
        std::make_unique<server::notices::smtp_sender>(
            server::notices::smtp_config{"smtp://127.0.0.1:" + std::to_string(port), "ppid@example.id"}),
        nullptr);
    while (survivor.run_once() > 0) {
    }
    CHECK(counts(*db).sent == count);
    const auto [distinct, messages] = recipients(mail);
    CHECK(distinct == count);
    CHECK(messages == count);
  }
}
