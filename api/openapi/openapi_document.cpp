// The OpenAPI document: api/openapi/*.json fragments, embedded at build time and merged here in file
// name order. 00-base.json holds the header and shared schemas; each other fragment adds `paths` and
// `components.schemas` of one part of the API.
#include "api/app.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <string>
#include <vector>

namespace perkara::api {

std::vector<std::string> openapi_parts();

namespace {

void merge_members(boost::json::object& into, const boost::json::object& from) {
  for (const auto& [key, value] : from) {
    into[key] = value;
  }
}

std::string merged_document() {
  boost::json::object doc;
  for (const auto& text : openapi_parts()) {
    auto part = boost::json::parse(text).as_object();
    if (doc.empty()) {
      doc = std::move(part);
      continue;
    }
    if (const auto* paths = part.if_contains("paths")) {
      merge_members(doc["paths"].as_object(), paths->as_object());
    }
    if (const auto* components = part.if_contains("components")) {
      if (const auto* schemas = components->as_object().if_contains("schemas")) {
        merge_members(doc["components"].as_object()["schemas"].as_object(), schemas->as_object());
      }
    }
  }
  return boost::json::serialize(doc);
}

}  // namespace

std::string_view openapi_document() {
  static const std::string document = merged_document();
  return document;
}

}  // namespace perkara::api
