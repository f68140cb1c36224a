#pragma once
// Synthetic organisations of a national deployment, added beside the shipped ones (data/organisations.csv
// holds KI Pusat, the national bodies and Kepulauan Bangka Belitung): a provincial KI, KPU and Bawaslu for
// every other province, and a KPU and Bawaslu for a couple of hundred regencies and cities, with their
// Kemendagri region codes, time zones (WIB, WITA, WIT) and parents.

#include "domain/org/organisation.hpp"

#include <string>
#include <vector>

namespace perkara::bench {

struct province_info {
  std::string slug;     // "jatim": organisation codes ki-jatim, kpu-jatim, bawaslu-jatim
  std::string name;     // "Jawa Timur"
  std::string region;   // "35"
  int utc_offset_minutes = 7 * 60;
  double weight = 1.0;  // share of the national case load (roughly the population, millions)
};

/// The 38 provinces (Kepulauan Bangka Belitung included: its organisations are shipped).
const std::vector<province_info>& provinces();

/// The organisations to add (none of the shipped codes), KIs first, parents before children.
std::vector<domain::organisation> synthetic_organisations();

/// The provincial KI the benchmark lists are drawn from, and one of its respondents.
inline constexpr const char* benchmark_ki = "ki-jatim";
inline constexpr const char* benchmark_respondent = "kpu-surabaya";

}  // namespace perkara::bench
