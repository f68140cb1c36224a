#include "domain/org/jurisdiction.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace perkara::domain;

namespace {

organisation org(std::string code, organisation_kind kind, organisation_level level, std::string region) {
  organisation o;
  o.code = std::move(code);
  o.name = o.code;
  o.kind = kind;
  o.level = level;
  o.region_code = std::move(region);
  return o;
}

}  // namespace

TEST_SUITE("jurisdiction") {
  TEST_CASE("province_of takes the part before the dot") {
    CHECK(province_of("19.71") == "19");
    CHECK(province_of("19") == "19");
    CHECK(province_of("") == "");
  }

  TEST_CASE("competent KI is the one at the respondent's level or the next one up") {
    using K = organisation_kind;
    using L = organisation_level;
    const std::vector<organisation> all = {
        org("ki-pusat", K::ki, L::national, ""),
        org("ki-babel", K::ki, L::province, "19"),
        org("ki-belitung", K::ki, L::regency, "19.02"),  // a kab/kota KI exists only here
        org("ki-sumsel", K::ki, L::province, "16"),
    };
    struct row {
      organisation respondent;
      std::optional<std::string> expected;
    };
    const row table[] = {
        {org("kpu-ri", K::kpu, L::national, ""), "ki-pusat"},
        {org("bawaslu-ri", K::bawaslu, L::national, ""), "ki-pusat"},
        {org("dkpp", K::dkpp, L::national, ""), "ki-pusat"},
        {org("kpu-babel", K::kpu, L::province, "19"), "ki-babel"},
        {org("kpu-pangkalpinang", K::kpu, L::regency, "19.71"), "ki-babel"},
        {org("bawaslu-bangka", K::bawaslu, L::regency, "19.01"), "ki-babel"},
        {org("kpu-belitung", K::kpu, L::regency, "19.02"), "ki-belitung"},
        {org("kpu-palembang", K::kpu, L::regency, "16.71"), "ki-sumsel"},
        {org("kpu-jambi", K::kpu, L::province, "15"), "ki-pusat"},   // no KI Jambi in the table
        {org("kpu-kerinci", K::kpu, L::regency, "15.01"), "ki-pusat"},
        {org("ki-babel", K::ki, L::province, "19"), std::nullopt},  // a KI is never a respondent
    };
    for (const auto& r : table) {
      CAPTURE(r.respondent.code);
      CHECK(derive_competent_ki(r.respondent, all) == r.expected);
    }
  }

  TEST_CASE("no KI at all gives nothing") {
    const auto kpu = org("kpu-ri", organisation_kind::kpu, organisation_level::national, "");
    CHECK_FALSE(derive_competent_ki(kpu, std::vector<organisation>{}).has_value());
  }
}
