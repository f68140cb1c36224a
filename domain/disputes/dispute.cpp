#include "domain/disputes/dispute.hpp"

#include <algorithm>

namespace perkara::domain::disputes {

bool dispute::has_ground(dispute_ground g) const {
  return std::find(grounds.begin(), grounds.end(), g) != grounds.end();
}

const service* dispute::served(party p) const {
  const auto it = std::find_if(services.begin(), services.end(), [p](const service& s) { return s.served_party == p; });
  return it == services.end() ? nullptr : &*it;
}

}  // namespace perkara::domain::disputes
