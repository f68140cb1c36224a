#pragma once
// Reading JSON request bodies and query strings into typed values while collecting field errors, so
// one response names every bad field (RFC 9457 `errors`).

#include "api/http/message.hpp"
#include "domain/errors.hpp"
#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::api {

/// Parses the body as a JSON object; 400 (malformed) or 422 (not an object) problems otherwise.
boost::json::object parse_json_object(const request& req);

/// Typed field access that records a field error (with the dotted `path`) instead of throwing.
class json_reader {
 public:
  json_reader(const boost::json::object& obj, domain::validation& v, std::string prefix = {})
      : obj_(obj), v_(v), prefix_(std::move(prefix)) {}

  std::optional<std::string> string(std::string_view key, bool required, std::size_t max_length = 10000);
  std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(std::string_view key, bool required);
  std::optional<domain::civil_date> date(std::string_view key, bool required);
  std::optional<domain::offset_instant> instant(std::string_view key, bool required);
  std::optional<std::vector<std::string>> string_array(std::string_view key, bool required);
  /// A nested object, or nullptr (recording an error when required or of the wrong type).
  const boost::json::object* object(std::string_view key, bool required);
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] std::string path(std::string_view key) const;
  domain::validation& errors() { return v_; }

 private:
  const boost::json::value* find(std::string_view key, bool required);

  const boost::json::object& obj_;
  domain::validation& v_;
  std::string prefix_;
};

/// Throws the 422 problem if `v` has errors.
void throw_if_invalid(domain::validation& v);

/// Query helpers that throw a 400/422 problem naming the parameter.
/// A parameter's text; nullopt when absent or empty.
std::optional<std::string> query_text(const request& req, std::string_view name);
/// `true` / `false`; absent or empty is false.
bool query_flag(const request& req, std::string_view name);
std::optional<domain::civil_date> query_date(const request& req, std::string_view name);
std::optional<std::int64_t> query_integer(const request& req, std::string_view name, std::int64_t min,
                                          std::int64_t max);

}  // namespace perkara::api
