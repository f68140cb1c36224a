#include "persistence/detail/schema.hpp"

namespace perkara::persistence::detail {

// Migration 0005: information requests of the PPID workflow (issue 4).
std::vector<std::string_view> request_schema() { return {}; }

}  // namespace perkara::persistence::detail
