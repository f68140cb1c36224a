#pragma once
// Which Komisi Informasi hears a dispute against an election body (docs/legal-sources.md §1.4).

#include "domain/org/organisation.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace perkara::domain {

/// The province part of a Kemendagri region code: "19.71" → "19", "19" → "19".
std::string_view province_of(std::string_view region_code);

/// The competent KI for `respondent`, chosen from the KIs present in `organisations`: the KI at the
/// respondent's level and region, else the next KI up (regency → province → national).
/// UU 14/2008 Pasal 27 [UNVERIFIED wording; direction confirmed, docs/legal-sources.md §1.4 and S15h].
/// Returns nullopt for a KI (never a respondent) or when no KI up the chain exists.
std::optional<std::string> derive_competent_ki(const organisation& respondent, std::span<const organisation> organisations);

}  // namespace perkara::domain
