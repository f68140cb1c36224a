#include "api/http/problem.hpp"

#include <boost/json.hpp>

namespace perkara::api {

language preferred_language(const request& req) {
  const auto accept = req.header("accept-language");
  if (accept && accept->size() >= 2 && (*accept)[0] == 'e' && (*accept)[1] == 'n') {
    return language::en;
  }
  return language::id;
}

std::string problem_title(int status, language lang) {
  const bool en = lang == language::en;
  switch (status) {
    case 400: return en ? "Bad request" : "Permintaan tidak valid";
    case 401: return en ? "Authentication required" : "Autentikasi diperlukan";
    case 403: return en ? "Forbidden" : "Akses ditolak";
    case 404: return en ? "Not found" : "Tidak ditemukan";
    case 405: return en ? "Method not allowed" : "Metode tidak diizinkan";
    case 409: return en ? "Conflict with the current state" : "Bertentangan dengan status saat ini";
    case 412: return en ? "Precondition failed" : "Versi tidak cocok";
    case 413: return en ? "Payload too large" : "Isi permintaan terlalu besar";
    case 415: return en ? "Unsupported media type" : "Jenis konten tidak didukung";
    case 422: return en ? "Validation failed" : "Validasi gagal";
    case 429: return en ? "Too many requests" : "Terlalu banyak permintaan";
    case 503: return en ? "Service unavailable" : "Layanan tidak tersedia";
    default: return en ? "Internal server error" : "Kesalahan server";
  }
}

problem validation_problem(domain::field_errors errors) {
  return problem{422, "Satu atau lebih isian tidak valid / One or more fields are invalid", std::move(errors)};
}

problem bad_request(std::string detail, std::string field) {
  domain::field_errors errors;
  if (!field.empty()) {
    errors.push_back({std::move(field), detail});
  }
  return problem{400, std::move(detail), std::move(errors)};
}

problem not_found() { return problem{404, "Sumber daya tidak ditemukan / Resource not found"}; }
problem unauthorized() {
  problem p{401, "Token tidak ada, tidak valid atau kedaluwarsa / Missing, invalid or expired token"};
  p.headers.emplace_back("WWW-Authenticate", "Bearer");
  return p;
}
problem forbidden() { return problem{403, "Peran Anda tidak mengizinkan tindakan ini / Your role does not allow this"}; }

response problem_response(const problem& p, const request& req) {
  boost::json::object body;
  body["type"] = p.status() == 422 ? "/problems/validation" : "about:blank";
  body["title"] = problem_title(p.status(), preferred_language(req));
  body["status"] = p.status();
  body["detail"] = p.detail();
  if (!req.request_id.empty()) {
    body["request_id"] = req.request_id;
  }
  if (!p.errors().empty()) {
    boost::json::array errors;
    for (const auto& e : p.errors()) {
      errors.push_back(boost::json::object{{"field", e.field}, {"message", e.message}});
    }
    body["errors"] = std::move(errors);
  }
  for (const auto& [key, json] : p.extra_json) {
    body[key] = boost::json::parse(json);
  }
  response res;
  res.status = p.status();
  res.content_type = "application/problem+json";
  res.body = boost::json::serialize(body);
  res.headers = p.headers;
  return res;
}

}  // namespace perkara::api
