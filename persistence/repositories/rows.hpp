#pragma once
// Internal: the columns of a users row and an organisations row, and their into-targets, shared by the
// repositories that read them alone (user_repository.cpp, organisation_repository.cpp) and the one that
// reads them joined to a session (session_repository.cpp). Column names are qualified by their table,
// so the same list serves a single-table query and a join.

#include "domain/org/organisation.hpp"
#include "domain/org/user.hpp"

#include <soci/soci.h>

#include <string>

namespace perkara::persistence::detail {

/// The users columns user_row binds, in order (not the password hash).
inline constexpr const char* user_columns =
    "users.id, users.username, users.display_name, users.organisation, users.active, users.created_at, users.email";

struct user_row {
  std::string id, username, display_name, organisation, email;
  int active = 0;
  long long created_at = 0;

  void bind(soci::statement& st);
  /// The user, roles not loaded.
  [[nodiscard]] domain::user get() const;
};

/// The organisations columns organisation_row binds, in order.
inline constexpr const char* organisation_columns =
    "organisations.code, organisations.name, organisations.kind, organisations.level, organisations.parent, "
    "organisations.region_code, organisations.utc_offset_minutes, organisations.office_open, "
    "organisations.office_close, organisations.competent_ki, organisations.region_name";

struct organisation_row {
  std::string code, name, kind, level, parent, region_code, competent_ki, region_name;
  soci::indicator parent_ind = soci::i_ok;
  soci::indicator competent_ind = soci::i_ok;
  int offset = 0, open = 0, close = 0;

  void bind(soci::statement& st);
  [[nodiscard]] domain::organisation get() const;
};

}  // namespace perkara::persistence::detail
