#pragma once
// Who applies, the same on both workflows: a person, a legal entity or a group (pemohon perorangan,
// badan hukum, kelompok orang; docs/legal-sources.md §2).

#include <optional>
#include <string_view>

namespace perkara::domain {

enum class applicant_kind { individual, legal_entity, group };

inline constexpr applicant_kind all_applicant_kinds[] = {applicant_kind::individual, applicant_kind::legal_entity,
                                                         applicant_kind::group};

std::string_view to_string(applicant_kind kind);
std::optional<applicant_kind> parse_applicant_kind(std::string_view text);

}  // namespace perkara::domain
