#pragma once
// Statutory periods as versioned data (docs/legal-sources.md Appendix A). A period whose statutory value is
// unknown keeps `value = nullopt` and a `fallback`, and says so in every explanation.

#include "domain/time/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

enum class period_unit { working_days, calendar_days };
enum class confidence { verified, secondary, unverified };

std::string_view to_string(period_unit unit);
std::string_view to_string(confidence c);
std::optional<period_unit> parse_period_unit(std::string_view text);
std::optional<confidence> parse_confidence(std::string_view text);

struct period {
  std::string key;                 // e.g. "ppid_response"
  std::optional<int> value;        // the statutory value, when known
  std::optional<int> fallback;     // used when value is unknown
  period_unit unit = period_unit::working_days;
  std::string start_event;         // e.g. "request_received"
  std::string source;              // legal source, e.g. "PERKI 1/2019 Pasal 12 (secondary)"
  confidence confidence_level = confidence::unverified;
  std::string note;                // free text, e.g. "on_expiry: flag_overdue"
  int remind_days = 1;             // reminder this many working days before the due date (0: none)

  /// The number of days actually used: the statutory value, else the fallback.
  [[nodiscard]] std::optional<int> effective_value() const { return value ? value : fallback; }
};

/// Day-counting settings of a rule set (docs/deadlines.md §1).
struct counting_rules {
  bool after_hours_next_working_day = true;  // receipt after office closing → next working day
  bool cuti_bersama_is_holiday = true;        // whether collective leave days are non-working
};

struct ruleset {
  std::string name;        // "perki_1_2019" or "general"
  int version = 1;
  civil_date effective_from{};
  std::string title;
  std::string source;      // the regulation
  counting_rules counting;
  std::vector<period> periods;

  [[nodiscard]] const period* find(std::string_view key) const;
};

}  // namespace perkara::domain
