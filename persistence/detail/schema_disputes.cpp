#include "persistence/detail/schema.hpp"

namespace perkara::persistence::detail {

// Migration 0006: dispute cases of the KI workflow (issue 5).
std::vector<std::string_view> dispute_schema() { return {}; }

}  // namespace perkara::persistence::detail
