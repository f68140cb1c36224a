#pragma once
// Expected failures are values: validation problems name the field they concern,
// and the api layer maps them to RFC 9457 problem+json. Exceptions are for the environment and bugs.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perkara::domain {

struct field_error {
  std::string field;    // JSON path as the client sent it, e.g. "applicant.email"
  std::string message;  // human text, Bahasa Indonesia first
};

using field_errors = std::vector<field_error>;

/// Collects field errors while validating one input.
class validation {
 public:
  void fail(std::string field, std::string_view message) { errors_.push_back({std::move(field), std::string(message)}); }
  [[nodiscard]] bool ok() const { return errors_.empty(); }
  [[nodiscard]] const field_errors& errors() const { return errors_; }
  field_errors take() { return std::move(errors_); }

 private:
  field_errors errors_;
};

}  // namespace perkara::domain
