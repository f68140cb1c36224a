// Notices for people end to end on the selected backend (SQLite, or MariaDB with
// PERKARA_TEST_BACKEND=mysql), docs/operations.md "Notices": an organisation's admin manages its webhooks
// (the secret shown once, rotated, a signed test delivery checked by Python's hmac in
// tests/e2e/support/webhook_sink.py, not by the server's libsodium; the delivery log), staff hear the
// events whose move is theirs at the address set in user administration, per-user preferences, the
// applicant's opt-out by the token of an email's link (no further email), the case's delivery log and
// the status page. The dispatcher runs rounds directly (run_once): nothing here sleeps.
#include "e2e/requests_support.hpp"
#include "e2e/support/live_server.hpp"
#include "e2e/support/sink_process.hpp"
#include "server/notices/deadline_sweep.hpp"
#include "server/notices/dispatcher.hpp"
#include "server/notices/webhook_sender.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace perkara;
using namespace perkara::e2e;
namespace rq = perkara::e2e::requests;
using domain::role;

namespace {

/// Delivers what is due to webhooks (this dispatcher has no SMTP): how many were settled.
std::size_t deliver_webhooks(live_server& s) {
  const auto db = s.database().open(2);
  server::notices::dispatcher d(*db, s.clock(), {}, nullptr, std::make_unique<server::notices::webhook_sender>());
  return d.run_once();
}

std::size_t count_audience(const boost::json::value& list, const std::string& audience) {
  const auto& items = list.at("items").as_array();
  return static_cast<std::size_t>(
      std::count_if(items.begin(), items.end(), [&](const auto& n) { return rq::str(n.at("audience")) == audience; }));
}

}  // namespace

TEST_SUITE("notices_people") {
  TEST_CASE("webhook management: create, list, test signed delivery, rotate, disable, remove, scoped") {
    live_server s;
    const auto admin = s.token_for("admin.babel", role::ki_admin, "ki-babel");
    const auto other_admin = s.token_for("admin.pusat", role::ki_admin, "ki-pusat");
    const auto registrar = s.token_for("panitera.babel", role::registrar, "ki-babel");
    const std::string base = "/api/v1/organisations/ki-babel/webhooks";
    const auto port = free_port();
    const auto url = "http://127.0.0.1:" + std::to_string(port) + "/hook";

    // Bad input names the field and stores nothing.
    auto bad = s.post(base, R"({"url":"ftp://x.example.id/hook","secret":"short"})", admin);
    CHECK(bad.status == 422);
    CHECK(bad.body.find("\"url\"") != std::string::npos);
    CHECK(bad.body.find("\"secret\"") != std::string::npos);
    CHECK(s.post(base, R"({"url":")" + url + R"("})", registrar).status == 403);

    // Created with a generated secret, shown once.
    const auto created = s.post(base, R"({"url":")" + url + R"("})", admin);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    const auto hook = rq::json_of(created);
    const auto secret = rq::str(hook.at("secret"));
    CHECK(secret.rfind("whsec_", 0) == 0);
    CHECK(secret.size() == 6 + 48);
    const auto id = std::to_string(hook.at("id").as_int64());
    const auto listed = s.get(base, admin);
    REQUIRE(listed.status == 200);
    CHECK(listed.body.find(url) != std::string::npos);
    CHECK(listed.body.find("secret") == std::string::npos);  // never again
    // Another organisation's admin does not see it.
    CHECK(s.get(base, other_admin).status == 404);
    CHECK(s.post(base + "/" + id + "/test", "", other_admin).status == 404);

    // A test delivery, signed with the secret: Python's hmac agrees.
    {
      scratch_dir received;
      sink_process sink("webhook_sink.py", {std::to_string(port), secret, received.path().string()});
      const auto queued = s.post(base + "/" + id + "/test", "", admin);
      REQUIRE_MESSAGE(queued.status == 202, queued.body);
      CHECK(rq::str(rq::json_of(queued).at("state")) == "pending");
      CHECK(deliver_webhooks(s) == 1);
      const auto files = received.files(".json");
      REQUIRE(files.size() == 1);
      const auto got = read_text(files[0]);
      CHECK(got.rfind("valid\n", 0) == 0);
      CHECK(got.find("\"test\":true") != std::string::npos);
    }
    const auto log = s.get(base + "/" + id + "/deliveries", admin);
    REQUIRE(log.status == 200);
    const auto log_json = rq::json_of(log);
    const auto& entries = log_json.at("items").as_array();
    REQUIRE(entries.size() == 1);
    CHECK(rq::str(entries[0].at("state")) == "sent");
    CHECK(rq::str(entries[0].at("action")) == "webhook.test");
    REQUIRE(entries[0].at("deliveries").as_array().size() == 1);
    CHECK(rq::str(entries[0].at("deliveries").as_array()[0].at("outcome")) == "sent");

    // Rotated (supplied secret): the old secret no longer verifies, the new one does.
    const std::string rotated = "whsec_supplied_0123456789abcdef";
    const auto rot = s.post(base + "/" + id + "/rotate-secret", R"({"secret":")" + rotated + R"("})", admin);
    REQUIRE_MESSAGE(rot.status == 200, rot.body);
    CHECK(rq::str(rq::json_of(rot).at("secret")) == rotated);
    {
      scratch_dir received;
      sink_process sink("webhook_sink.py", {std::to_string(port), secret, received.path().string()});
      REQUIRE(s.post(base + "/" + id + "/test", "", admin).status == 202);
      CHECK(deliver_webhooks(s) == 1);
      const auto files = received.files(".json");
      REQUIRE(files.size() == 1);
      CHECK(read_text(files[0]).rfind("invalid\n", 0) == 0);
    }
    {
      scratch_dir received;
      sink_process sink("webhook_sink.py", {std::to_string(port), rotated, received.path().string()});
      REQUIRE(s.post(base + "/" + id + "/test", "", admin).status == 202);
      CHECK(deliver_webhooks(s) == 1);
      const auto files = received.files(".json");
      REQUIRE(files.size() == 1);
      CHECK(read_text(files[0]).rfind("valid\n", 0) == 0);
    }

    // Disabled, then removed: gone from the list and the status page; its log is not served any more.
    const auto off = s.patch(base + "/" + id, R"({"active":false})", admin);
    REQUIRE(off.status == 200);
    CHECK_FALSE(rq::json_of(off).at("active").as_bool());
    const auto status = s.get("/api/v1/notices/status", admin);
    REQUIRE(status.status == 200);
    const auto st = rq::json_of(status);
    CHECK_FALSE(st.at("email").at("configured").as_bool());
    REQUIRE(st.at("webhooks").as_array().size() == 1);
    CHECK(rq::str(st.at("webhooks").as_array()[0].at("last_delivery").at("outcome")) == "sent");
    CHECK(s.del(base + "/" + id, admin).status == 204);
    CHECK(rq::json_of(s.get(base, admin)).at("items").as_array().empty());
    CHECK(s.get(base + "/" + id + "/deliveries", admin).status == 404);
    // Every change is in the audit trail, never the secret.
    const auto audit = s.get("/api/v1/audit?organisation=ki-babel", admin);
    REQUIRE(audit.status == 200);
    for (const auto* action :
         {"webhook.create", "webhook.test", "webhook.rotate_secret", "webhook.update", "webhook.delete"}) {
      CHECK_MESSAGE(audit.body.find(action) != std::string::npos, action);
    }
    CHECK(audit.body.find(secret) == std::string::npos);
    CHECK(audit.body.find(rotated) == std::string::npos);
  }

  TEST_CASE("staff addresses and preferences, the applicant's opt-out, the case's delivery log") {
    live_server s;
    rq::actors a(s);
    const auto root = s.token_for("root", role::sysadmin, "ki-pusat");

    // The PPID's notice address, set in user administration (bad input names the field).
    const auto users = rq::json_of(s.get("/api/v1/users?organisation=kpu-pangkalpinang", root));
    std::string ppid_id;
    for (const auto& u : users.at("items").as_array()) {
      if (rq::str(u.at("username")) == "ppid.pkp") ppid_id = rq::str(u.at("id"));
    }
    REQUIRE_FALSE(ppid_id.empty());
    const auto bad_email = s.patch("/api/v1/users/" + ppid_id, R"({"email":"not an address"})", root);
    CHECK(bad_email.status == 422);
    CHECK(rq::error_field(bad_email) == "email");
    const auto set = s.patch("/api/v1/users/" + ppid_id, R"({"email":"ppid@kpu-pkp.example.id"})", root);
    REQUIRE_MESSAGE(set.status == 200, set.body);
    CHECK(rq::str(rq::json_of(set).at("email")) == "ppid@kpu-pkp.example.id");

    // Preferences: every kind on by default; one turned off; an unknown kind is refused by name.
    auto prefs = rq::json_of(s.get("/api/v1/me/notice-preferences", a.ppid));
    CHECK(rq::str(prefs.at("email")) == "ppid@kpu-pkp.example.id");
    REQUIRE(prefs.at("items").as_array().size() == 5);
    for (const auto& p : prefs.at("items").as_array()) CHECK(p.at("enabled").as_bool());
    const auto wrong =
        s.send("PUT", "/api/v1/me/notice-preferences", R"({"items":[{"kind":"sms","enabled":false}]})", a.ppid, {});
    CHECK(wrong.status == 422);
    CHECK(rq::error_field(wrong) == "items[0].kind");
    const auto put =
        s.send("PUT", "/api/v1/me/notice-preferences", R"({"items":[{"kind":"digest","enabled":false}]})", a.ppid, {});
    REQUIRE_MESSAGE(put.status == 200, put.body);
    prefs = rq::json_of(put);
    for (const auto& p : prefs.at("items").as_array()) {
      CHECK(p.at("enabled").as_bool() == (rq::str(p.at("kind")) != "digest"));
    }

    // A request with the applicant's email: the applicant and the PPID (whose move it is) hear it.
    const auto id = rq::str(rq::create(s, a.ppid).at("id"));
    auto log = rq::json_of(s.get("/api/v1/requests/" + id + "/notices", a.ppid));
    CHECK(count_audience(log, "applicant") == 1);
    CHECK(count_audience(log, "staff") == 1);
    CHECK(log.at("items").as_array().size() == 2);
    CHECK(s.get("/api/v1/requests/" + id + "/notices", a.other).status == 404);
    std::string token;
    {
      const auto db = s.database().open(1);
      auto tx = db->begin(ports::access::read);
      for (const auto& n : tx->notices().for_case("request", id)) {
        if (n.audience == "applicant") {
          token = n.idempotency_key;
          CHECK(n.body_text.find("/#/opt-out?token=" + token) != std::string::npos);
        }
        if (n.audience == "staff") CHECK(n.recipient == "ppid@kpu-pkp.example.id");
      }
    }
    REQUIRE_FALSE(token.empty());

    // The daily digest reaches the staff who handle cases, unless they turned it off: the PPID's is off,
    // so the office (no webhook, no letterhead address) hears none; turned on again, the PPID gets it.
    {
      const auto db = s.database().open(1);
      // The answer is due 15 Feb (8 and 9 Feb are holidays, 14 Feb the election day): a 10-day digest
      // horizon from 7 Feb lists it.
      server::notices::sweep_config ten_days;
      ten_days.digest_horizon_days = 10;
      CHECK(server::notices::sweep_deadlines(*db, s.clock().now(), ten_days).digests == 0);
      const auto on =
          s.send("PUT", "/api/v1/me/notice-preferences", R"({"items":[{"kind":"digest","enabled":true}]})", a.ppid, {});
      REQUIRE_MESSAGE(on.status == 200, on.body);
      CHECK(server::notices::sweep_deadlines(*db, s.clock().now(), ten_days).digests == 1);
      auto tx = db->begin(ports::access::read);
      const auto digest = tx->notices().for_case("organisation", "kpu-pangkalpinang");
      REQUIRE(digest.size() == 1);
      CHECK(digest[0].kind == "digest");
      CHECK(digest[0].audience == "staff");
      CHECK(digest[0].recipient == "ppid@kpu-pkp.example.id");
      CHECK(digest[0].body_text.find(rq::str(rq::json_of(s.get("/api/v1/requests/" + id, a.ppid)).at("number"))) !=
            std::string::npos);
    }

    // The opt-out link: public, idempotent, never showing the address; unknown tokens are 404.
    const auto out = s.post("/api/v1/public/notices/opt-out", R"({"token":")" + token + R"("})");
    REQUIRE_MESSAGE(out.status == 200, out.body);
    CHECK(out.body.find("siti") == std::string::npos);
    CHECK(s.post("/api/v1/public/notices/opt-out", R"({"token":")" + token + R"("})").status == 200);
    CHECK(s.post("/api/v1/public/notices/opt-out", R"({"token":"0123456789abcdef"})").status == 404);
    CHECK(s.post("/api/v1/public/notices/opt-out", R"({})").status == 422);

    // The next step: the PPID hears it, the opted-out applicant gets no further email.
    s.clock().advance(std::chrono::hours{1});
    const auto responded = rq::act(s, a.ppid, id, "respond",
                                   {{"decision", "refused"},
                                    {"reasons", "Dikecualikan"},
                                    {"responded_at", domain::format_rfc3339(s.clock().now(), 7 * 60)}});
    REQUIRE_MESSAGE(responded.status == 200, responded.body);
    log = rq::json_of(s.get("/api/v1/requests/" + id + "/notices", a.ppid));
    CHECK(count_audience(log, "applicant") == 1);
    CHECK(count_audience(log, "staff") == 2);
    const auto& first = log.at("items").as_array()[0];
    CHECK(rq::str(first.at("state")) == "pending");
    CHECK(first.at("deliveries").as_array().empty());
  }
}
