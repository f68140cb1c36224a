// The case engine on its own, with a toy case kind built from it: a library loan (requested → lent →
// returned, or refused; an overdue loan may be recalled). Nothing here is a statutory rule: the test
// shows what a case kind declares and what the engine answers.
#include "domain/cases/act_date.hpp"
#include "domain/cases/engine.hpp"
#include "domain/cases/field_checks.hpp"
#include "domain/cases/search_text.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

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

struct loan_event {
  std::string note;
};
using loan_outcome = outcome<loan, ac, loan_event, std::string>;

// The toy kind's one action function: lend, with the borrower's name checked in the one vocabulary.
loan_outcome lend(const loan& l, const std::string& borrower, const loan_facts& f) {
  if (loan_table.find(l, ac::lend, f) == nullptr) {
    return loan_outcome::not_allowed(l, loan_table.possible(l, f), "not lendable now");
  }
  validation v;
  check_text(v, "borrower", borrower, true, 10);
  if (!v.ok()) {
    return loan_outcome::invalid(l, v.take());
  }
  loan_outcome ok;
  ok.next = l;
  ok.next.state = st::lent;
  ok.next.version = l.version + 1;
  ok.event = {"lent to " + borrower};
  ok.intents = {"start due"};
  return ok;
}

civil_date day(int y, unsigned m, unsigned d) {
  return civil_date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

command<ac, int> cmd(ac action, std::optional<int> if_match = std::nullopt) {
  return {action, 0, instant{}, case_actor{"u1", "lib", {role::ppid}}, if_match};
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

  TEST_CASE("admit: a command the table allows gets its row's source, no If-Match means no version check") {
    const loan l{st::lent, 2, day(2024, 3, 10)};
    const auto admitted = admit(loan_table, l, l.version, cmd(ac::recall), loan_facts{day(2024, 3, 11)});
    CHECK_FALSE(admitted.refused.has_value());
    CHECK(admitted.source == "L4");

    const auto early = admit(loan_table, l, l.version, cmd(ac::recall), loan_facts{day(2024, 3, 10)});
    CHECK(early.refused == refusal::not_allowed);
    CHECK(early.allowed_actions == std::vector<ac>{ac::give_back});
  }

  TEST_CASE("outcome: the next case with its event and intents, or a refusal that changes nothing") {
    const loan l{st::requested, 4, day(2024, 3, 10)};
    const loan_facts f{day(2024, 3, 1)};
    const auto ok = lend(l, "Sari", f);
    REQUIRE(ok.ok());
    CHECK(ok.next.state == st::lent);
    CHECK(ok.next.version == 5);
    CHECK(ok.event.note == "lent to Sari");
    CHECK(ok.intents == std::vector<std::string>{"start due"});

    const auto invalid = lend(l, "   ", f);
    CHECK(invalid.refused == refusal::invalid);
    REQUIRE(invalid.errors.size() == 1);
    CHECK(invalid.errors[0].field == "borrower");
    CHECK(invalid.errors[0].message == required_message);
    CHECK(invalid.next.version == l.version);  // nothing changed
    CHECK(lend(l, "Sari Wulandari", f).errors[0].message == "paling banyak 10 karakter / at most 10 characters");

    const loan lent{st::lent, 5, day(2024, 3, 10)};
    const auto refused = lend(lent, "Sari", f);
    CHECK(refused.refused == refusal::not_allowed);
    CHECK(refused.allowed_actions == std::vector<ac>{ac::give_back});
    CHECK(refused.detail == "not lendable now");
    CHECK(refused.next.state == st::lent);
  }

  TEST_CASE("one validation vocabulary: act dates, order of facts, text") {
    const auto now = parse_rfc3339("2024-03-01T10:00:00+07:00")->utc;
    const auto received = parse_rfc3339("2024-02-20T09:00:00+07:00")->utc;
    struct row {
      const char* name;
      const char* text;
      const char* message;  // empty: accepted
    };
    const row rows[] = {
        {"an act within the period", "2024-02-21T09:00:00+07:00", ""},
        {"five minutes ahead of the server", "2024-03-01T10:05:00+07:00", ""},
        {"missing", "", "wajib diisi / required"},
        {"not an instant", "21-02-2024", nullptr},
        {"in the future", "2024-03-01T10:05:01+07:00", "tidak boleh di masa depan / must not be in the future"},
        {"before the fact it follows", "2024-02-19T09:00:00+07:00",
         "tidak boleh sebelum received_at / must not be before received_at"},
    };
    for (const auto& r : rows) {
      CAPTURE(r.name);
      validation v;
      const auto t = read_act_time(v, "responded_at", r.text, received, "received_at", now);
      if (r.message == nullptr) {
        CHECK_FALSE(t.has_value());
        REQUIRE(v.errors().size() == 1);
        CHECK(v.errors()[0].field == "responded_at");
      } else if (std::string_view{r.message}.empty()) {
        CHECK(v.ok());
        CHECK(t.has_value());
      } else {
        REQUIRE(v.errors().size() == 1);
        CHECK(v.errors()[0].field == "responded_at");
        CHECK(v.errors()[0].message == r.message);
      }
    }
    CHECK(blank(" \t\n"));
    CHECK_FALSE(blank(" x "));
    CHECK(utf8_length("S\xC3\xADti") == 4);
    CHECK(plausible_email("ppid@kpu.go.id"));
    CHECK_FALSE(plausible_email("ppid@@kpu.go.id"));
    CHECK_FALSE(plausible_email("ppid@kpu"));
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
