#include "domain/disputes/access.hpp"

#include "domain/disputes/transitions.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perkara::domain::disputes {

namespace {

bool any_role(std::span<const role> roles, std::initializer_list<role> wanted) {
  return std::any_of(roles.begin(), roles.end(),
                     [&](role r) { return std::find(wanted.begin(), wanted.end(), r) != wanted.end(); });
}

std::optional<civil_date> lookup(const due_map& due, std::string_view key) {
  const auto it = due.find(key);
  return it == due.end() ? std::nullopt : std::optional<civil_date>{it->second};
}

awaiting_item item(std::string who, std::string what, const due_map& due, std::optional<std::string> key = {}) {
  awaiting_item i{std::move(who), std::move(what), std::move(key), std::nullopt};
  if (i.deadline_key) i.due = lookup(due, *i.deadline_key);
  return i;
}

}  // namespace

std::vector<dispute_action> actions_of_role(role r) {
  using a = dispute_action;
  switch (r) {
    case role::registrar:
    case role::ki_admin:
      return {a::request_completion, a::complete,       a::register_dispute,       a::reject_registration,
              a::schedule_hearing,   a::serve_copy,     a::record_court_objection, a::record_court_decision,
              a::mark_final,         a::record_compliance, a::withdraw,            a::lapse,
              a::record_delivery};
    case role::commissioner:
      return {a::open_preliminary_examination, a::start_mediation, a::mediation_failed, a::start_adjudication,
              a::decide, a::schedule_hearing, a::lapse};
    default: return {};
  }
}

std::vector<dispute_action> allowed_actions(const dispute& d, std::span<const role> roles, std::string_view organisation,
                                            civil_date today, const due_map& due) {
  std::vector<dispute_action> out;
  if (organisation != d.ki) return out;
  const auto possible = possible_actions(d, today, due);
  for (auto action : all_actions) {
    if (std::find(possible.begin(), possible.end(), action) == possible.end()) continue;
    const bool permitted = std::any_of(roles.begin(), roles.end(), [&](role r) {
      const auto mine = actions_of_role(r);
      return std::find(mine.begin(), mine.end(), action) != mine.end();
    });
    if (permitted) out.push_back(action);
  }
  return out;
}

std::vector<dispute_action> allowed_actions(const dispute& d, const user& caller, civil_date today, const due_map& due) {
  if (!caller.active) return {};
  return allowed_actions(d, caller.roles, caller.organisation, today, due);
}

bool can_read(const dispute& d, std::span<const role> roles, std::string_view organisation) {
  if (organisation == d.ki && any_role(roles, {role::ki_admin, role::registrar, role::commissioner})) return true;
  return organisation == d.respondent && any_role(roles, {role::ppid, role::ppid_superior});
}

bool can_read(const dispute& d, const user& caller) {
  return caller.active && can_read(d, caller.roles, caller.organisation);
}

std::vector<awaiting_item> awaiting(const dispute& d, const due_map& due) {
  std::vector<awaiting_item> out;
  switch (d.state) {
    case dispute_state::submitted: out.push_back(item("ki", "check_completeness", due)); break;
    case dispute_state::incomplete:
      out.push_back(item("applicant", "provide_missing_documents", due, "registration_completion"));
      break;
    case dispute_state::registered:
      out.push_back(item("ki", "hold_preliminary_examination", due, "ki_completion"));
      break;
    case dispute_state::preliminary_examination:
    case dispute_state::mediation:
    case dispute_state::adjudication: out.push_back(item("ki", "decide", due, "ki_completion")); break;
    case dispute_state::decided: {
      bool all_served = true;
      for (auto p : {party::applicant, party::respondent}) {
        if (d.served(p) == nullptr) {
          all_served = false;
          out.push_back(item("ki", fmt::format("serve_copy:{}", to_string(p)), due, "decision_copy"));
        } else {
          // The served party may object to the court until its window ends (T25).
          out.push_back(item(std::string(to_string(p)), "court_objection_window", due, court_objection_key(p)));
        }
      }
      if (all_served) out.push_back(item("ki", "mark_final_after_windows", due));
      break;
    }
    case dispute_state::court_objection: {
      if (d.court_decided(court_instance::first_instance) == nullptr) {
        // Each served party that has not objected may still do so within its own window (T25).
        for (auto p : {party::applicant, party::respondent}) {
          if (d.served(p) != nullptr && d.objection_of(p, court_instance::first_instance) == nullptr) {
            out.push_back(item(std::string(to_string(p)), "court_objection_window", due, court_objection_key(p)));
          }
        }
        out.push_back(item("court", "court_decision", due));
      } else if (d.first_objection(court_instance::cassation) != nullptr) {
        out.push_back(item("court", "cassation_decision", due));
      } else {
        // Either party may seek cassation within its window; unused, the decision becomes final (T27).
        for (auto p : {party::applicant, party::respondent}) {
          out.push_back(item(std::string(to_string(p)), "cassation_window", due, cassation_key(p)));
        }
        out.push_back(item("ki", "mark_final_after_windows", due));
      }
      break;
    }
    case dispute_state::final: {
      if (d.outcome == dispute_outcome::mediation_agreement) {
        for (auto p : {party::applicant, party::respondent}) {
          if (d.served(p) == nullptr) {
            out.push_back(item("ki", fmt::format("serve_copy:{}", to_string(p)), due, "decision_copy"));
          }
        }
      }
      bool any_clock = false;
      if (d.decision) {
        for (std::size_t i = 0; i < d.decision->orders.size(); ++i) {
          if (!d.decision->orders[i].due_days) continue;
          any_clock = true;
          out.push_back(item("respondent", "comply", due, fmt::format("compliance:{}", i + 1)));
        }
      }
      if (!any_clock && d.decision && !d.decision->orders.empty()) out.push_back(item("respondent", "comply", due));
      out.push_back(item("ki", "record_compliance", due));
      break;
    }
    case dispute_state::closed: break;
  }
  return out;
}

}  // namespace perkara::domain::disputes
