#pragma once
// RFC 9457 problem details. Handlers throw `problem` (or return problem responses); the router turns
// anything else into a 500 that carries the request id and no internals.

#include "api/http/message.hpp"
#include "domain/errors.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace perkara::api {

enum class language { id, en };

/// Bahasa Indonesia unless the client prefers English (`Accept-Language: en...`).
language preferred_language(const request& req);

class problem : public std::exception {
 public:
  problem(int status, std::string detail, domain::field_errors errors = {})
      : status_(status), detail_(std::move(detail)), errors_(std::move(errors)) {}

  [[nodiscard]] int status() const { return status_; }
  [[nodiscard]] const std::string& detail() const { return detail_; }
  [[nodiscard]] const domain::field_errors& errors() const { return errors_; }
  /// Extra members of the problem object, already JSON-encoded values (e.g. allowed_actions).
  std::vector<std::pair<std::string, std::string>> extra_json;
  std::vector<std::pair<std::string, std::string>> headers;

  [[nodiscard]] const char* what() const noexcept override { return detail_.c_str(); }

 private:
  int status_;
  std::string detail_;
  domain::field_errors errors_;
};

/// 422 with the fields named.
problem validation_problem(domain::field_errors errors);
/// 400 for a body or query that cannot be parsed at all, naming the field where known.
problem bad_request(std::string detail, std::string field = {});
problem not_found();
/// The value found; 404 (not_found) when there is none.
template <class T>
T found_or_404(std::optional<T> found) {
  if (!found) {
    throw not_found();
  }
  return std::move(*found);
}
problem unauthorized();
problem forbidden();

/// Serialises a problem into a response (`application/problem+json`).
response problem_response(const problem& p, const request& req);
/// The short title for a status, in the request's language.
std::string problem_title(int status, language lang);

}  // namespace perkara::api
