// The notice outbox on the selected backend (SQLite, or MariaDB with PERKARA_TEST_BACKEND=mysql): notices
// are written with their event and never without it; claims are leased, exclusive, and come back when
// a lease runs out; settling is logged and needs the lease.
#include "persistence/support/test_database.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace perkara;

namespace {

domain::offset_instant at(const char* text) { return *domain::parse_rfc3339(text); }
domain::instant utc(const char* text) { return at(text).utc; }

ports::stored_request request_with_email(const std::string& id, std::optional<std::string> email) {
  ports::stored_request s;
  auto& r = s.request;
  r.id = id;
  r.number = "0001/PPID-KPU-PANGKALPINANG/II/2024-" + id;
  r.respondent = "kpu-pangkalpinang";
  r.received_at = at("2024-02-12T10:15:00+07:00");
  r.channel = domain::request_channel::email;
  r.applicant = {domain::applicant_kind::individual, "Siti Aminah", std::nullopt, std::nullopt, email, std::nullopt};
  r.information_requested = "Salinan Berita Acara rekapitulasi";
  r.purpose = "Penelitian";
  r.format = "softcopy";
  r.delivery_medium = "email";
  r.ruleset = {"perki_1_2019", 1, domain::ruleset_reason::election_period, "pemilu-2024", "Pemilihan Umum 2024",
               std::nullopt};
  return s;
}

domain::deadline_record ppid_clock(const std::string& case_id) {
  domain::deadline_record d;
  d.case_type = "request";
  d.case_id = case_id;
  d.key = "ppid_response";
  d.organisation = "kpu-pangkalpinang";
  d.ruleset = "perki_1_2019";
  d.start_at = utc("2024-02-12T10:15:00+07:00");
  d.days = 3;
  d.due = *domain::parse_iso_date("2024-02-16");
  return d;
}

/// A request, its clock and its "create" event in one transaction; committed or not.
void create_request(ports::database& db, const std::string& id, std::optional<std::string> email, bool commit) {
  auto tx = db.begin(ports::access::write);
  tx->requests().insert(request_with_email(id, std::move(email)));
  tx->deadlines().save(ppid_clock(id));
  tx->events().append(domain::case_event{"request", id, 1, "u1", utc("2024-02-12T10:15:00+07:00"), "create", "{}"});
  if (commit) tx->commit();
}

std::vector<ports::queued_notice> notices_of(ports::database& db, const std::string& id) {
  auto tx = db.begin(ports::access::read);
  return tx->notices().for_case("request", id);
}

}  // namespace

TEST_SUITE("notice_outbox") {
  TEST_CASE("a committed event has its notices, a rolled-back one has none") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    create_request(*db, "r1", std::string("siti@example.id"), true);
    create_request(*db, "r2", std::string("budi@example.id"), false);

    const auto kept = notices_of(*db, "r1");
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].via == domain::notices::channel::email);
    CHECK(kept[0].recipient == "siti@example.id");
    CHECK(kept[0].audience == "applicant");
    CHECK(kept[0].state == ports::notice_state::pending);
    CHECK(kept[0].idempotency_key.size() == 32);
    CHECK(kept[0].subject.find("0001/PPID-KPU-PANGKALPINANG/II/2024-r1") != std::string::npos);
    // What is due, by when and why, in both languages.
    CHECK(kept[0].body_text.find("paling lambat 16 Februari 2024 (3 hari kerja") != std::string::npos);
    CHECK(kept[0].body_text.find("by 16 February 2024 (3 working days") != std::string::npos);
    CHECK(notices_of(*db, "r2").empty());

    auto tx = db->begin(ports::access::read);
    const auto counts = tx->notices().counts();
    CHECK(counts.pending == 1);
    CHECK(counts.oldest_pending == utc("2024-02-12T10:15:00+07:00"));
  }

  TEST_CASE("no email known, opted out, or no webhook: nobody to tell") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    create_request(*db, "r1", std::nullopt, true);
    CHECK(notices_of(*db, "r1").empty());
    {
      auto tx = db->begin(ports::access::write);
      tx->notices().opt_out("siti@example.id", utc("2024-02-12T09:00:00+07:00"));
      tx->commit();
    }
    create_request(*db, "r2", std::string("siti@example.id"), true);
    CHECK(notices_of(*db, "r2").empty());
  }

  TEST_CASE("each active webhook of the organisation gets its own notice") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    {
      auto tx = db->begin(ports::access::write);
      tx->notices().add_webhook({0, "kpu-pangkalpinang", "http://127.0.0.1:9/a", "s1", true}, utc("2024-01-01T00:00:00Z"));
      tx->notices().add_webhook({0, "kpu-pangkalpinang", "http://127.0.0.1:9/b", "s2", false},
                                utc("2024-01-01T00:00:00Z"));
      tx->commit();
    }
    create_request(*db, "r1", std::nullopt, true);
    const auto n = notices_of(*db, "r1");
    REQUIRE(n.size() == 1);
    CHECK(n[0].via == domain::notices::channel::webhook);
    CHECK(n[0].recipient == "http://127.0.0.1:9/a");
    CHECK(n[0].payload_json.find("\"action\":\"create\"") != std::string::npos);
    CHECK(n[0].payload_json.find("siti") == std::string::npos);  // no personal data
  }

  TEST_CASE("claims are exclusive, leased, and come back when the lease runs out") {
    const testing::test_database fixture;
    const auto db = fixture.open(3);
    for (int i = 0; i < 4; ++i) {
      create_request(*db, "r" + std::to_string(i), "a" + std::to_string(i) + "@example.id", true);
    }
    const auto now = utc("2024-02-12T10:20:00+07:00");
    const auto lease = utc("2024-02-12T10:25:00+07:00");
    auto claim = [&](const std::string& owner, domain::instant t, domain::instant until, int limit) {
      auto tx = db->begin(ports::access::write);
      auto got = tx->notices().claim(owner, t, until, limit, {domain::notices::channel::email});
      tx->commit();
      return got;
    };
    const auto a = claim("a", now, lease, 3);
    const auto b = claim("b", now, lease, 3);
    REQUIRE(a.size() == 3);
    REQUIRE(b.size() == 1);
    std::set<long long> ids;
    for (const auto& n : a) ids.insert(n.id);
    CHECK_FALSE(ids.contains(b[0].id));
    CHECK(a[0].attempts == 1);
    CHECK(claim("c", now, lease, 3).empty());

    {
      auto tx = db->begin(ports::access::write);
      CHECK(tx->notices().settle(a[0].id, "a", now, true, "250 OK", std::nullopt));
      CHECK_FALSE(tx->notices().settle(a[1].id, "b", now, true, "250 OK", std::nullopt));  // not b's lease
      CHECK(tx->notices().settle(a[1].id, "a", now, false, "connection refused", utc("2024-02-12T10:21:00+07:00")));
      tx->commit();
    }
    // a[1] is due again at its retry time; a[2] and b[0] when their leases run out (owner died).
    const auto again = claim("c", utc("2024-02-12T10:22:00+07:00"), utc("2024-02-12T10:40:00+07:00"), 10);
    REQUIRE(again.size() == 1);
    CHECK(again[0].id == a[1].id);
    CHECK(again[0].attempts == 2);
    const auto expired = claim("d", lease, utc("2024-02-12T10:40:00+07:00"), 10);
    CHECK(expired.size() == 2);
    {
      auto tx = db->begin(ports::access::write);
      // The dead owner's late answer no longer counts; the new owner's does.
      CHECK_FALSE(tx->notices().settle(a[2].id, "a", lease, true, "250 OK", std::nullopt));
      CHECK(tx->notices().settle(again[0].id, "c", lease, false, "550 no such user", std::nullopt));
      tx->commit();
    }
    auto tx = db->begin(ports::access::read);
    const auto log = tx->notices().deliveries(a[1].id);
    REQUIRE(log.size() == 2);
    CHECK(log[0].outcome == "retry");
    CHECK(log[0].detail == "connection refused");
    CHECK(log[1].outcome == "failed");
    CHECK(log[1].dispatcher == "c");
    const auto counts = tx->notices().counts();
    CHECK(counts.sent == 1);
    CHECK(counts.failed == 1);
    CHECK(counts.pending == 2);
  }

  TEST_CASE("a claim takes the channels this server sends, the oldest first across them") {
    const testing::test_database fixture;
    const auto db = fixture.open(2);
    {
      auto tx = db->begin(ports::access::write);
      tx->notices().add_webhook({0, "kpu-pangkalpinang", "http://127.0.0.1:9/a", "s1", true}, utc("2024-01-01T00:00:00Z"));
      tx->commit();
    }
    std::vector<long long> all;  // every notice of the three requests: an email and a webhook each
    for (int i = 0; i < 3; ++i) {
      const auto id = "r" + std::to_string(i);
      create_request(*db, id, "a" + std::to_string(i) + "@example.id", true);
      for (const auto& n : notices_of(*db, id)) all.push_back(n.id);
    }
    REQUIRE(all.size() == 6);
    std::sort(all.begin(), all.end());
    const auto now = utc("2024-02-12T10:20:00+07:00");
    const auto lease = utc("2024-02-12T10:25:00+07:00");
    using domain::notices::channel;
    auto claim = [&](int limit, const std::vector<channel>& channels) {
      auto tx = db->begin(ports::access::write);
      auto got = tx->notices().claim("a", now, lease, limit, channels);
      tx->commit();
      std::vector<long long> ids;
      for (const auto& n : got) ids.push_back(n.id);
      std::sort(ids.begin(), ids.end());
      return std::pair{got, ids};
    };
    // Both channels: the three oldest of all six, whichever channel they are on.
    const auto [first, first_ids] = claim(3, {channel::email, channel::webhook});
    CHECK(first_ids == std::vector<long long>(all.begin(), all.begin() + 3));
    // A server that sends webhooks only gets the webhooks left, and never an email.
    const auto [hooks, hook_ids] = claim(10, {channel::webhook});
    CHECK_FALSE(hooks.empty());
    for (const auto& n : hooks) CHECK(n.via == channel::webhook);
    const auto [mails, mail_ids] = claim(10, {channel::email});
    for (const auto& n : mails) CHECK(n.via == channel::email);
    CHECK(first.size() + hooks.size() + mails.size() == 6);
  }
}
