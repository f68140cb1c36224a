#include "domain/notices/recipients.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace perkara::domain::notices {

bool is_preference_kind(std::string_view kind) {
  return std::find(preference_kinds.begin(), preference_kinds.end(), kind) != preference_kinds.end();
}

std::string_view preference_kind_of(const case_event& event) {
  if (event.action == "schedule_hearing") return "hearing";
  if (event.action == "deadline_missed") return "deadline_missed";
  return "event";
}

namespace {

bool holds(const staff_member& m, role r) { return std::find(m.roles.begin(), m.roles.end(), r) != m.roles.end(); }

bool superior_moves(const case_event& event, const std::vector<deadline_record>& open_clocks) {
  if (event.action == "file_objection" || event.action == "answer_objection") return true;
  return std::any_of(open_clocks.begin(), open_clocks.end(),
                     [](const deadline_record& c) { return c.open() && c.key == "atasan_response"; });
}

/// Whether `m` is one of the parties whose move it is.
bool concerned(const staff_member& m, const case_event& event, const case_facts& f,
               const std::vector<deadline_record>& open_clocks) {
  if (f.case_type == "request") {
    if (m.organisation != f.organisation) return false;
    return holds(m, role::ppid) || (holds(m, role::ppid_superior) && superior_moves(event, open_clocks));
  }
  if (f.case_type == "dispute") {
    if (m.organisation == f.organisation) {
      const bool on_panel = std::find(f.panel.begin(), f.panel.end(), m.username) != f.panel.end();
      return holds(m, role::registrar) || (holds(m, role::commissioner) && on_panel);
    }
    if (!f.respondent.empty() && m.organisation == f.respondent) {
      return holds(m, role::ppid) || holds(m, role::ppid_superior);
    }
  }
  return false;
}

}  // namespace

std::vector<staff_member> staff_recipients(const case_event& event, const case_facts& facts,
                                           const std::vector<deadline_record>& open_clocks) {
  const std::string kind(preference_kind_of(event));
  std::set<std::string> addresses;
  if (facts.applicant_email) addresses.insert(*facts.applicant_email);
  std::vector<staff_member> out;
  for (const auto& m : facts.staff) {
    if (m.email.empty() || !concerned(m, event, facts, open_clocks)) continue;
    if (std::find(m.muted.begin(), m.muted.end(), kind) != m.muted.end()) continue;
    if (!addresses.insert(m.email).second) continue;
    out.push_back(m);
  }
  return out;
}

}  // namespace perkara::domain::notices
