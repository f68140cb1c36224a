#pragma once
// The one numbering service of every case register (docs/legal-sources.md §6.1, Q12): PPID requests
// and objections per respondent per year, KI disputes per KI per year, decision numbers from the
// register sequence. A sequence value is taken only after the command validated and in the command's
// transaction, so a rollback gives it back (numbers stay unique and gapless). The benchmark generator
// uses it with its own counters as the sequence source.

#include "domain/disputes/transitions.hpp"
#include "domain/ports/database.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace perkara::api {

/// Where sequence values come from: `scope` ("dispute:ki-babel:2024") → the next value (1, 2, ...).
using sequence_source = std::function<long long(const std::string& scope)>;
/// The sequences table, in the caller's transaction.
sequence_source sequences_of(ports::transaction& tx);

/// The next number of a PPID register, `series` "request" or "objection" counted per respondent per
/// year of `on` ("request:<org>:<year>"); the organisation code upper-cased stands for it in the number
/// (0001/PPID-KPU-PANGKALPINANG/II/2024).
std::string take_ppid_number(const sequence_source& next, std::string_view series, const std::string& template_text,
                             const std::string& org_code, domain::civil_date on);

/// An organisation code as it stands in a number: upper-cased ("kpu-pangkalpinang" → "KPU-PANGKALPINANG").
std::string number_code(std::string org_code);

/// A KI's stored templates and short code (dispute_numbering table), else the defaults with a code
/// derived from the organisation code ("KIP" for ki-pusat, "ki-jabar" → "KI-JABAR").
ports::dispute_numbering numbering_for(ports::transaction& tx, const std::string& ki);

/// Fills the numbers a dispute command needs: a `register` gets the next number of the KI's register
/// ("dispute:<ki>:<year of registered_at>"); a `decide` without a typed decision number gets one
/// proposed from the register sequence and the route (mediation or adjudication). Others: unchanged.
void number_dispute_command(const sequence_source& next, const ports::dispute_numbering& numbering,
                            const domain::disputes::dispute& d, int utc_offset_minutes, domain::civil_date today,
                            domain::disputes::command& command);

}  // namespace perkara::api
