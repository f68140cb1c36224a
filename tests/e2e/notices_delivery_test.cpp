// Notice delivery end to end on the selected backend (SQLite, or MariaDB with PERKARA_TEST_BACKEND=mysql):
// email to a real SMTP server (python3-aiosmtpd, started here), also after it was down for a while;
// two dispatchers on one database send each notice once; webhook signatures checked by Python's hmac.
// The dispatchers run rounds directly (run_once) on a clock the test sets: nothing here sleeps.
#include "e2e/support/live_server.hpp"
#include "e2e/support/sink_process.hpp"
#include "server/notices/dispatcher.hpp"
#include "server/notices/smtp_sender.hpp"
#include "server/notices/webhook_sender.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sodium.h>

#include <set>
#include <thread>

using namespace perkara;
using namespace perkara::e2e;

namespace {

domain::offset_instant at(const char* text) { return *domain::parse_rfc3339(text); }

/// A request with the applicant's email, its 3-working-day clock and its "create" event, committed.
void create_request(ports::database& db, const std::string& id, const std::string& email) {
  ports::stored_request s;
  auto& r = s.request;
  r.id = id;
  r.number = id + "/PPID-KPU-PANGKALPINANG/II/2024";
  r.respondent = "kpu-pangkalpinang";
  r.received_at = at("2024-02-12T10:15:00+07:00");
  r.channel = domain::request_channel::email;
  r.applicant = {domain::applicant_kind::individual, "Siti Aminah", std::nullopt, std::nullopt, email, std::nullopt};
  r.information_requested = "Salinan Berita Acara";
  r.purpose = "Penelitian";
  r.format = "softcopy";
  r.delivery_medium = "email";
  r.ruleset = {"perki_1_2019", 1, domain::ruleset_reason::election_period, "pemilu-2024", "Pemilihan Umum 2024",
               std::nullopt};
  domain::deadline_record d;
  d.case_type = "request";
  d.case_id = id;
  d.key = "ppid_response";
  d.organisation = "kpu-pangkalpinang";
  d.ruleset = "perki_1_2019";
  d.start_at = r.received_at.utc;
  d.days = 3;
  d.due = *domain::parse_iso_date("2024-02-16");
  auto tx = db.begin(ports::access::write);
  tx->requests().insert(s);
  tx->deadlines().save(d);
  tx->events().append(domain::case_event{"request", id, 1, "u1", r.received_at.utc, "create", "{}"});
  tx->commit();
}

std::vector<ports::queued_notice> notices_of(ports::database& db, const std::string& id) {
  auto tx = db.begin(ports::access::read);
  return tx->notices().for_case("request", id);
}

std::unique_ptr<server::notices::dispatcher> email_dispatcher(ports::database& db, const ports::clock& clock,
                                                              unsigned short smtp_port, const std::string& owner) {
  server::notices::dispatcher_config config;
  config.owner = owner;
  config.base_url = "https://perkara.example.id";
  return std::make_unique<server::notices::dispatcher>(
      db, clock, config,
      std::make_unique<server::notices::smtp_sender>(server::notices::smtp_config{
          "smtp://127.0.0.1:" + std::to_string(smtp_port), "ppid@kpu-pangkalpinang.example.id"}),
      nullptr);
}

/// The decoded text of the first base64 part after `content_type` in a MIME message.
std::string decoded_part(const std::string& message, const std::string& content_type) {
  const auto start = message.find("\r\n\r\n", message.find("Content-Type: " + content_type));
  const auto end = message.find("--perkara-", start);
  const std::string b64 = message.substr(start + 4, end - start - 4);
  std::string out(b64.size(), '\0');
  std::size_t len = 0;
  REQUIRE(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(), b64.size(), "\r\n",
                            &len, nullptr, sodium_base64_VARIANT_ORIGINAL) == 0);
  out.resize(len);
  return out;
}

}  // namespace

TEST_SUITE("notices_delivery") {
  TEST_CASE("email reaches a real SMTP server, after a retry while it was down") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    settable_clock clock(at("2024-02-12T10:16:00+07:00").utc);
    create_request(*db, "0007", "siti@example.id");
    scratch_dir mail;
    const auto port = free_port();
    auto dispatcher = email_dispatcher(*db, clock, port, "server-a");

    // Nobody listens yet: the attempt fails and is planned again 30 s later.
    CHECK(dispatcher->run_once() == 1);
    auto n = notices_of(*db, "0007");
    REQUIRE(n.size() == 1);
    CHECK(n[0].state == ports::notice_state::pending);
    CHECK_FALSE(n[0].last_error.empty());
    sink_process smtp("smtp_sink.py", {std::to_string(port), mail.path().string()});
    CHECK(dispatcher->run_once() == 0);  // not due before its retry time
    clock.advance(std::chrono::seconds{30});
    CHECK(dispatcher->run_once() == 1);

    n = notices_of(*db, "0007");
    CHECK(n[0].state == ports::notice_state::sent);
    CHECK(n[0].attempts == 2);
    {
      auto tx = db->begin(ports::access::read);
      const auto log = tx->notices().deliveries(n[0].id);
      REQUIRE(log.size() == 2);
      CHECK(log[0].outcome == "retry");
      CHECK(log[1].outcome == "sent");
    }
    // The sink writes the file before it answers 250, so it is there now.
    const auto files = mail.files(".eml");
    REQUIRE(files.size() == 1);
    const auto message = read_text(files[0]);
    CHECK(message.find("X-Envelope-To: siti@example.id") != std::string::npos);
    CHECK(message.find("Message-ID: <" + n[0].idempotency_key + "@perkara>") != std::string::npos);
    CHECK(message.find("multipart/alternative") != std::string::npos);
    const auto text = decoded_part(message, "text/plain");
    CHECK(text.find("Nomor perkara: 0007/PPID-KPU-PANGKALPINANG/II/2024") != std::string::npos);
    CHECK(text.find("paling lambat 16 Februari 2024") != std::string::npos);
    CHECK(text.find("by 16 February 2024") != std::string::npos);
    CHECK(text.find("{{base_url}}") == std::string::npos);
    const auto html = decoded_part(message, "text/html");
    CHECK(html.find("<p>Nomor perkara: 0007/PPID-KPU-PANGKALPINANG/II/2024</p>") != std::string::npos);
  }

  TEST_CASE("two dispatchers on one database send each notice once") {
    const testing::test_database fixture;
    const auto db_a = fixture.open(2);
    const auto db_b = fixture.open(2);
    settable_clock clock(at("2024-02-12T10:16:00+07:00").utc);
    constexpr int count = 30;
    for (int i = 0; i < count; ++i) {
      create_request(*db_a, fmt::format("{:04}", i), fmt::format("p{}@example.id", i));
    }
    scratch_dir mail;
    const auto port = free_port();
    sink_process smtp("smtp_sink.py", {std::to_string(port), mail.path().string()});
    auto a = email_dispatcher(*db_a, clock, port, "server-a");
    auto b = email_dispatcher(*db_b, clock, port, "server-b");
    // Both drain the queue at once, in small batches, until neither finds anything due.
    auto drain = [](server::notices::dispatcher& d) {
      while (d.run_once() > 0) {
      }
    };
    std::thread ta([&] { drain(*a); });
    std::thread tb([&] { drain(*b); });
    ta.join();
    tb.join();
    const auto files = mail.files(".eml");
    CHECK(files.size() == count);
    std::set<std::string> recipients;
    for (const auto& f : files) {
      const auto m = read_text(f);
      recipients.insert(m.substr(0, m.find("\r\n")));
    }
    CHECK(recipients.size() == count);
    auto tx = db_a->begin(ports::access::read);
    const auto counts = tx->notices().counts();
    CHECK(counts.sent == count);
    CHECK(counts.pending == 0);
  }

  TEST_CASE("webhooks are signed, and the signature checks out with Python's hmac") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    settable_clock clock(at("2024-02-12T10:16:00+07:00").utc);
    scratch_dir received;
    const auto port = free_port();
    const std::string secret = "whsec-5f1c0a7e9b2d4c6e8a0b1c2d";
    {
      auto tx = db->begin(ports::access::write);
      tx->notices().add_webhook({0, "kpu-pangkalpinang", "http://127.0.0.1:" + std::to_string(port) + "/hook", secret,
                                 true},
                                clock.now());
      tx->commit();
    }
    create_request(*db, "0009", "siti@example.id");
    sink_process hook("webhook_sink.py", {std::to_string(port), secret, received.path().string()});
    server::notices::dispatcher d(*db, clock, {}, nullptr, std::make_unique<server::notices::webhook_sender>());
    CHECK(d.run_once() == 1);  // the webhook only: this dispatcher has no SMTP, the email waits
    const auto files = received.files(".json");
    REQUIRE(files.size() == 1);
    const auto got = read_text(files[0]);
    CHECK(got.rfind("valid\n", 0) == 0);
    const auto n = notices_of(*db, "0009");
    REQUIRE(n.size() == 2);
    const auto& webhook = n[0].via == domain::notices::channel::webhook ? n[0] : n[1];
    const auto& email = n[0].via == domain::notices::channel::webhook ? n[1] : n[0];
    CHECK(got.find("\n" + webhook.idempotency_key + "\n") != std::string::npos);
    CHECK(got.find("\"action\":\"create\"") != std::string::npos);
    CHECK(webhook.state == ports::notice_state::sent);
    CHECK(email.state == ports::notice_state::pending);
    CHECK(email.attempts == 0);

    // A wrong secret on our side is caught by the receiver.
    CHECK(server::notices::webhook_signature(secret, 1707707760, "{}") !=
          server::notices::webhook_signature("other", 1707707760, "{}"));
  }
}
