#include "api/auth/access_policy.hpp"

#include <algorithm>

namespace perkara::api {

bool access_policy::admits(std::span<const domain::role> roles) const {
  return who_ != audience::roles || std::any_of(roles.begin(), roles.end(), [this](domain::role r) { return admits(r); });
}

std::vector<domain::role> access_policy::roles() const {
  std::vector<domain::role> out;
  if (who_ == audience::roles) {
    for (const auto r : domain::all_roles) {
      if (admits(r)) {
        out.push_back(r);
      }
    }
  }
  return out;
}

std::string access_policy::describe() const {
  switch (who_) {
    case audience::everyone: return "public";
    case audience::signed_in: return "signed_in";
    case audience::roles: break;
  }
  std::string out;
  for (const auto r : roles()) {
    out += (out.empty() ? "" : ", ") + std::string(domain::to_string(r));
  }
  return out;
}

}  // namespace perkara::api
