#pragma once
// Who acts on or reads a case, reduced to what the case rules need: the same for every case kind
// (information requests, disputes). The api layer builds it from the authenticated caller; the demo
// seed and the benchmark generator from a stored user.

#include "domain/org/user.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

namespace perkara::domain {

struct case_actor {
  std::string user_id;
  std::string organisation;  // organisation code
  std::vector<role> roles;

  [[nodiscard]] bool has(role r) const { return std::find(roles.begin(), roles.end(), r) != roles.end(); }
  [[nodiscard]] bool has_any(std::initializer_list<role> wanted) const {
    return std::any_of(wanted.begin(), wanted.end(), [&](role r) { return has(r); });
  }
};

inline case_actor actor_of(const user& u) { return {u.id, u.organisation, u.roles}; }

}  // namespace perkara::domain
