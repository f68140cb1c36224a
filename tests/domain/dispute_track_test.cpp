#include "domain/disputes/track.hpp"

#include <doctest/doctest.h>

using namespace perkara::domain;
using namespace perkara::domain::disputes;

namespace {

ruleset_suggestion election() {
  election_period p;
  p.code = "pemilu-2024";
  return ruleset_suggestion{"perki_1_2019", p, {}};
}
ruleset_suggestion no_election() { return ruleset_suggestion{"general", std::nullopt, {}}; }

}  // namespace

TEST_SUITE("dispute track") {
  // docs/deadlines.md §5 "A dispute's track": inherited from the tracked request, else the election
  // period, else general; another one only with a reason.
  TEST_CASE("decide_track: inherited, suggested, overridden with a reason") {
    using opt = std::optional<std::string>;
    struct row {
      const char* name;
      opt request_ruleset;
      ruleset_suggestion suggestion;
      opt requested;
      opt reason;
      const char* ruleset;  // expected; "" = refused
      track_reason why;
      const char* error_field;  // when refused
    };
    const row rows[] = {
        {"a general request during an election: the dispute stays general",
         "general",
         election(),
         {},
         {},
         "general",
         track_reason::request,
         ""},
        {"a perki request outside every period: stays perki",
         "perki_1_2019",
         no_election(),
         {},
         {},
         "perki_1_2019",
         track_reason::request,
         ""},
        {"asking for the inherited one needs no reason",
         "general",
         election(),
         "general",
         {},
         "general",
         track_reason::request,
         ""},
        {"departing from the request's track needs a reason",
         "general",
         election(),
         "perki_1_2019",
         {},
         "",
         track_reason::request,
         "ruleset_override_reason"},
        {"... and is kept with it", "general", election(), "perki_1_2019", "Pemohon menunjuk tahapan Pilkada",
         "perki_1_2019", track_reason::override, ""},
        {"untracked, during an election", {}, election(), {}, {}, "perki_1_2019", track_reason::election_period, ""},
        {"untracked, outside every period", {}, no_election(), {}, {}, "general", track_reason::general_period, ""},
        {"untracked, overriding the suggestion without a reason",
         {},
         election(),
         "general",
         "  ",
         "",
         track_reason::general_period,
         "ruleset_override_reason"},
        {"an unknown rule set", {}, election(), "kuhp", "x", "", track_reason::general_period, "ruleset"},
    };
    for (const auto& c : rows) {
      CAPTURE(std::string{c.name});
      const auto got = decide_track(c.request_ruleset, c.suggestion, c.requested, c.reason);
      if (std::string_view{c.ruleset}.empty()) {
        const auto* errors = std::get_if<field_errors>(&got);
        REQUIRE(errors != nullptr);
        REQUIRE(errors->size() == 1);
        CHECK(errors->front().field == c.error_field);
        continue;
      }
      const auto* t = std::get_if<dispute_track>(&got);
      REQUIRE(t != nullptr);
      CHECK(t->ruleset == c.ruleset);
      CHECK(t->reason == c.why);
      CHECK(t->override_reason == (c.why == track_reason::override ? c.reason : std::nullopt));
      CHECK(t->election_code == (c.why == track_reason::election_period ? opt{"pemilu-2024"} : std::nullopt));
      CHECK(parse_track_reason(to_string(t->reason)) == t->reason);
    }
  }
}
