#pragma once
// Reading the JSON bodies of the dispute endpoints into domain inputs, collecting every field error with
// its dotted path (422). Domain guards (dates in order, completeness, ...) run later in the domain.

#include "api/disputes/dispute_view.hpp"
#include "api/http/message.hpp"
#include "domain/disputes/transitions.hpp"
#include "domain/errors.hpp"

#include <boost/json/object.hpp>

#include <optional>

namespace perkara::api {

/// `POST /api/v1/disputes`. `submitted_at` defaults to `now`; `ruleset` to "perki_1_2019".
domain::disputes::new_dispute parse_new_dispute(const boost::json::object& body, domain::offset_instant now,
                                                domain::validation& v);

/// The body of `POST .../actions/{action}` for `action`. Instants that the contract leaves optional
/// (held_at, registered_at, at of reject/mediation_failed) default to `now`. `register.register_number`
/// and an absent `decide.decision_number` are left empty: the service assigns them.
std::optional<domain::disputes::command> parse_dispute_command(domain::disputes::dispute_action action,
                                                               const boost::json::object& body,
                                                               domain::offset_instant now, domain::validation& v);

/// The query of GET /api/v1/disputes: state, ki, respondent, overdue, q, registered_from/to,
/// sort (due / submitted), limit, cursor.
dispute_list_query read_dispute_list_query(const request& req);

}  // namespace perkara::api
