#pragma once
// Shared helpers of the PPID workflow end-to-end tests (requests_*_test.cpp).

#include "e2e/support/live_server.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace perkara::e2e::requests {

inline boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }

inline std::string str(const boost::json::value& v) {
  return v.is_null() ? std::string("null") : std::string(v.as_string());
}

/// The first error's field of a 422 body.
inline std::string error_field(const http_reply& r) {
  const auto body = json_of(r);
  return str(body.at("errors").as_array().at(0).at("field"));
}

/// A JSON string array as strings (empty when missing).
inline std::vector<std::string> strings(const boost::json::value& v) {
  std::vector<std::string> out;
  for (const auto& x : v.as_array()) {
    out.emplace_back(x.as_string());
  }
  return out;
}

/// A valid creation body at kpu-pangkalpinang, received at `received_at`.
inline boost::json::object new_request(const std::string& received_at = "2024-02-07T09:00:00+07:00",
                                       const std::string& respondent = "kpu-pangkalpinang") {
  return {{"respondent", respondent},
          {"received_at", received_at},
          {"channel", "email"},
          {"applicant",
           {{"kind", "individual"},
            {"name", "Siti Aminah"},
            {"id_number", "1971014101900001"},
            {"address", "Jl. Jenderal Sudirman No. 12, Pangkalpinang"},
            {"email", "siti.aminah@example.id"},
            {"phone", "+6281234567890"}}},
          {"information_requested", "Salinan formulir C.Hasil TPS 012 Kelurahan Bukit Intan"},
          {"purpose", "Pemantauan pemilu"},
          {"format", "softcopy"},
          {"delivery_medium", "email"}};
}

/// The deadline with `key`, or null.
inline boost::json::value deadline(const boost::json::value& request, std::string_view key) {
  for (const auto& d : request.at("deadlines").as_array()) {
    if (d.at("key").as_string() == key && d.at("stopped_on").is_null()) {
      return d;
    }
  }
  return nullptr;
}

/// A test's actors at kpu-pangkalpinang (ppid, atasan) and at bawaslu-babel (ppid of another body).
struct actors {
  std::string ppid;
  std::string atasan;
  std::string other;

  explicit actors(live_server& s)
      : ppid(s.token_for("ppid.pkp", domain::role::ppid, "kpu-pangkalpinang")),
        atasan(s.token_for("atasan.pkp", domain::role::ppid_superior, "kpu-pangkalpinang")),
        other(s.token_for("ppid.bawaslu", domain::role::ppid, "bawaslu-babel")) {}
};

/// POST /api/v1/requests; REQUIREs 201 and returns the body.
inline boost::json::value create(live_server& s, const std::string& token,
                                 const boost::json::object& body = new_request()) {
  const auto r = s.post("/api/v1/requests", boost::json::serialize(body), token);
  if (r.status != 201) {
    throw std::runtime_error("create failed: " + std::to_string(r.status) + " " + r.body);
  }
  return json_of(r);
}

inline http_reply act(live_server& s, const std::string& token, const std::string& id, const std::string& action,
                      const boost::json::object& body, header_list headers = {}) {
  return s.post("/api/v1/requests/" + id + "/actions/" + action, boost::json::serialize(body), token,
                std::move(headers));
}

}  // namespace perkara::e2e::requests
