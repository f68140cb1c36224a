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

const offset_instant* court_decision::delivered_to(party p) const {
  const auto it = std::find_if(deliveries.begin(), deliveries.end(), [p](const delivery& d) { return d.to == p; });
  return it == deliveries.end() ? nullptr : &it->delivered_at;
}

const court_objection* dispute::objection_of(party p, court_instance instance) const {
  const auto it = std::find_if(court_objections.begin(), court_objections.end(), [&](const court_objection& o) {
    return o.filed_by == p && o.instance == instance;
  });
  return it == court_objections.end() ? nullptr : &*it;
}

const court_objection* dispute::first_objection(court_instance instance) const {
  const auto it = std::find_if(court_objections.begin(), court_objections.end(),
                               [&](const court_objection& o) { return o.instance == instance; });
  return it == court_objections.end() ? nullptr : &*it;
}

const court_decision* dispute::court_decided(court_instance instance) const {
  const auto it = std::find_if(court_decisions.begin(), court_decisions.end(),
                               [&](const court_decision& c) { return c.instance == instance; });
  return it == court_decisions.end() ? nullptr : &*it;
}

}  // namespace perkara::domain::disputes
