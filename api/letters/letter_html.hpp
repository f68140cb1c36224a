#pragma once
// A letter as a print-ready HTML page (A4, print stylesheet): the issuer's letterhead (name, address,
// contact, logo), number, date, recipient, the facts of the case and the signature block. Any browser
// prints it or saves it as PDF. Self-contained: styles inline, the logo as a data URL.

#include "domain/letters/letter.hpp"
#include "domain/ports/letter_repository.hpp"

#include <string>
#include <string_view>

namespace perkara::api {

/// The Content-Security-Policy of a letter page: its own inline style and print script (by hash), images
/// only as data URLs, nothing else.
std::string letter_content_security_policy();

/// The whole page. `head` may be empty (no letterhead recorded yet): the organisation name alone.
std::string render_letter_html(const domain::letters::letter_content& letter, const std::string& organisation_name,
                               const ports::letterhead& head);

}  // namespace perkara::api
