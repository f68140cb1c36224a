#pragma once
// The words of a notice, Bahasa Indonesia first and English below (issue 16): what happened (by event
// action), what is due (by period key), and dates as people write them.

#include "domain/time/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::notices {

struct bilingual {
  std::string id;
  std::string en;
};

/// What an event means to the people of the case; nullopt for events nobody outside needs to hear.
std::optional<bilingual> what_happened(std::string_view case_type, std::string_view action);

/// The act a running clock waits for, e.g. "ppid_response" -> "jawaban PPID" / "the PPID's answer".
bilingual what_is_due(std::string_view period_key);

/// "14 Februari 2024" / "14 February 2024".
bilingual spoken_date(civil_date date);

/// A message body: the Indonesian lines, then the English ones, then the automatic-message footer; as
/// plain text, and as HTML (each line a paragraph, escaped).
std::string text_body(const std::vector<std::string>& id, const std::vector<std::string>& en);
std::string html_body(const std::vector<std::string>& id, const std::vector<std::string>& en);

}  // namespace perkara::domain::notices
