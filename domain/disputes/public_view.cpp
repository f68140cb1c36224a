#include "domain/disputes/public_view.hpp"

#include "domain/disputes/access.hpp"

#include <cctype>

namespace perkara::domain::disputes {

std::string initials(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && std::isspace(static_cast<unsigned char>(name[i])) != 0) ++i;
    if (i >= name.size()) break;
    // The first code point of the word: 1 byte for ASCII, else its UTF-8 lead byte plus continuations.
    std::size_t len = 1;
    const auto lead = static_cast<unsigned char>(name[i]);
    if (lead >= 0xF0) len = 4;
    else if (lead >= 0xE0) len = 3;
    else if (lead >= 0xC0) len = 2;
    len = std::min(len, name.size() - i);
    std::string letter(name.substr(i, len));
    if (len == 1) letter[0] = static_cast<char>(std::toupper(lead));
    // Skip words without a letter (e.g. "-" or "&").
    if (len > 1 || std::isalnum(lead) != 0) {
      if (!out.empty()) out += ' ';
      out += letter;
      out += '.';
    }
    while (i < name.size() && std::isspace(static_cast<unsigned char>(name[i])) == 0) ++i;
  }
  return out;
}

public_dispute_view public_view(const dispute& d, const due_map& due) {
  public_dispute_view v;
  v.register_number = d.register_number;
  v.ki = d.ki;
  v.respondent = d.respondent;
  v.state = d.state;
  v.outcome = d.outcome;
  for (const auto& w : awaiting(d, due)) {
    if (!w.deadline_key || !w.due) continue;
    if (!v.next_deadline || *w.due < v.next_deadline->due) v.next_deadline = public_deadline{*w.deadline_key, *w.due};
  }
  for (const auto& h : d.hearings) {
    v.hearings.push_back(public_hearing{h.kind, h.scheduled_at, h.location.empty() ? "daring (online)" : h.location});
  }
  if (d.decision) {
    public_decision pd{d.decision->decision_number, d.decision->read_at, d.decision->outcome, {}};
    for (const auto& o : d.decision->orders) pd.orders.push_back(o.text);
    v.decision = std::move(pd);
  }
  v.applicant_initials = initials(d.applicant.name);
  return v;
}

}  // namespace perkara::domain::disputes
