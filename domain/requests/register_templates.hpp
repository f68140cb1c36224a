#pragma once
// Default register-number templates of a respondent's Buku Register Layanan Informasi Pemilu dan
// Pemilihan (docs/legal-sources.md §6.1: each request and each objection gets its own number; the format is
// not specified by PERKI 1/2019 [UNVERIFIED], so these are defaults an organisation setting overrides).
// The placeholders are those of domain/numbering/register_number.hpp, which formats them.

#include <string>

namespace perkara::domain {

struct ppid_register_templates {
  std::string request = "{seq:04}/PPID-{org_code}/{month_roman}/{year}";    // e.g. 0001/PPID-kpu-pangkalpinang/II/2024
  std::string objection = "{seq:04}/KEB-{org_code}/{month_roman}/{year}";   // keberatan register
};

inline const ppid_register_templates default_ppid_register_templates{};

}  // namespace perkara::domain
