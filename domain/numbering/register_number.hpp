#pragma once
// Register and decision numbers (nomor registrasi, nomor putusan) from per-KI templates
// (docs/legal-sources.md §6.1, Q12: every KI uses its own pattern, so the template is configuration).
// This is only the formatter: the per-KI, per-year sequence lives in storage.

#include "domain/errors.hpp"
#include "domain/time/civil_date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace perkara::domain::numbering {

/// Placeholders: {seq} {seq:0N} (N = 2..9, zero-padded, never truncated) {ki_code} {org_code}
/// {month_roman} (I..XII) {month:02} {year} and, in decision templates only, {route}.
enum class template_kind { register_number, decision_number };

struct template_context {
  std::int64_t seq = 1;     // the sequence value, counted per KI per year by storage
  std::string ki_code;      // the KI's short code, e.g. "KIP" for ki-pusat
  std::string org_code;     // the numbering organisation's short code (same as ki_code for a KI)
  civil_date date{};        // the date whose month and year the number carries (registration date)
  std::string route;        // decision route suffix: "A", "M" or "M-A" (see decision_route)
};

/// Election-track register default, KI Pusat practice `001/KIP-PSIP/II/2024` [PR][S12] (§6.1).
inline constexpr std::string_view default_dispute_register_template = "{seq:03}/{ki_code}-PSIP/{month_roman}/{year}";

/// Decision default (our choice, documented in docs/dispute-workflow.md): the register sequence and
/// registration month reused with a route suffix, after KI Pusat's `359/XI/KIP-PS-A/2013` and
/// `028/III/KIP-PS-M-A/2013` [PR][S19a][S19b] applied to the PSIP track: `001/KIP-PSIP-A/II/2024`.
inline constexpr std::string_view default_decision_template = "{seq:03}/{ki_code}-PSIP-{route}/{month_roman}/{year}";

/// Field errors (field = `field`) for an unknown placeholder, an unbalanced brace, or a template with
/// no {seq...} or no {year} (numbers must be unique per year).
field_errors validate_template(std::string_view text, template_kind kind = template_kind::register_number,
                               std::string_view field = "template");

/// The formatted number, or nullopt when the template is invalid for `kind`.
std::optional<std::string> format_number(std::string_view text, const template_context& context,
                                         template_kind kind = template_kind::register_number);

/// I..XII for 1..12; empty for anything else.
std::string_view roman_month(unsigned month);

/// Route suffix used in decision numbers: "M" mediation agreement, "M-A" adjudication after a failed
/// mediation, "A" any other decision (KI Pusat practice [PR][S19a][S19b]).
std::string_view decision_route(bool mediation_agreement, bool after_failed_mediation);

}  // namespace perkara::domain::numbering
