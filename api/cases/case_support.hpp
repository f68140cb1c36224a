#pragma once
// Machinery shared by the two case workflows (information requests and dispute cases): optimistic
// concurrency (If-Match), keyset paging, the organisation's local "today", deadlines as JSON, the
// event trail as JSON, and the clock book that applies a transition's deadline intents to storage.

#include "api/auth/caller.hpp"
#include "api/calendar/calendar_service.hpp"
#include "domain/cases/actor.hpp"
#include "domain/cases/clocks.hpp"
#include "domain/cases/engine.hpp"
#include "api/http/message.hpp"
#include "domain/deadline_record.hpp"
#include "domain/org/organisation.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::api {

/// The actor of a case command or read: the authenticated caller reduced to what the case rules need.
inline domain::case_actor actor_of(const caller& who) { return {who.user.id, who.organisation.code, who.user.roles}; }

/// The version a command was based on, from `If-Match: "3"` (or `3`); nullopt without the header;
/// 400 when it is not a version.
std::optional<int> if_match_version(const request& req);
/// The one lost-update answer of every case (docs/case-engine.md): 412 with the current version as
/// ETag when the command was based on another version: an If-Match that differs, or a row that changed
/// between load and store. (409 is kept for "the state forbids the action".)
void check_if_match(const std::optional<int>& expected, int current);
[[noreturn]] void throw_changed_meanwhile(int current);

/// Actions as their names, `["respond", "close"]` (every case kind's action enum has a to_string).
template <class Action>
boost::json::array action_names(const std::vector<Action>& actions) {
  boost::json::array out;
  for (const auto a : actions) {
    out.emplace_back(to_string(a));
  }
  return out;
}
/// The 409 of every case kind: the state (or the dates) forbid the action; `allowed` is what the
/// caller may do now.
[[noreturn]] void throw_not_allowed(std::string detail, const boost::json::array& allowed);

/// A refused command of any case kind, as the engine says it (domain/cases/engine.hpp).
struct refused_command {
  domain::cases::refusal why = domain::cases::refusal::invalid;
  std::string detail;              // not_allowed: why, Bahasa Indonesia / English (empty: a general sentence)
  boost::json::array allowed;      // not_allowed: what the caller may do now
  domain::field_errors errors;     // invalid
  int current_version = 0;         // stale
};
/// The one answer to a refused command of every case kind (docs/case-engine.md): stale → 412 with the
/// current version as ETag, not_allowed → 409 with the caller's allowed actions, invalid → 422.
[[noreturn]] void throw_refused(refused_command refused);

/// Throws the engine's refusal of a command before it ran (If-Match, then the transition table).
template <class Action>
void throw_if_refused(const domain::cases::admission<Action>& admitted, const std::vector<Action>& caller_allowed,
                      std::string detail = {}) {
  if (admitted.refused) {
    throw_refused({*admitted.refused, std::move(detail), action_names(caller_allowed), {}, admitted.current_version});
  }
}
/// Throws the refusal of a transition (the payload was invalid, or the dates forbid it after all).
template <class Case, class Action, class Event, class Intent>
void throw_if_refused(const domain::cases::outcome<Case, Action, Event, Intent>& outcome,
                      const std::vector<Action>& caller_allowed) {
  if (outcome.refused) {
    throw_refused({*outcome.refused, outcome.detail, action_names(caller_allowed), outcome.errors, 0});
  }
}

/// `?limit=` (default 50, at most 500); 422 naming `limit` otherwise.
int page_limit(const request& req);
/// Opaque keyset cursors: the sort key parts of the last item of a page.
std::string encode_cursor(const std::vector<std::string>& parts);
/// Decodes a cursor made by encode_cursor with `parts` parts; 400 naming `cursor` otherwise.
std::vector<std::string> decode_cursor(std::string_view cursor, std::size_t parts);

/// The one cursor format of every list: the list's order name, then the sort keys of the last item of
/// the page (encode_cursor's hex). A cursor of another order or shape is refused (400), not misread.
std::string page_cursor(std::string_view order, std::vector<std::string> keys);
/// The `keys` sort keys of a page_cursor of `order`; 400 naming `cursor` otherwise.
std::vector<std::string> read_page_cursor(std::string_view cursor, std::string_view order, std::size_t keys);
/// A cursor key written from an integer (epoch seconds, an id); 400 naming `cursor` otherwise.
long long cursor_integer(const std::string& key);

/// The organisation's local date at `now` (fixed UTC offset; Indonesia has no DST).
domain::civil_date local_today(const domain::organisation& org, domain::instant now);

/// `[{key, due, status, met_on, stopped_on, days_remaining, explanation}]` for a case's clocks.
boost::json::array deadlines_json(clock_context& clocks, const std::vector<domain::deadline_record>& records,
                                  domain::civil_date today);

/// Appends a case's event and the audit entry that repeats it (action "<case_type>.<action>"; the
/// payload never carries personal data).
void record_case_event(ports::transaction& tx, const domain::case_actor& actor, std::string_view case_type,
                       const std::string& case_id, int version, const std::string& action, const std::string& payload,
                       domain::instant now);

/// `{version, actor, at, action, payload}` for GET .../events.
boost::json::object case_event_json(const domain::case_event& event, int utc_offset_minutes);

/// Due dates of the open clocks by key (what awaits someone now; what the domain's guards take).
std::map<std::string, domain::civil_date, std::less<>> open_due_dates(const std::vector<domain::deadline_record>& records);
/// The earliest due date of an open clock, if any (list ordering).
std::optional<domain::civil_date> next_open_due(const std::vector<domain::deadline_record>& records);

/// The running clocks of one case, loaded once; intents start, extend, meet and stop them, and save()
/// writes what changed. Starting a clock that is already open, or meeting one that is not, does nothing.
class clock_book {
 public:
  clock_book(ports::transaction& tx, clock_context& clocks, std::string case_type, std::string case_id);

  /// Starts `key` (a period of `rules`, optionally with a suffix such as "court_objection:applicant")
  /// counted for `organisation` from `start`. Returns false when the rule set has no usable period.
  bool start(const std::string& key, const std::string& organisation, const domain::ruleset& rules,
             domain::instant start, int extension_days = 0);
  /// Starts `key` with a fixed length that no rule-set period names (e.g. a compliance order's days).
  void start_fixed(const std::string& key, const std::string& organisation, const domain::ruleset& rules,
                   domain::instant start, int days, domain::period_unit unit = domain::period_unit::working_days);
  /// Adds `days` to an open clock (an extension) and recomputes its due date.
  void extend(const std::string& key, int days);
  void meet(const std::string& key, domain::civil_date on);
  /// Closes an open clock without the act; key "*" closes every open clock of the case.
  void stop(const std::string& key, domain::civil_date on);
  /// Applies a step's clock intents in order, for `organisation` (whose calendar counts the clocks and
  /// whose local date an instant is read on) under `rules` (domain/cases/clocks.hpp `clock_intent`).
  void apply(const std::vector<domain::cases::clock_intent>& intents, const std::string& organisation,
             const domain::ruleset& rules);

  [[nodiscard]] const std::vector<domain::deadline_record>& records() const { return records_; }
  /// The earliest due date among open clocks, for list ordering.
  [[nodiscard]] std::optional<domain::civil_date> next_due() const { return next_open_due(records_); }
  void save();

 private:
  domain::deadline_record* find_open(const std::string& key);

  ports::transaction& tx_;
  clock_context& clocks_;
  std::string case_type_;
  std::string case_id_;
  std::vector<domain::deadline_record> records_;
  std::vector<bool> dirty_;
};

}  // namespace perkara::api
