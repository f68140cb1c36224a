#include "domain/org/role_fit.hpp"

#include <doctest/doctest.h>

using namespace perkara::domain;

TEST_SUITE("role fit") {
  TEST_CASE("KI roles fit a KI only, PPID roles the respondent bodies only") {
    for (const auto kind : {organisation_kind::kpu, organisation_kind::bawaslu, organisation_kind::dkpp}) {
      CAPTURE(to_string(kind));
      CHECK(role_fits(role::ppid, kind));
      CHECK(role_fits(role::ppid_superior, kind));
      for (const auto r : {role::sysadmin, role::ki_admin, role::registrar, role::commissioner, role::applicant}) {
        CAPTURE(to_string(r));
        CHECK_FALSE(role_fits(r, kind));
      }
    }
    for (const auto r : {role::sysadmin, role::ki_admin, role::registrar, role::commissioner, role::applicant}) {
      CAPTURE(to_string(r));
      CHECK(role_fits(r, organisation_kind::ki));
    }
    CHECK_FALSE(role_fits(role::ppid, organisation_kind::ki));
    CHECK_FALSE(role_fits(role::ppid_superior, organisation_kind::ki));
  }
}
