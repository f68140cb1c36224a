// The case engine on its own, with a toy case kind built from it: a library loan (requested → lent →
// returned, or refused; an overdue loan may be recalled). Nothing here is a statutory rule: the test
// shows what a case kind declares and what the engine answers.
#include "domain/cases/act_date.hpp"
#include "domain/cases/engine.hpp"
#include "domain/cases/search_text.hpp"

#include <doctest/doctest.h>

using namespace perkara::domain;
using namespace perkara::domain::cases;

namespace {

enum class loan_state { requested, lent, returned, refused };
enum class loan_action { lend, refuse, give_back, recall };

struct loan {
  loan_state state = loan_state::requested;
  int version = 1;
  civil_date due{};
};

struct loan_facts {
  civil_date today;
};

bool overdue(const loan& l, const loan_facts& f) { return f.today > l.due; }
loan_state state_of(const loan& l) { return l.state; }

using st = loan_state;
using ac = loan_action;
constexpr transition_row<st, ac, loan, loan_facts> loan_rows[] = {
    // action        from             to             guard     source
    {ac::lend,       {st::requested}, st::lent,      nullptr,  "L1"},
    {ac::refuse,     {st::requested}, st::refused,   nullptr,  "L2"},
    {ac::give_back,  {st::lent},      st::returned,  nullptr,  "L3"},
    {ac::recall,     {st::lent},      std::nullopt,  overdue,  "L4"},
};
constexpr transition_table<st, ac, loan, loan_facts> loan_table{loan_rows, state_of};

civil_date day(int y, unsigned m, unsigned d) {
  return civil_date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

command<ac, int> cmd(ac action, std::optional<int> if_match = std::nullopt) {
  return {action, 0, std::nullopt, instant{}, case_actor{"u1", "lib", {role::ppid}}, if_match};
}

}  // namespace

TEST_SUITE("case engine") {
  TEST_CASE("possible actions follow the table: state, then guard, in row order") {
    const loan_facts before_due{day(2024, 3, 1)};
    const loan_facts after_due{day(2024, 3, 20)};
    loan l{st::requested, 1, day(2024, 3, 10)};
    CHECK(loan_table.possible(l, before_due) == std::vector<ac>{ac::lend, ac::refuse});
    l.state = st::lent;
    CHECK(loan_table.possible(l, before_due) == std::vector<ac>{ac::give_back});
    CHECK(loan_table.possible(l, after_due) == std::vector<ac>{ac::give_back, ac::recall});
    l.state = st::returned;
    CHECK(loan_table.possible(l, after_due).empty());
  }

  TEST_CASE("find names the row with its target and legal source") {
    const loan l{st::requested, 1, day(2024, 3, 10)};
    const auto* row = loan_table.find(l, ac::refuse, loan_facts{day(2024, 3, 1)});
    REQUIRE(row != nullptr);
    CHECK(row->to == st::refused);
    CHECK(row->source == "L2");
    CHECK(loan_table.find(l, ac::give_back, loan_facts{day(2024, 3, 1)}) == nullptr);
  }

  TEST_CASE("admit: a stale If-Match is refused before the state is looked at (412 before 409)") {
    const loan l{st::returned, 4, day(2024, 3, 10)};
    const loan_facts f{day(2024, 3, 1)};
    const auto stale = admit(loan_table, l, l.version, cmd(ac::lend, 3), f);
    CHECK(stale.refused == refusal::stale);
    CHECK(stale.current_version == 4);

    const auto forbidden = admit(loan_table, l, l.version, cmd(ac::lend, 4), f);
    CHECK(forbidden.refused == refusal::not_allowed);
    CHECK(forbidden.allowed_actions.empty());
  }

  TEST_CASE("admit: a command the table allows gets its row, no If-Match means no version check") {
    const loan l{st::lent, 2, day(2024, 3, 10)};
    const auto admitted = admit(loan_table, l, l.version, cmd(ac::recall), loan_facts{day(2024, 3, 11)});
    CHECK_FALSE(admitted.refused.has_value());
    REQUIRE(admitted.row != nullptr);
    CHECK(admitted.row->source == "L4");

    const auto early = admit(loan_table, l, l.version, cmd(ac::recall), loan_facts{day(2024, 3, 10)});
    CHECK(early.refused == refusal::not_allowed);
    CHECK(early.allowed_actions == std::vector<ac>{ac::give_back});
  }

  TEST_CASE("one rule for the act's date: up to five minutes ahead of the server is accepted") {
    const auto now = *parse_rfc3339("2024-03-01T10:00:00+07:00");
    CHECK_FALSE(in_future(parse_rfc3339("2024-03-01T10:05:00+07:00")->utc, now.utc));
    CHECK(in_future(parse_rfc3339("2024-03-01T10:05:01+07:00")->utc, now.utc));
    CHECK_FALSE(in_future(parse_rfc3339("2024-02-29T10:00:00+07:00")->utc, now.utc));
  }

  TEST_CASE("one search folding for every case kind") {
    CHECK(fold_for_search("0001/PPID-KPU/II/2024 Budi") == "0001/ppid-kpu/ii/2024 budi");
    CHECK(fold_for_search("Ökonomi") == "Ökonomi");  // only ASCII letters are folded
  }
}
