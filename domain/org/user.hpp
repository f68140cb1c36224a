#pragma once
// Users belong to one organisation and hold one or more roles (api/openapi/10-platform.json).

#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain {

enum class role { sysadmin, ki_admin, registrar, commissioner, ppid, ppid_superior, applicant };

inline constexpr role all_roles[] = {role::sysadmin, role::ki_admin,      role::registrar, role::commissioner,
                                     role::ppid,     role::ppid_superior, role::applicant};

std::string_view to_string(role r);
std::optional<role> parse_role(std::string_view text);

struct user {
  std::string id;  // opaque
  std::string username;
  std::string display_name;
  std::string organisation;  // organisation code
  std::vector<role> roles;
  bool active = true;
  instant created_at{};
  std::string email{};  // where notices reach this user; empty: none (docs/operations.md "Notices")

  [[nodiscard]] bool has_role(role r) const;
};

}  // namespace perkara::domain
