#pragma once
// What the PPID workflow's service (request_service.cpp) and views (request_view.cpp) share: who may
// read a request, and a request loaded with its clocks, ready for a command or a view.

#include "api/cases/case_support.hpp"
#include "api/requests/request_clocks.hpp"
#include "domain/cases/actor.hpp"
#include "domain/requests/queries.hpp"

#include <memory>
#include <string_view>

namespace perkara::api::requests {

using domain::case_actor;
using domain::role;

inline constexpr std::string_view case_type = "request";

/// The respondent body's PPID officers (docs/security.md); its other accounts, if any, are not staff.
inline bool is_respondent_officer(const case_actor& a) { return a.has_any({role::ppid, role::ppid_superior}); }

/// A KI's case staff, who read the requests disputed before their KI.
inline bool is_ki_staff(const case_actor& a) { return a.has_any({role::ki_admin, role::registrar, role::commissioner}); }

inline bool is_staff_of_respondent(const case_actor& a, const domain::information_request& r) {
  return a.organisation == r.respondent && is_respondent_officer(a);
}

/// Respondent staff see everything; the KI where it is disputed reads it (without personal data).
/// Like disputes (domain/disputes/access.cpp), both the organisation and the role must fit.
inline bool may_read(const case_actor& a, const ports::stored_request& s) {
  return is_staff_of_respondent(a, s.request) || (s.dispute_ki && *s.dispute_ki == a.organisation && is_ki_staff(a));
}

/// The loaded aggregate with its clocks, ready for a command or a view.
struct loaded_request {
  ports::stored_request stored;
  std::unique_ptr<clock_context> own_clocks;  // unless the caller shares one (a list page)
  clock_context& clocks;
  clock_book book;
  const domain::organisation& org;
  const domain::ruleset& rules;
  domain::civil_date today;

  loaded_request(ports::transaction& tx, ports::stored_request s, domain::instant now,
                 clock_context* shared_clocks = nullptr)
      : stored(std::move(s)),
        own_clocks(shared_clocks ? nullptr : std::make_unique<clock_context>(tx)),
        clocks(shared_clocks ? *shared_clocks : *own_clocks),
        book(tx, clocks, std::string(case_type), stored.request.id),
        org(clocks.organisation(stored.request.respondent)),
        rules(clocks.ruleset(stored.request.ruleset.name, stored.request.ruleset.version)),
        today(local_today(org, now)) {}

  /// Starts the clocks of silences that `today` has reached (in memory; save() persists them).
  void apply_timers() {
    book.apply(domain::timer_intents(stored.request, request_due_dates(book.records()), today),
               stored.request.respondent, rules);
  }

  [[nodiscard]] domain::request_due_dates due() const { return request_due_dates(book.records()); }

  /// The columns that follow the clocks (refresh_clock_columns).
  void refresh_index() { refresh_clock_columns(stored, book); }
};

inline domain::request_caller caller_of(const case_actor& a) { return {a.organisation, a.roles}; }

}  // namespace perkara::api::requests
