#pragma once
// Letters of a case (issue 15): which ones the case has, a preview rendered from the record now, and
// issuing, which numbers the letter (a gapless counter per issuer, letter kind and year) and stores
// exactly the HTML that was issued with its SHA-256, so re-reading returns what was sent. Works in the
// caller's transaction and never commits. Scope: only the issuing organisation's staff may preview and
// issue (the respondent's PPID and its superior for a request's letters, the KI's registrar, ki_admin
// and commissioners for a dispute's); whoever may read the case may list and read its issued letters,
// except that the respondent does not see a dispute's letters addressed to the applicant (they carry
// the applicant's address).

#include "api/auth/caller.hpp"
#include "domain/ports/database.hpp"

#include <boost/json/object.hpp>

#include <string>

namespace perkara::api {

enum class case_kind { request, dispute };

/// `{available: [{key, kind, title, hearing, party, label}], issued: [{id, key, number, title, issued_at,
/// issued_by, sha256}], can_issue}`; 404 when the case is not visible.
boost::json::object case_letters(ports::transaction& tx, const caller& who, case_kind kind, const std::string& case_id,
                                 domain::instant now);

/// The letter rendered from the record as it is now, without a number (text/html). 404 when the case
/// is not visible or has no such letter (yet); 403 outside the issuing organisation's staff.
std::string preview_letter(ports::transaction& tx, const caller& who, case_kind kind, const std::string& case_id,
                           const std::string& key, domain::instant now);

/// Issues the letter: numbers, renders, stores and audits it. 403 outside the issuing organisation's
/// staff; 404 as for a preview.
ports::issued_letter issue_letter(ports::transaction& tx, const caller& who, case_kind kind, const std::string& case_id,
                                  const std::string& key, domain::instant now);

/// The stored copy of an issued letter (with its HTML); 404 when unknown or its case is not visible.
ports::issued_letter read_issued_letter(ports::transaction& tx, const caller& who, const std::string& letter_id,
                                        domain::instant now);

/// An issued letter without its HTML, as lists show it.
boost::json::object issued_letter_json(ports::transaction& tx, const ports::issued_letter& letter, int offset_minutes);

}  // namespace perkara::api
