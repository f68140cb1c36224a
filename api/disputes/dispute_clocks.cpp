#include "api/disputes/dispute_clocks.hpp"

namespace perkara::api {

namespace ds = domain::disputes;

ds::due_map due_map_of(const std::vector<domain::deadline_record>& records) {
  ds::due_map out;
  for (const auto& r : records) {
    if (r.open() || !out.contains(r.key)) {
      out[r.key] = r.due;
    }
  }
  for (const auto& r : records) {
    if (r.open()) {
      out[r.key] = r.due;
    }
  }
  return out;
}

ds::due_map open_due_map(const std::vector<domain::deadline_record>& records) {
  ds::due_map out;
  for (const auto& r : records) {
    if (r.open()) {
      out[r.key] = r.due;
    }
  }
  return out;
}

std::optional<domain::civil_date> next_open_due(const std::vector<domain::deadline_record>& records) {
  std::optional<domain::civil_date> best;
  for (const auto& r : records) {
    if (r.open() && (!best || r.due < *best)) {
      best = r.due;
    }
  }
  return best;
}

}  // namespace perkara::api
