#include "api/json/json_input.hpp"

#include "api/http/problem.hpp"
#include "domain/whole_number.hpp"

#include <boost/json/parse.hpp>
#include <fmt/format.h>


namespace perkara::api {

boost::json::object parse_json_object(const request& req) {
  boost::system::error_code ec;
  auto value = boost::json::parse(req.body.empty() ? std::string_view{"{}"} : std::string_view{req.body}, ec);
  if (ec) {
    throw bad_request("Isi permintaan bukan JSON yang sah / Body is not valid JSON");
  }
  if (!value.is_object()) {
    throw problem{422, "Isi permintaan harus objek JSON / Body must be a JSON object", {{"", "expected a JSON object"}}};
  }
  return std::move(value.as_object());
}

std::string json_reader::path(std::string_view key) const {
  return prefix_.empty() ? std::string{key} : fmt::format("{}.{}", prefix_, key);
}

bool json_reader::has(std::string_view key) const {
  const auto* v = obj_.if_contains(key);
  return v && !v->is_null();
}

const boost::json::value* json_reader::find(std::string_view key, bool required) {
  const auto* v = obj_.if_contains(key);
  if (!v || v->is_null()) {
    if (required) {
      v_.fail(path(key), "wajib diisi / required");
    }
    return nullptr;
  }
  return v;
}

std::optional<std::string> json_reader::string(std::string_view key, bool required, std::size_t max_length) {
  const auto* v = find(key, required);
  if (!v) {
    return std::nullopt;
  }
  if (!v->is_string()) {
    v_.fail(path(key), "harus teks / must be a string");
    return std::nullopt;
  }
  std::string s{v->as_string()};
  if (required && s.find_first_not_of(" \t\r\n") == std::string::npos) {
    v_.fail(path(key), "wajib diisi / required");
    return std::nullopt;
  }
  if (s.size() > max_length) {
    v_.fail(path(key), fmt::format("terlalu panjang (maks. {}) / too long (max {})", max_length, max_length));
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> json_reader::integer(std::string_view key, bool required, std::int64_t min,
                                                 std::int64_t max) {
  const auto* v = find(key, required);
  if (!v) {
    return std::nullopt;
  }
  std::int64_t n = 0;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(v->as_uint64());
  } else {
    v_.fail(path(key), "harus bilangan bulat / must be an integer");
    return std::nullopt;
  }
  if (n < min || n > max) {
    v_.fail(path(key), fmt::format("harus antara {} dan {} / must be between {} and {}", min, max, min, max));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> json_reader::boolean(std::string_view key, bool required) {
  const auto* v = find(key, required);
  if (!v) {
    return std::nullopt;
  }
  if (!v->is_bool()) {
    v_.fail(path(key), "harus true atau false / must be a boolean");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<domain::civil_date> json_reader::date(std::string_view key, bool required) {
  const auto* v = find(key, required);
  if (!v) {
    return std::nullopt;
  }
  const auto parsed = v->is_string() ? domain::parse_iso_date(v->as_string()) : std::nullopt;
  if (!parsed) {
    v_.fail(path(key), domain::invalid_date_message);
  }
  return parsed;
}

std::optional<domain::offset_instant> json_reader::instant(std::string_view key, bool required) {
  const auto* v = find(key, required);
  if (!v) {
    return std::nullopt;
  }
  const auto parsed = v->is_string() ? domain::parse_rfc3339(v->as_string()) : std::nullopt;
  if (!parsed) {
    v_.fail(path(key), domain::invalid_instant_message);
  }
  return parsed;
}

std::optional<std::vector<std::string>> json_reader::string_array(std::string_view key, bool required) {
  const auto* v = find(key, required);
  if (!v) {
    return std::nullopt;
  }
  if (!v->is_array()) {
    v_.fail(path(key), "harus larik teks / must be an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : v->as_array()) {
    if (!item.is_string()) {
      v_.fail(path(key), "harus larik teks / must be an array of strings");
      return std::nullopt;
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

const boost::json::object* json_reader::object(std::string_view key, bool required) {
  const auto* v = find(key, required);
  if (!v) {
    return nullptr;
  }
  if (!v->is_object()) {
    v_.fail(path(key), "harus objek / must be an object");
    return nullptr;
  }
  return &v->as_object();
}

void throw_if_invalid(domain::validation& v) {
  if (!v.ok()) {
    throw validation_problem(v.take());
  }
}

std::optional<std::string> query_text(const request& req, std::string_view name) {
  const auto v = req.query_param(name);
  if (!v || v->empty()) {
    return std::nullopt;
  }
  return std::string{*v};
}

bool query_flag(const request& req, std::string_view name) {
  const auto v = req.query_param(name);
  if (!v || v->empty() || *v == "false") {
    return false;
  }
  if (*v == "true") {
    return true;
  }
  throw validation_problem({{std::string{name}, "harus true atau false / must be true or false"}});
}

std::optional<domain::civil_date> query_date(const request& req, std::string_view name) {
  const auto raw = req.query_param(name);
  if (!raw || raw->empty()) {
    return std::nullopt;
  }
  const auto d = domain::parse_iso_date(*raw);
  if (!d) {
    throw validation_problem({{std::string{name}, domain::invalid_date_message}});
  }
  return d;
}

std::optional<std::int64_t> query_integer(const request& req, std::string_view name, std::int64_t min,
                                          std::int64_t max) {
  const auto raw = req.query_param(name);
  if (!raw || raw->empty()) {
    return std::nullopt;
  }
  const auto parsed = domain::parse_whole_number<std::int64_t>(*raw);
  if (!parsed) {
    throw validation_problem({{std::string{name}, "harus bilangan bulat / must be an integer"}});
  }
  const std::int64_t n = *parsed;
  if (n < min || n > max) {
    throw validation_problem(
        {{std::string{name}, fmt::format("harus antara {} dan {} / must be between {} and {}", min, max, min, max)}});
  }
  return n;
}

}  // namespace perkara::api
