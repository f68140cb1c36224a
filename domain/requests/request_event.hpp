#pragma once
// What a PPID workflow step records in the case's event log (deadline_record.hpp `case_event`): the
// action and its payload, a JSON object written with the one event payload writer
// (domain/cases/event_payload.hpp). Payloads never carry the applicant's personal data
// (DEVELOPERS.md "Standards": audit has no PII).

#include <string>

namespace perkara::domain {

struct request_event {
  std::string action;  // "create", "extend", "respond", "file_objection", "answer_objection", "close", "mark_disputed"
  std::string payload_json;  // e.g. {"decision":"refused","grounds":["a","c"]}
};

}  // namespace perkara::domain
