#pragma once
// Plausible Indonesian content for generated cases: names, addresses, contact details, and what is asked
// of KPU and Bawaslu offices. Short texts, so the stored rows have realistic sizes.

#include "bench/generator/random.hpp"
#include "domain/org/organisation.hpp"

#include <string>
#include <string_view>

namespace perkara::bench {

std::string person_name(random_source& r);
/// A foundation, association or legal-aid body ("Yayasan ...", "Perkumpulan ...").
std::string institution_name(random_source& r);
/// A citizens' group ("Koalisi ...", "Forum ...").
std::string group_name(random_source& r);
/// A 16-digit NIK starting with the province and regency digits of `region_code`.
std::string nik(random_source& r, std::string_view region_code);
std::string street_address(random_source& r, std::string_view area);
std::string email_address(random_source& r, std::string_view name);
std::string phone_number(random_source& r);

/// The information asked of a KPU or Bawaslu office in `area` ("Kota Surabaya").
std::string information_requested(random_source& r, domain::organisation_kind kind, std::string_view area);
std::string request_purpose(random_source& r);
/// The area an organisation serves, from its name: "KPU Kota Surabaya" -> "Kota Surabaya".
std::string area_of(const domain::organisation& org);

}  // namespace perkara::bench
