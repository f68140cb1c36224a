#include "api/http/router.hpp"

#include "api/http/problem.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/parse.hpp>
#include <doctest/doctest.h>

using namespace perkara::api;

namespace {

request make(std::string method, std::string target, std::string body = {}, std::string content_type = {}) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!content_type.empty()) {
    headers.emplace_back("Content-Type", content_type);
  }
  auto req = make_request(std::move(method), target, std::move(headers), std::move(body), "rid-1");
  REQUIRE(req);
  return *req;
}

router sample_router() {
  router r;
  r.add("GET", "/items/{id}", policy::public_route, [](const request&, const route_params& p) {
    response res;
    res.body = p.get("id");
    return res;
  });
  r.add("POST", "/items", policy::public_route, [](const request& req, const route_params&) {
    response res;
    res.status = 201;
    res.body = req.body;
    return res;
  }, {.body_limit = 10, .requires_json_body = true});
  r.add("GET", "/boom", policy::public_route, [](const request&, const route_params&) -> response { throw std::runtime_error("secret internals"); });
  r.add("GET", "/conflict", policy::public_route, [](const request&, const route_params&) -> response {
    throw perkara::ports::conflict_error("dup");
  });
  r.add("GET", "/invalid", policy::public_route, [](const request&, const route_params&) -> response {
    throw validation_problem({{"applicant.email", "bad"}});
  });
  // A signed-in route whose handler forgets authenticate(): the router must not let its answer through.
  r.add("GET", "/forgetful", policy::signed_in, [](const request&, const route_params&) { return response{}; });
  r.add("GET", "/admins", policy::user_admins, [](const request& req, const route_params&) {
    response res;
    res.body = req.access ? req.access->describe() : "none";
    req.access_enforced = true;  // stands in for authenticate(), which the caller tests cover
    return res;
  });
  return r;
}

boost::json::object body_of(const response& res) { return boost::json::parse(res.body).as_object(); }

}  // namespace

TEST_SUITE("router") {
  TEST_CASE("path parameters are decoded and passed to the handler") {
    const auto r = sample_router();
    const auto res = r.handle(make("GET", "/items/a%20b"));
    CHECK(res.status == 200);
    CHECK(res.body == "a b");
    CHECK(res.route == "/items/{id}");
  }

  TEST_CASE("unknown path is 404 problem+json") {
    const auto res = sample_router().handle(make("GET", "/nothing"));
    CHECK(res.status == 404);
    CHECK(res.content_type == "application/problem+json");
    CHECK(body_of(res).at("status").as_int64() == 404);
    CHECK(res.route == "unmatched");
  }

  TEST_CASE("wrong method is 405 with Allow") {
    const auto res = sample_router().handle(make("DELETE", "/items"));
    CHECK(res.status == 405);
    REQUIRE(res.header("Allow"));
    CHECK(*res.header("Allow") == "POST");
  }

  TEST_CASE("a 405 for a method that is not UTF-8 is still valid JSON (fuzz/router.cpp finding)") {
    const auto res = sample_router().handle(make("GE\xff\xfd~T", "/items"));
    CHECK(res.status == 405);
    boost::system::error_code ec;
    (void)boost::json::parse(res.body, ec);
    CHECK_MESSAGE(!ec, res.body);
  }

  TEST_CASE("a JSON route refuses another content type with 415") {
    const auto r = sample_router();
    CHECK(r.handle(make("POST", "/items", "{}", "text/plain")).status == 415);
    CHECK(r.handle(make("POST", "/items", "{}", "application/json; charset=utf-8")).status == 201);
  }

  TEST_CASE("per-route body limits are reported for the transport") {
    const auto r = sample_router();
    CHECK(r.body_limit("POST", "/items") == 10);
    CHECK(r.body_limit("GET", "/items/1") == default_body_limit);
  }

  TEST_CASE("an unexpected exception is a 500 with the request id and no internals") {
    const auto res = sample_router().handle(make("GET", "/boom"));
    CHECK(res.status == 500);
    CHECK(res.body.find("secret internals") == std::string::npos);
    CHECK(body_of(res).at("request_id").as_string() == "rid-1");
  }

  TEST_CASE("port errors map to 409") {
    CHECK(sample_router().handle(make("GET", "/conflict")).status == 409);
  }

  TEST_CASE("validation problems name the field, in Indonesian by default and English on request") {
    auto req = make("GET", "/invalid");
    auto res = sample_router().handle(req);
    CHECK(res.status == 422);
    auto body = body_of(res);
    CHECK(body.at("errors").as_array().at(0).as_object().at("field").as_string() == "applicant.email");
    CHECK(body.at("title").as_string() == "Validasi gagal");
    req.headers.emplace_back("accept-language", "en-GB,en;q=0.8");
    CHECK(body_of(sample_router().handle(req)).at("title").as_string() == "Validation failed");
  }

  TEST_CASE("every route carries its access policy, which the router hands to the handler") {
    const auto r = sample_router();
    const auto res = r.handle(make("GET", "/admins"));
    CHECK(res.status == 200);
    CHECK(res.body == "sysadmin, ki_admin");
    bool listed = false;
    for (const auto& e : r.entries()) {
      if (e.pattern == "/admins") {
        listed = true;
        CHECK(e.access == policy::user_admins);
      }
    }
    CHECK(listed);
  }

  TEST_CASE("a non-public route that answers without checking its policy is a 500, never a success") {
    const auto res = sample_router().handle(make("GET", "/forgetful"));
    CHECK(res.status == 500);
    CHECK(body_of(res).at("status").as_int64() == 500);
  }

  TEST_CASE("access policies admit the roles they name") {
    using perkara::domain::role;
    CHECK(policy::national_rules.admits(role::sysadmin));
    CHECK_FALSE(policy::national_rules.admits(role::ki_admin));
    CHECK(policy::signed_in.admits(role::applicant));
    const std::vector<role> applicant{role::applicant};
    CHECK_FALSE(policy::request_readers.admits(applicant));
    const std::vector<role> both{role::applicant, role::ppid};
    CHECK(policy::request_readers.admits(both));
    CHECK(policy::public_route.describe() == "public");
    CHECK(policy::signed_in.describe() == "signed_in");
    CHECK(policy::request_actors.roles() == std::vector<role>{role::ppid, role::ppid_superior});
  }

  TEST_CASE("make_request splits and decodes the query") {
    const auto req = make("GET", "/x?year=2024&q=a%20b&flag");
    CHECK(req.path == "/x");
    CHECK(req.query_param("year") == "2024");
    CHECK(req.query_param("q") == "a b");
    CHECK(req.query_param("flag") == "");
    CHECK_FALSE(req.query_param("missing"));
    CHECK_FALSE(make_request("GET", "no-slash", {}, {}, "").has_value());
  }

  TEST_CASE("a command rolled back by a concurrent transaction runs again, at most six times in all") {
    // A table of (conflicts before success, streamed body) -> (status, runs).
    struct row {
      int conflicts;
      bool streamed;
      int status;
      int runs;
    };
    for (const auto& [conflicts, streamed, status, runs] :
         {row{0, false, 200, 1}, row{1, false, 200, 2}, row{2, false, 200, 3}, row{5, false, 200, 6}, row{6, false, 503, 6},
          row{1, true, 503, 1}}) {
      CAPTURE(conflicts);
      CAPTURE(streamed);
      int calls = 0;
      router r;
      r.add("POST", "/register", policy::signed_in, [&](const request& req, const route_params&) -> response {
        ++calls;
        // Each run checks access again, as authenticate() would: the router resets the flag per run.
        CHECK_FALSE(req.access_enforced);
        req.access_enforced = true;
        if (calls <= conflicts) throw perkara::ports::transient_conflict_error("Deadlock found when trying to get lock");
        return response{};
      }, {.streamed_body = streamed});
      const auto res = r.handle(make("POST", "/register"));
      CHECK(res.status == status);
      CHECK(calls == runs);
      // Still colliding after every run (not a streamed body): busy, ask again in a second.
      CHECK((res.header("Retry-After") == std::optional<std::string_view>{"1"}) == (status == 503));
    }
  }
}
