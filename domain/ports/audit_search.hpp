#pragma once
// What the audit trail page asks of storage: one page of entries, newest first, with the names that
// make an entry readable (the actor's username and display name, the organisation's name).

#include "domain/audit.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

struct audit_search {
  // Scope: entries recorded for this organisation (the actor's, or for a failed login the target
  // user's); nullopt means every organisation, which only a sysadmin may ask for.
  std::optional<std::string> organisation;
  // Filters.
  std::optional<std::string> action_prefix;   // e.g. "user." or "user.update"
  std::optional<std::string> object_type;
  std::optional<std::string> object_id;
  std::optional<std::string> actor_username;  // entries of the user with this username
  std::optional<domain::instant> from;        // at >= from
  std::optional<domain::instant> until;       // at < until
  // Keyset paging, newest first: ordered by (at, id) descending.
  struct position {
    long long at = 0;  // epoch seconds
    long long id = 0;
  };
  std::optional<position> before;
  int limit = 50;
};

struct audit_record {
  long long id = 0;
  domain::audit_entry entry;
  std::optional<std::string> actor_username;  // nullopt when the actor is no user (failed login, CLI)
  std::optional<std::string> actor_display_name;
  std::optional<std::string> organisation_name;
  std::optional<int> organisation_utc_offset_minutes;
};

}  // namespace perkara::ports
