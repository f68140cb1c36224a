#pragma once
// What a PPID workflow step records in the case's event log (deadline_record.hpp `case_event`): the
// action and a small ordered key/value payload, rendered as JSON text without any JSON library.
// Payloads never carry the applicant's personal data (DEVELOPERS.md "Standards": audit has no PII).

#include "domain/json_text.hpp"
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

struct payload_field {
  std::string key;
  std::string value;
  bool raw = false;  // true: `value` is already JSON (an array, a number, null); false: a string to escape
};

struct request_event {
  std::string action;  // "create", "extend", "respond", "file_objection", "answer_objection", "close", "mark_disputed"
  std::vector<payload_field> payload;

  /// The payload as a JSON object, keys in insertion order, e.g. {"decision":"refused","grounds":["a","c"]}.
  [[nodiscard]] std::string payload_json() const;
};

/// A JSON array of strings.
std::string json_string_array(const std::vector<std::string>& items);

}  // namespace perkara::domain
