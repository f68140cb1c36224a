#pragma once
// Non-working days (holidays-id.csv): national holidays, cuti bersama, election (voting) days, and local
// closures. Each row has a scope (docs/deadlines.md §1, rule 4): national, one province, one regency
// (kabupaten/kota), or one organisation. An organisation's calendar is the national rows plus those of
// its province, its regency and its own.

#include "domain/time/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace perkara::domain {

enum class holiday_kind { national, cuti_bersama, election, local };

std::string_view to_string(holiday_kind kind);
std::optional<holiday_kind> parse_holiday_kind(std::string_view text);

struct holiday {
  civil_date date{};
  holiday_kind kind = holiday_kind::national;
  std::string name_id;  // Bahasa Indonesia
  std::string name_en;
  std::string source;                        // legal instrument, e.g. "SKB-2024", "Keppres-10-2024"
  std::optional<std::string> organisation;  // set for an organisation's own closure (scope organisation)
  std::string region_code;                   // Kemendagri code: "19" a province, "19.71" a regency; "" none
};

enum class holiday_scope { national, province, regency, organisation };

std::string_view to_string(holiday_scope scope);
std::optional<holiday_scope> parse_holiday_scope(std::string_view text);

/// The scope a row has: organisation when it names one, else province or regency by its region code
/// (a code with a dot is a regency), else national.
[[nodiscard]] holiday_scope scope_of(const holiday& h);

/// Why a row's kind, organisation and region code do not fit together, or nullopt when they do: national
/// and cuti bersama rows are national; a local row has exactly one of an organisation or a region code; an
/// election (voting) day is national or regional (a Pilkada voting day); a region code is "NN" or "NN.NN".
[[nodiscard]] std::optional<std::string_view> scope_problem(const holiday& h);

/// True when `h` is in force for the organisation `organisation_code` located in `region_code` (the
/// organisation's own region: "" national, "19" a province, "19.71" a regency).
[[nodiscard]] bool applies_to(const holiday& h, std::string_view organisation_code, std::string_view region_code);

}  // namespace perkara::domain
