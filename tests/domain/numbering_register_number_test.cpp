#include "domain/numbering/register_number.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace perkara::domain;
using namespace perkara::domain::numbering;

namespace {

civil_date ymd(int y, unsigned m, unsigned d) {
  return civil_date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace

TEST_SUITE("numbering") {
  TEST_CASE("real numbers of docs/legal-sources.md §6.1") {
    struct row {
      const char* tmpl;
      template_kind kind;
      template_context ctx;
      const char* expected;
    };
    const row rows[] = {
        // KI Pusat, election track 2024 [PR][S12]
        {"{seq:03}/{ki_code}-PSIP/{month_roman}/{year}", template_kind::register_number, {1, "KIP", "KIP", ymd(2024, 2, 26), ""}, "001/KIP-PSIP/II/2024"},
        {"{seq:03}/{ki_code}-PSIP/{month_roman}/{year}", template_kind::register_number, {2, "KIP", "KIP", ymd(2024, 2, 27), ""}, "002/KIP-PSIP/II/2024"},
        {"{seq:03}/{ki_code}-PSIP/{month_roman}/{year}", template_kind::register_number, {3, "KIP", "KIP", ymd(2024, 2, 28), ""}, "003/KIP-PSIP/II/2024"},
        // KI Pusat general track 2013 [S19a][S19b]
        {"{seq:03}/{month_roman}/{ki_code}-PS/{year}", template_kind::register_number, {359, "KIP", "", ymd(2013, 11, 1), ""}, "359/XI/KIP-PS/2013"},
        {"{seq:03}/{month_roman}/{ki_code}-PS-{route}/{year}", template_kind::decision_number, {359, "KIP", "", ymd(2013, 11, 1), "A"}, "359/XI/KIP-PS-A/2013"},
        {"{seq:03}/{month_roman}/{ki_code}-PS-{route}/{year}", template_kind::decision_number, {28, "KIP", "", ymd(2013, 3, 1), "M-A"}, "028/III/KIP-PS-M-A/2013"},
        // Other KIs [S19c]
        {"{seq}/{month_roman}/{ki_code}-PS-A/{year}", template_kind::register_number, {15, "KIProv-LPG", "", ymd(2016, 10, 3), ""}, "15/X/KIProv-LPG-PS-A/2016"},
        {"{seq:03}/REG-PSI/{ki_code}/{month_roman}/{year}", template_kind::register_number, {10, "KI-SB", "", ymd(2018, 6, 1), ""}, "010/REG-PSI/KI-SB/VI/2018"},
        {"{seq:04}/REG-PSI/{month_roman}/{year}", template_kind::register_number, {16, "KIKT", "", ymd(2016, 10, 1), ""}, "0016/REG-PSI/X/2016"},
        {"{seq}/{month_roman}/{ki_code}.PSI/{year}", template_kind::register_number, {52, "KIP-BKL", "", ymd(2015, 7, 1), ""}, "52/VII/KIP-BKL.PSI/2015"},
        {"{seq}/{month_roman}/{ki_code}.PSI-{route}/{year}", template_kind::decision_number, {77, "KIP-BKL", "", ymd(2015, 11, 1), "A"}, "77/XI/KIP-BKL.PSI-A/2015"},
        {"{seq}/{ki_code}/S/{month_roman}/{year}", template_kind::register_number, {63, "KIP-SU", "", ymd(2016, 8, 1), ""}, "63/KIP-SU/S/VIII/2016"},
        {"{seq:02}/PTS/{ki_code}/{month_roman}/{year}", template_kind::decision_number, {7, "KIP-SU", "", ymd(2017, 2, 1), ""}, "07/PTS/KIP-SU/II/2017"},
        {"{seq:03}/{month_roman}/{ki_code}-PS/{year}", template_kind::register_number, {3, "KISB", "", ymd(2015, 2, 1), ""}, "003/II/KISB-PS/2015"},
        {"{seq:03}/PTSN-PS/{ki_code}/{month_roman}/{year}", template_kind::decision_number, {3, "KISB", "", ymd(2015, 5, 1), ""}, "003/PTSN-PS/KISB/V/2015"},
        // Defaults; a PPID register with the organisation's code and a numeric month.
        {default_decision_template.data(), template_kind::decision_number, {1, "KIP", "", ymd(2024, 2, 26), "A"}, "001/KIP-PSIP-A/II/2024"},
        {"{seq:04}/{org_code}/{month:02}/{year}", template_kind::register_number, {12, "", "KPU-RI", ymd(2024, 9, 1), ""}, "0012/KPU-RI/09/2024"},
        // Padding never truncates.
        {"{seq:03}/{year}", template_kind::register_number, {1000, "", "", ymd(2024, 12, 31), ""}, "1000/2024"},
        {"{seq:03}/{month_roman}/{year}", template_kind::register_number, {9, "", "", ymd(2024, 12, 31), ""}, "009/XII/2024"},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.tmpl;
      CAPTURE(case_name);
      CHECK(validate_template(r.tmpl, r.kind).empty());
      CHECK(format_number(r.tmpl, r.ctx, r.kind) == std::optional<std::string>{r.expected});
    }
    CHECK(default_dispute_register_template == "{seq:03}/{ki_code}-PSIP/{month_roman}/{year}");
  }

  TEST_CASE("template validation") {
    struct row {
      const char* tmpl;
      template_kind kind;
      std::vector<std::string> fragments;  // each must appear in some error message
    };
    const row rows[] = {
        {"{seq:03}/{ki_code}-PSIP/{month_roman}/{year}", template_kind::register_number, {}},
        {"{seq:03}/{kode}/{year}", template_kind::register_number, {"unknown placeholder {kode}"}},
        {"{seq:3}/{year}", template_kind::register_number, {"unknown placeholder {seq:3}"}},
        {"{seq:01}/{year}", template_kind::register_number, {"unknown placeholder {seq:01}"}},
        {"{ki_code}/{year}", template_kind::register_number, {"{seq}"}},
        {"{seq}/{month_roman}", template_kind::register_number, {"{year}"}},
        {"", template_kind::register_number, {"{seq}", "{year}"}},
        {"{seq}/{year", template_kind::register_number, {"unclosed", "{year}"}},
        {"{seq}/year}", template_kind::register_number, {"unmatched", "{year}"}},
        {"{seq}-{route}/{year}", template_kind::register_number, {"unknown placeholder {route}"}},
        {"{seq}-{route}/{year}", template_kind::decision_number, {}},
    };
    for (const auto& r : rows) {
      const std::string case_name = r.tmpl;
      CAPTURE(case_name);
      const auto errors = validate_template(r.tmpl, r.kind, "register_template");
      CHECK(errors.empty() == r.fragments.empty());
      CHECK(format_number(r.tmpl, template_context{}, r.kind).has_value() == r.fragments.empty());
      for (const auto& f : r.fragments) {
        CAPTURE(f);
        CHECK(std::any_of(errors.begin(), errors.end(), [&](const field_error& e) {
          return e.field == "register_template" && e.message.find(f) != std::string::npos;
        }));
      }
    }
  }

  TEST_CASE("roman months and decision routes") {
    const char* expected[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    for (unsigned m = 1; m <= 12; ++m) {
      CAPTURE(m);
      CHECK(roman_month(m) == expected[m - 1]);
    }
    CHECK(roman_month(0).empty());
    CHECK(roman_month(13).empty());
    CHECK(decision_route(true, false) == "M");
    CHECK(decision_route(false, true) == "M-A");
    CHECK(decision_route(false, false) == "A");
  }
}
