#pragma once
// Organisations: Komisi Informasi (KI) and the election bodies that answer requests (KPU, Bawaslu, DKPP).

#include <optional>
#include <string>
#include <string_view>

namespace perkara::domain {

enum class organisation_kind { ki, kpu, bawaslu, dkpp };
enum class organisation_level { national, province, regency };

std::string_view to_string(organisation_kind kind);
std::string_view to_string(organisation_level level);
std::optional<organisation_kind> parse_organisation_kind(std::string_view text);
std::optional<organisation_level> parse_organisation_level(std::string_view text);

/// Office hours in local minutes since midnight; a receipt at or after `close_minute` is deemed
/// received on the next working day (docs/deadlines.md §1, rule 2).
struct office_hours {
  int open_minute = 8 * 60;
  int close_minute = 16 * 60;
};

struct organisation {
  std::string code;  // e.g. "kpu-pangkalpinang"
  std::string name;
  organisation_kind kind = organisation_kind::ki;
  organisation_level level = organisation_level::national;
  std::optional<std::string> parent;        // code of the parent organisation
  std::string region_code;                  // Kemendagri region code ("19" Babel, "19.71" Pangkalpinang)
  std::string region_name;                  // that region's name ("Kota Pangkal Pinang"); "" national
  int utc_offset_minutes = 7 * 60;          // WIB
  office_hours hours;
  std::optional<std::string> competent_ki;  // for election bodies: the KI that hears disputes against it

  [[nodiscard]] bool is_respondent() const { return kind != organisation_kind::ki; }
};

}  // namespace perkara::domain
