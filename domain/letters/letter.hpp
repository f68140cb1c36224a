#pragma once
// Letters generated from the case record (issue 15): what each letter says, built by pure functions
// from the stored request or dispute, so no fact is ever typed twice. The api layer renders the
// content as a print-ready HTML page with the issuing organisation's letterhead; issuing numbers it
// and stores exactly what was rendered.
//
// Which letters exist follows the case: a receipt once a request is registered, an extension notice
// once the extension is recorded, the written notice once the PPID answered, and so on
// (docs/ppid-workflow.md, docs/dispute-workflow.md).

#include "domain/disputes/dispute.hpp"
#include "domain/requests/information_request.hpp"
#include "domain/time/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::domain::letters {

enum class letter_kind {
  request_receipt,     // tanda bukti penerimaan permohonan informasi
  extension_notice,    // pemberitahuan perpanjangan waktu
  written_notice,      // pemberitahuan tertulis (the PPID's answer)
  objection_receipt,   // tanda bukti penerimaan keberatan
  objection_response,  // tanggapan atasan PPID atas keberatan
  registration_deed,   // akta registrasi sengketa informasi
  hearing_summons,     // surat panggilan sidang (one per hearing and party)
  decision_receipt,    // tanda terima salinan putusan (one per party served)
};

inline constexpr letter_kind all_letter_kinds[] = {letter_kind::request_receipt,    letter_kind::extension_notice,
                                                   letter_kind::written_notice,     letter_kind::objection_receipt,
                                                   letter_kind::objection_response, letter_kind::registration_deed,
                                                   letter_kind::hearing_summons,    letter_kind::decision_receipt};

std::string_view to_string(letter_kind kind);
std::optional<letter_kind> parse_letter_kind(std::string_view text);
/// The letter's title as printed, e.g. "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK".
std::string_view letter_title(letter_kind kind);
/// The numbering template of the letter kind (domain/numbering placeholders); {org_code} is the
/// issuer's code ("PPID-KPU-PANGKALPINANG", "KI-BABEL"), counted per issuer, kind and year.
std::string_view letter_number_template(letter_kind kind);
/// The case-file kind an issued letter is filed as (docs/documents.md "Kinds"): the checklist item it
/// answers where there is one (request_receipt, ppid_response, objection_receipt, atasan_response),
/// else the paper a case produces (extension_notice, registration_record, summons, service_receipt).
std::string_view letter_document_kind(letter_kind kind);

/// One letter of a case: its kind and, for per-hearing and per-party letters, which one.
struct letter_ref {
  letter_kind kind = letter_kind::request_receipt;
  std::string hearing;                   // hearing id ("h1") for a summons
  std::optional<disputes::party> party;  // summons and decision receipt
  friend bool operator==(const letter_ref&, const letter_ref&) = default;
};

/// "hearing_summons:h1:applicant", "request_receipt": a stable key for storage and the API.
std::string letter_key(const letter_ref& ref);
/// Parses letter_key's output; nullopt when malformed.
std::optional<letter_ref> parse_letter_key(std::string_view key);

/// What the record does not hold but the letter needs: names of organisations, the number and date of
/// issue, who signs, and the open due dates of the case (clock key → due date).
struct letter_facts {
  std::string number;           // empty on a preview: the number is given when the letter is issued
  civil_date date{};            // the date of the letter (the issuer's local date)
  std::string issuer_name;      // the issuing organisation's name
  std::string respondent_name;  // the respondent body's name
  std::string ki_name;          // the KI's name (disputes)
  std::string signer_name;      // display name of the user who issues (or previews)
  std::vector<std::pair<std::string, civil_date>> due_dates;
};

struct letter_field {
  std::string label;
  std::string value;
  friend bool operator==(const letter_field&, const letter_field&) = default;
};

/// The content of one letter, ready to lay out: no markup, every string plain text.
struct letter_content {
  letter_ref ref;
  std::string title;
  std::string number;                  // "Nomor: ..." line (may be a placeholder on a preview)
  std::string date_text;               // "5 Desember 2026"
  std::string subject;                 // Perihal
  std::vector<std::string> recipient;  // "Kepada Yth." block, one line each
  std::vector<std::string> opening;    // paragraphs before the facts
  std::vector<letter_field> facts;     // the facts of the case, label: value
  std::vector<std::string> closing;    // paragraphs after the facts
  std::string signatory_role;          // e.g. "PPID KPU Kota Pangkalpinang"
  std::string signer_name;
};

/// Letters a request has right now, in the order of the workflow.
std::vector<letter_ref> available_letters(const information_request& request);
/// Letters a dispute has right now: the registration deed once registered, a summons per hearing and
/// party, a receipt of the decision copy per party served.
std::vector<letter_ref> available_letters(const disputes::dispute& dispute);

/// The letter's content, or nullopt when the case does not (yet) have that letter.
std::optional<letter_content> build_letter(const information_request& request, const letter_ref& ref,
                                           const letter_facts& facts);
std::optional<letter_content> build_letter(const disputes::dispute& dispute, const letter_ref& ref,
                                           const letter_facts& facts);

/// The exemptions of UU 14/2008 Pasal 17 (huruf a..j) a recorded refusal cites ("Pasal 17 huruf b",
/// "Pasal 17 huruf b dan h", "pasal 17 ayat ... huruf j"), in order, without repeats.
std::vector<char> cited_exemptions(std::string_view reasons);
/// The statutory description of Pasal 17 huruf `letter` (a..j); empty for anything else.
std::string_view exemption_description(char letter);

}  // namespace perkara::domain::letters
