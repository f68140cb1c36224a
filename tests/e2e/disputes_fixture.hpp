#pragma once
// Shared by the dispute e2e tests (disputes_*_test.cpp, public_*_test.cpp): a live server with the KI
// Babel staff and the respondent's PPID logged in, and helpers to submit and drive a case.

#include "e2e/support/live_server.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <doctest/doctest.h>

#include <string>

namespace perkara::e2e::disputes {

inline boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }

inline std::string text_of(const boost::json::value& v, std::string_view key) {
  const auto& x = v.as_object().at(key);
  return x.is_null() ? std::string{} : std::string(x.as_string());
}

/// A complete, timely application against KPU Pangkalpinang (competent KI: ki-babel).
inline std::string application(const std::string& extra = {}) {
  return R"({"chronology":{"request_date":"2024-01-10","ppid_response_date":"2024-01-15","objection_date":"2024-01-22",)"
         R"("objection_response_date":"2024-01-31"},)"
         R"("applicant":{"kind":"individual","name":"Budi Santoso","id_number":"1971010101010001",)"
         R"("address":"Jl. Merdeka No. 1, Pangkalpinang","email":"budi@example.id","phone":"081234567890"},)"
         R"("respondent":"kpu-pangkalpinang","information_requested":"Salinan formulir C1 TPS 005 Kelurahan Bukit Intan",)"
         R"("reasons":"Permohonan tidak dipenuhi","grounds":["e"],"petitum":["Memerintahkan termohon memberikan salinan C1"],)"
         R"("attachments":["request_letter","request_receipt","ppid_response","objection_letter","objection_receipt",)"
         R"("atasan_response","identity_document"])" +
         extra + "}";
}

struct fixture {
  live_server s;
  std::string registrar = s.token_for("panitera", domain::role::registrar, "ki-babel");
  std::string commissioner = s.token_for("komisioner", domain::role::commissioner, "ki-babel");
  std::string ppid = s.token_for("ppid.kpu", domain::role::ppid, "kpu-pangkalpinang");

  /// Moves the clock on and logs everyone in again (sessions last 12 hours).
  void advance_days(int days) {
    s.clock().advance(std::chrono::hours{24 * days});
    registrar = s.login("panitera", "password-panitera");
    commissioner = s.login("komisioner", "password-komisioner");
    ppid = s.login("ppid.kpu", "password-ppid.kpu");
  }

  /// Submits (201 required) and returns the case id.
  std::string submit(const std::string& body = application()) {
    const auto r = s.post("/api/v1/disputes", body, registrar);
    REQUIRE_MESSAGE(r.status == 201, r.body);
    return text_of(json_of(r), "id");
  }

  http_reply act_raw(const std::string& id, const std::string& action, const std::string& body,
                     const std::string& token) {
    return s.post("/api/v1/disputes/" + id + "/actions/" + action, body, token);
  }

  /// An action that must succeed; returns the case as answered.
  boost::json::value act(const std::string& id, const std::string& action, const std::string& body,
                         const std::string& token) {
    const auto r = act_raw(id, action, body, token);
    INFO(action);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return json_of(r);
  }

  boost::json::value get(const std::string& id, const std::string& token) {
    const auto r = s.get("/api/v1/disputes/" + id, token);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return json_of(r);
  }

  /// submitted → registered → preliminary_examination.
  std::string examined_case() {
    const auto id = submit();
    act(id, "register", "{}", registrar);
    act(id, "open_preliminary_examination", "{}", commissioner);
    return id;
  }
};

}  // namespace perkara::e2e::disputes
