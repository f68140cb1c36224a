#pragma once
// The dispute vocabulary of docs/dispute-workflow.md: states, outcomes, actions, hearing kinds, grounds
// and parties, each with to_string/parse in the contract's snake_case (docs/legal-sources.md §3).

#include "domain/cases/applicant_kind.hpp"

#include <optional>
#include <string_view>

namespace perkara::domain::disputes {

/// States (docs/legal-sources.md §3.1, docs/dispute-workflow.md).
enum class dispute_state {
  submitted,                // permohonan diterima
  incomplete,               // belum lengkap, menunggu kelengkapan (T09)
  registered,               // teregistrasi (T11)
  preliminary_examination,  // pemeriksaan awal (T12)
  mediation,                // mediasi (T14)
  adjudication,             // ajudikasi nonlitigasi (T17)
  decided,                  // diputus (T19), court-objection windows running (T24-T25)
  court_objection,          // keberatan ke PTUN (T25)
  final,                    // berkekuatan hukum tetap (T26)
  closed,                   // selesai
};

/// Outcomes (docs/legal-sources.md §3.3).
enum class dispute_outcome {
  granted,              // dikabulkan seluruhnya
  partly_granted,       // dikabulkan sebagian
  rejected,             // ditolak
  inadmissible,         // tidak dapat diterima
  no_jurisdiction,      // KI tidak berwenang
  mediation_agreement,  // putusan mediasi; final at once (UU 14/2008 Pasal 39)
  withdrawn,            // dicabut
  lapsed,               // gugur
  not_registered,       // tidak diregistrasi
};

/// Hearing kinds (docs/legal-sources.md §6.3 "Case").
enum class hearing_kind {
  preliminary_examination,  // pemeriksaan awal
  mediation,                // mediasi
  evidence,                 // pembuktian
  closed_examination,       // pemeriksaan tertutup
  site_inspection,          // pemeriksaan setempat (PERKI 2/2016)
  conclusions,              // kesimpulan
  decision_reading,         // pembacaan putusan
};

/// Actions of `POST /api/v1/disputes/{id}/actions/{action}`.
enum class dispute_action {
  request_completion,
  complete,
  register_dispute,  // "register" (a keyword-like name avoided in C++)
  reject_registration,
  open_preliminary_examination,
  start_mediation,
  mediation_failed,
  start_adjudication,
  schedule_hearing,
  decide,
  serve_copy,
  record_court_objection,
  record_court_decision,
  mark_final,
  record_compliance,
  withdraw,
  lapse,
  record_delivery,  // a party's receipt of the decision copy or the court's decision, recorded or corrected later
};

/// Grounds of objection and dispute, UU 14/2008 Pasal 35(1) huruf a-g (docs/legal-sources.md §3.4).
enum class dispute_ground {
  a,  // penolakan berdasarkan pengecualian (Pasal 17) / refusal citing an exemption
  b,  // informasi berkala tidak disediakan / periodic information not provided
  c,  // permintaan tidak ditanggapi / request not answered
  d,  // ditanggapi tidak sebagaimana diminta / answered not as requested
  e,  // permintaan tidak dipenuhi / request not fulfilled
  f,  // biaya tidak wajar / unreasonable fee
  g,  // melebihi jangka waktu / delivered later than the legal period
};

enum class party { applicant, respondent };

/// The court instance of an objection or a court decision (UU 14/2008 Pasal 47-50, PERMA 2/2011):
/// keberatan at the PTUN / PN, then kasasi at the Mahkamah Agung (docs/deadlines.md "Court stage").
enum class court_instance {
  first_instance,  // pengadilan tata usaha negara / pengadilan negeri
  cassation,       // kasasi, Mahkamah Agung
};

/// The decision whose receipt `record_delivery` records: the KI's decision copy (each party's court
/// objection window runs from it, UU 14/2008 Pasal 48(1)) or the first-instance court's decision (each
/// party's cassation window, Pasal 50); docs/deadlines.md "Receipt facts".
enum class delivered_document {
  decision_copy,   // salinan putusan Komisi Informasi
  court_decision,  // putusan PTUN / PN
};

/// Attachments of a dispute application (docs/legal-sources.md §6.3, [G][S16d]).
enum class attachment {
  request_letter,           // surat permohonan informasi
  request_receipt,          // tanda bukti permohonan
  ppid_response,            // jawaban PPID (if any)
  objection_letter,         // surat keberatan
  objection_receipt,        // tanda bukti keberatan
  atasan_response,          // tanggapan atasan PPID (if any)
  identity_document,        // KTP / paspor
  articles_of_association,  // anggaran dasar badan hukum, registered with the Ministry of Law
  power_of_attorney,        // surat kuasa
  grantor_identity,         // KTP pemberi kuasa
};

inline constexpr attachment all_attachments[] = {
    attachment::request_letter,    attachment::request_receipt,   attachment::ppid_response,
    attachment::objection_letter,  attachment::objection_receipt, attachment::atasan_response,
    attachment::identity_document, attachment::articles_of_association, attachment::power_of_attorney,
    attachment::grantor_identity};


inline constexpr dispute_state all_states[] = {
    dispute_state::submitted,    dispute_state::incomplete, dispute_state::registered,
    dispute_state::preliminary_examination, dispute_state::mediation, dispute_state::adjudication,
    dispute_state::decided,      dispute_state::court_objection, dispute_state::final,
    dispute_state::closed};

inline constexpr dispute_outcome all_outcomes[] = {
    dispute_outcome::granted,         dispute_outcome::partly_granted,      dispute_outcome::rejected,
    dispute_outcome::inadmissible,    dispute_outcome::no_jurisdiction,     dispute_outcome::mediation_agreement,
    dispute_outcome::withdrawn,       dispute_outcome::lapsed,              dispute_outcome::not_registered};

inline constexpr hearing_kind all_hearing_kinds[] = {
    hearing_kind::preliminary_examination, hearing_kind::mediation,       hearing_kind::evidence,
    hearing_kind::closed_examination,      hearing_kind::site_inspection, hearing_kind::conclusions,
    hearing_kind::decision_reading};

inline constexpr dispute_action all_actions[] = {
    dispute_action::request_completion,     dispute_action::complete,
    dispute_action::register_dispute,       dispute_action::reject_registration,
    dispute_action::open_preliminary_examination, dispute_action::start_mediation,
    dispute_action::mediation_failed,       dispute_action::start_adjudication,
    dispute_action::schedule_hearing,       dispute_action::decide,
    dispute_action::serve_copy,             dispute_action::record_court_objection,
    dispute_action::record_court_decision,  dispute_action::mark_final,
    dispute_action::record_compliance,      dispute_action::withdraw,
    dispute_action::lapse,                  dispute_action::record_delivery};

inline constexpr dispute_ground all_grounds[] = {dispute_ground::a, dispute_ground::b, dispute_ground::c,
                                                 dispute_ground::d, dispute_ground::e, dispute_ground::f,
                                                 dispute_ground::g};

std::string_view to_string(dispute_state s);
std::string_view to_string(dispute_outcome o);
std::string_view to_string(hearing_kind k);
std::string_view to_string(dispute_action a);  // register_dispute -> "register"
std::string_view to_string(dispute_ground g);
std::string_view to_string(party p);
std::string_view to_string(court_instance i);
std::string_view to_string(delivered_document d);
std::string_view to_string(attachment a);

std::optional<dispute_state> parse_dispute_state(std::string_view text);
std::optional<dispute_outcome> parse_dispute_outcome(std::string_view text);
std::optional<hearing_kind> parse_hearing_kind(std::string_view text);
std::optional<dispute_action> parse_dispute_action(std::string_view text);
std::optional<dispute_ground> parse_dispute_ground(std::string_view text);
std::optional<party> parse_party(std::string_view text);
std::optional<court_instance> parse_court_instance(std::string_view text);
std::optional<delivered_document> parse_delivered_document(std::string_view text);
std::optional<attachment> parse_attachment(std::string_view text);

/// Indonesian label for documents and explanations, e.g. "pemeriksaan awal".
std::string_view label_id(dispute_state s);
std::string_view label_id(dispute_outcome o);
std::string_view label_id(hearing_kind k);
std::string_view label_id(attachment a);
std::string_view label_id(court_instance i);

}  // namespace perkara::domain::disputes
