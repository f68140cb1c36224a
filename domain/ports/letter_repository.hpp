#pragma once
// Storage port of generated letters (issue 15): each organisation's letterhead, and every issued letter
// exactly as it was issued (the HTML, its SHA-256, number, date and issuer), so what was sent stays
// what was sent: re-reading an issued letter returns this copy, never a new rendering.

#include "domain/time/instant.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perkara::ports {

struct letterhead {
  std::string organisation;  // organisation code
  std::string address;
  std::string phone;
  std::string email;
  std::string website;
  std::string logo_media_type;  // "image/png" or "image/jpeg"; empty without a logo
  std::string logo_base64;      // the logo file, base64-encoded; empty without a logo
  domain::instant updated_at{};
  std::string updated_by;  // user id
};

struct issued_letter {
  std::string id;         // opaque
  std::string case_type;  // "request" or "dispute"
  std::string case_id;
  std::string organisation;  // the issuing organisation
  std::string letter_key;    // domain::letters::letter_key, e.g. "hearing_summons:h1:applicant"
  std::string number;        // unique per database
  std::string title;
  domain::instant issued_at{};
  std::string issued_by;     // user id
  std::string sha256;        // hex SHA-256 of `html`
  std::string html;          // empty when listed (for_case)
};

class letter_repository {
 public:
  virtual ~letter_repository() = default;
  virtual std::optional<letterhead> find_letterhead(const std::string& organisation) = 0;
  /// Inserts or replaces the organisation's letterhead.
  virtual void put_letterhead(const letterhead& head) = 0;
  /// Stores an issued letter; conflict_error on a duplicate id or number.
  virtual void insert(const issued_letter& letter) = 0;
  /// The issued letter with its HTML.
  virtual std::optional<issued_letter> find(const std::string& id) = 0;
  /// The letters issued for one case, oldest first, without their HTML.
  virtual std::vector<issued_letter> for_case(const std::string& case_type, const std::string& case_id) = 0;
};

}  // namespace perkara::ports
