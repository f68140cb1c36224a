#include "domain/cases/applicant_kind.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain {

constexpr enum_name<applicant_kind> applicant_kind_names[] = {
    {applicant_kind::individual, "individual"}, {applicant_kind::legal_entity, "legal_entity"},
    {applicant_kind::group, "group"}};

std::string_view to_string(applicant_kind kind) { return name_in(applicant_kind_names, kind); }
std::optional<applicant_kind> parse_applicant_kind(std::string_view text) {
  return value_in(applicant_kind_names, text);
}

}  // namespace perkara::domain
