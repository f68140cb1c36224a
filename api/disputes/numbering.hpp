#pragma once
// Register and decision numbers of a KI (docs/legal-sources.md §6.1, Q12): the KI's stored templates and short
// code (dispute_numbering table), or the defaults with a code derived from the organisation code.

#include "domain/ports/database.hpp"

#include <string>

namespace perkara::api {

/// "KIP" for ki-pusat; otherwise the stored code, else the organisation code upper-cased ("ki-jabar" →
/// "KI-JABAR").
ports::dispute_numbering numbering_for(ports::transaction& tx, const std::string& ki);

/// The sequence scope of a KI's register numbers in one year: "dispute:ki-babel:2024".
std::string register_scope(const std::string& ki, int year);

}  // namespace perkara::api
