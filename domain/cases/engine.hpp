#pragma once
// The case engine (docs/case-engine.md): what every case kind (information requests, disputes, and
// whatever comes next) is built from. A case kind declares, as data, its transition table: for each
// action the states it may start from, an optional guard (a small pure function of the case and the
// facts of the day), the state it leads to and the legal source of the row (docs/legal-sources.md
// ids T01..T29). The engine answers the questions every workflow asks in the same way:
//   - which actions are possible now (in table order, so lists are stable);
//   - whether a command may run at all, and if not, why: the version it was based on is stale
//     (412) or the state forbids it (409, with the actions possible now);
//   - the shape of a command and of its outcome, for every kind.
// The rest of a transition (validating the payload, building the next case, the event payload and
// the deadline intents) stays in each kind's own small pure functions.

#include "domain/cases/actor.hpp"
#include "domain/errors.hpp"
#include "domain/time/instant.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::cases {

/// A set of states as a bit mask over the state enum (at most 32 states per kind).
template <class State>
struct state_set {
  std::uint32_t bits = 0;

  constexpr state_set() = default;
  constexpr state_set(std::initializer_list<State> states) {
    for (const auto s : states) {
      bits |= bit(s);
    }
  }
  [[nodiscard]] constexpr bool contains(State s) const { return (bits & bit(s)) != 0; }

 private:
  static constexpr std::uint32_t bit(State s) { return std::uint32_t{1} << static_cast<unsigned>(s); }
};

/// One row of a transition table: `action` from any state of `from`, when `guard` holds (none: always),
/// leads to `to` (the usual target, none: the case stays in its state; an action function may choose
/// another one that the row names in `note`). `source` is the legal source, a docs/legal-sources.md id.
template <class State, class Action, class Case, class Facts>
struct transition_row {
  Action action;
  state_set<State> from;
  std::optional<State> to;
  bool (*guard)(const Case&, const Facts&) = nullptr;
  std::string_view source;
  std::string_view note = {};
};

/// A case kind's transition table; `state_of` reads the state of a case.
template <class State, class Action, class Case, class Facts>
struct transition_table {
  using row = transition_row<State, Action, Case, Facts>;
  std::span<const row> rows;
  State (*state_of)(const Case&);

  /// The row that lets `action` run on `c` now, if any.
  [[nodiscard]] const row* find(const Case& c, Action action, const Facts& facts) const {
    const auto state = state_of(c);
    for (const auto& r : rows) {
      if (r.action == action && r.from.contains(state) && (r.guard == nullptr || r.guard(c, facts))) {
        return &r;
      }
    }
    return nullptr;
  }

  /// The actions possible on `c` now, regardless of who asks, in table order, each once.
  [[nodiscard]] std::vector<Action> possible(const Case& c, const Facts& facts) const {
    std::vector<Action> out;
    const auto state = state_of(c);
    for (const auto& r : rows) {
      if (r.from.contains(state) && (r.guard == nullptr || r.guard(c, facts)) && !contains(out, r.action)) {
        out.push_back(r.action);
      }
    }
    return out;
  }

 private:
  static bool contains(const std::vector<Action>& actions, Action a) {
    for (const auto x : actions) {
      if (x == a) {
        return true;
      }
    }
    return false;
  }
};

/// Why a command did not run: the one vocabulary of every case kind, mapped once by the api layer.
enum class refusal {
  stale,        // 412: based on another version (If-Match), nothing changed
  not_allowed,  // 409: the state (or the dates) forbid the action; `allowed_actions` lists what is possible
  invalid,      // 422: field errors naming the fields as sent
};

/// A command on a case of any kind: what to do and with what (the payload carries the act's own date,
/// named as the client sent it, domain/cases/act_date.hpp), when it was entered (`recorded_at`, the
/// server's clock), by whom, and on which version it was based (If-Match).
template <class Action, class Payload>
struct command {
  Action action;
  Payload payload;
  instant recorded_at{};
  case_actor actor;
  std::optional<int> if_match;
};

/// What a transition yields, for every kind: the next case (version + 1) with the event it appends,
/// the deadline intents for its clocks and advisory warnings; or why it was refused (`refused`), with
/// the actions possible now (not_allowed), the field errors (invalid) and a sentence (`detail`). A
/// refused command changes nothing: `next` is then the case as it was.
template <class Case, class Action, class Event, class Intent>
struct outcome {
  std::optional<refusal> refused;
  Case next;
  Event event;
  std::vector<Intent> intents;
  std::vector<std::string> warnings;
  std::vector<Action> allowed_actions;
  field_errors errors;
  std::string detail;

  [[nodiscard]] bool ok() const { return !refused.has_value(); }

  static outcome not_allowed(const Case& unchanged, const std::vector<Action>& allowed,
                             const std::string& detail = {}) {
    outcome out;
    out.next = unchanged;
    out.refused = refusal::not_allowed;
    out.allowed_actions = allowed;
    out.detail = detail;
    return out;
  }
  static outcome invalid(const Case& unchanged, const field_errors& errors, const std::string& detail = {}) {
    outcome out;
    out.next = unchanged;
    out.refused = refusal::invalid;
    out.errors = errors;
    out.detail = detail;
    return out;
  }
};

/// The outcome of the checks every command passes first: admitted (with the legal source of the row
/// that allows it), or why not.
template <class Action>
struct admission {
  std::optional<refusal> refused;
  std::string_view source;              // admitted: the row's legal source
  std::vector<Action> allowed_actions;  // not_allowed: the actions possible now
  int current_version = 0;              // stale: the version to send again
};

/// The checks every command passes first, in this order, the same for every kind: the version it was
/// based on (stale → 412), then the table (not_allowed → 409 with the possible actions).
template <class State, class Action, class Case, class Facts>
admission<Action> admit(const transition_table<State, Action, Case, Facts>& table, const Case& c, int version,
                        Action action, std::optional<int> if_match, const Facts& facts) {
  admission<Action> out;
  if (if_match && *if_match != version) {
    out.refused = refusal::stale;
    out.current_version = version;
  } else if (const auto* row = table.find(c, action, facts)) {
    out.source = row->source;
  } else {
    out.refused = refusal::not_allowed;
    out.allowed_actions = table.possible(c, facts);
  }
  return out;
}

/// The same checks for a whole command.
template <class State, class Action, class Case, class Facts, class Payload>
admission<Action> admit(const transition_table<State, Action, Case, Facts>& table, const Case& c, int version,
                        const command<Action, Payload>& cmd, const Facts& facts) {
  return admit(table, c, version, cmd.action, cmd.if_match, facts);
}

}  // namespace perkara::domain::cases
