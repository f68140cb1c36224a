#include "domain/deadline/in_force.hpp"

namespace perkara::domain {
namespace {

template <class Accept>
const ruleset* best_in_force(std::span<const ruleset> versions, civil_date on, Accept accept) {
  const ruleset* best = nullptr;
  for (const auto& r : versions) {
    if (!accept(r) || r.effective_from > on) {
      continue;
    }
    if (!best || r.effective_from > best->effective_from ||
        (r.effective_from == best->effective_from && r.version > best->version)) {
      best = &r;
    }
  }
  return best;
}

}  // namespace

const ruleset* ruleset_in_force(std::span<const ruleset> versions, std::string_view name, civil_date on) {
  return best_in_force(versions, on, [name](const ruleset& r) { return r.name == name; });
}

const ruleset* ruleset_in_force(std::span<const ruleset> versions, civil_date on) {
  return best_in_force(versions, on, [](const ruleset&) { return true; });
}

const ruleset* find_ruleset_version(std::span<const ruleset> versions, std::string_view name, int version) {
  for (const auto& r : versions) {
    if (r.name == name && r.version == version) {
      return &r;
    }
  }
  return nullptr;
}

}  // namespace perkara::domain
