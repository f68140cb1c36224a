#include "domain/disputes/vocabulary.hpp"

#include "domain/enum_names.hpp"

namespace perkara::domain::disputes {

constexpr enum_name<dispute_state> dispute_state_names[] = {
    {dispute_state::submitted, "submitted"}, {dispute_state::incomplete, "incomplete"},
    {dispute_state::registered, "registered"}, {dispute_state::preliminary_examination, "preliminary_examination"},
    {dispute_state::mediation, "mediation"}, {dispute_state::adjudication, "adjudication"},
    {dispute_state::decided, "decided"}, {dispute_state::court_objection, "court_objection"},
    {dispute_state::final, "final"}, {dispute_state::closed, "closed"}};
std::string_view to_string(dispute_state s) { return name_in(dispute_state_names, s); }

constexpr enum_name<dispute_outcome> dispute_outcome_names[] = {
    {dispute_outcome::granted, "granted"}, {dispute_outcome::partly_granted, "partly_granted"},
    {dispute_outcome::rejected, "rejected"}, {dispute_outcome::inadmissible, "inadmissible"},
    {dispute_outcome::no_jurisdiction, "no_jurisdiction"},
    {dispute_outcome::mediation_agreement, "mediation_agreement"}, {dispute_outcome::withdrawn, "withdrawn"},
    {dispute_outcome::lapsed, "lapsed"}, {dispute_outcome::not_registered, "not_registered"}};
std::string_view to_string(dispute_outcome o) { return name_in(dispute_outcome_names, o); }

constexpr enum_name<hearing_kind> hearing_kind_names[] = {
    {hearing_kind::preliminary_examination, "preliminary_examination"}, {hearing_kind::mediation, "mediation"},
    {hearing_kind::evidence, "evidence"}, {hearing_kind::closed_examination, "closed_examination"},
    {hearing_kind::site_inspection, "site_inspection"}, {hearing_kind::conclusions, "conclusions"},
    {hearing_kind::decision_reading, "decision_reading"}};
std::string_view to_string(hearing_kind k) { return name_in(hearing_kind_names, k); }

constexpr enum_name<dispute_action> dispute_action_names[] = {
    {dispute_action::request_completion, "request_completion"}, {dispute_action::complete, "complete"},
    {dispute_action::register_dispute, "register"}, {dispute_action::reject_registration, "reject_registration"},
    {dispute_action::open_preliminary_examination, "open_preliminary_examination"},
    {dispute_action::start_mediation, "start_mediation"}, {dispute_action::mediation_failed, "mediation_failed"},
    {dispute_action::start_adjudication, "start_adjudication"},
    {dispute_action::schedule_hearing, "schedule_hearing"}, {dispute_action::decide, "decide"},
    {dispute_action::serve_copy, "serve_copy"}, {dispute_action::record_court_objection, "record_court_objection"},
    {dispute_action::record_court_decision, "record_court_decision"}, {dispute_action::mark_final, "mark_final"},
    {dispute_action::record_compliance, "record_compliance"}, {dispute_action::withdraw, "withdraw"},
    {dispute_action::lapse, "lapse"}, {dispute_action::record_delivery, "record_delivery"}};
std::string_view to_string(dispute_action a) { return name_in(dispute_action_names, a); }

constexpr enum_name<dispute_ground> dispute_ground_names[] = {
    {dispute_ground::a, "a"}, {dispute_ground::b, "b"}, {dispute_ground::c, "c"}, {dispute_ground::d, "d"},
    {dispute_ground::e, "e"}, {dispute_ground::f, "f"}, {dispute_ground::g, "g"}};
std::string_view to_string(dispute_ground g) { return name_in(dispute_ground_names, g); }

constexpr enum_name<party> party_names[] = {{party::applicant, "applicant"}, {party::respondent, "respondent"}};
std::string_view to_string(party p) { return name_in(party_names, p); }

constexpr enum_name<court_instance> court_instance_names[] = {{court_instance::first_instance, "first_instance"},
                                                              {court_instance::cassation, "cassation"}};
std::string_view to_string(court_instance i) { return name_in(court_instance_names, i); }

constexpr enum_name<delivered_document> delivered_document_names[] = {
    {delivered_document::decision_copy, "decision_copy"}, {delivered_document::court_decision, "court_decision"}};
std::string_view to_string(delivered_document d) { return name_in(delivered_document_names, d); }

std::string_view label_id(court_instance i) {
  return i == court_instance::cassation ? "kasasi (Mahkamah Agung)" : "tingkat pertama (PTUN / PN)";
}

constexpr enum_name<attachment> attachment_names[] = {
    {attachment::request_letter, "request_letter"}, {attachment::request_receipt, "request_receipt"},
    {attachment::ppid_response, "ppid_response"}, {attachment::objection_letter, "objection_letter"},
    {attachment::objection_receipt, "objection_receipt"}, {attachment::atasan_response, "atasan_response"},
    {attachment::identity_document, "identity_document"},
    {attachment::articles_of_association, "articles_of_association"},
    {attachment::power_of_attorney, "power_of_attorney"}, {attachment::grantor_identity, "grantor_identity"}};
std::string_view to_string(attachment a) { return name_in(attachment_names, a); }

std::optional<dispute_state> parse_dispute_state(std::string_view text) { return value_in(dispute_state_names, text); }
std::optional<dispute_outcome> parse_dispute_outcome(std::string_view text) { return value_in(dispute_outcome_names, text); }
std::optional<hearing_kind> parse_hearing_kind(std::string_view text) { return value_in(hearing_kind_names, text); }
std::optional<dispute_action> parse_dispute_action(std::string_view text) { return value_in(dispute_action_names, text); }
std::optional<dispute_ground> parse_dispute_ground(std::string_view text) { return value_in(dispute_ground_names, text); }
std::optional<party> parse_party(std::string_view text) { return value_in(party_names, text); }
std::optional<court_instance> parse_court_instance(std::string_view text) {
  return value_in(court_instance_names, text);
}
std::optional<delivered_document> parse_delivered_document(std::string_view text) {
  return value_in(delivered_document_names, text);
}

std::optional<attachment> parse_attachment(std::string_view text) { return value_in(attachment_names, text); }

constexpr enum_name<dispute_state> dispute_state_labels_id[] = {
    {dispute_state::submitted, "permohonan diterima"}, {dispute_state::incomplete, "belum lengkap"},
    {dispute_state::registered, "teregistrasi"}, {dispute_state::preliminary_examination, "pemeriksaan awal"},
    {dispute_state::mediation, "mediasi"}, {dispute_state::adjudication, "ajudikasi nonlitigasi"},
    {dispute_state::decided, "diputus"}, {dispute_state::court_objection, "keberatan di pengadilan"},
    {dispute_state::final, "berkekuatan hukum tetap"}, {dispute_state::closed, "selesai"}};
std::string_view label_id(dispute_state s) { return name_in(dispute_state_labels_id, s); }

constexpr enum_name<dispute_outcome> dispute_outcome_labels_id[] = {
    {dispute_outcome::granted, "dikabulkan seluruhnya"}, {dispute_outcome::partly_granted, "dikabulkan sebagian"},
    {dispute_outcome::rejected, "ditolak"}, {dispute_outcome::inadmissible, "tidak dapat diterima"},
    {dispute_outcome::no_jurisdiction, "Komisi Informasi tidak berwenang"},
    {dispute_outcome::mediation_agreement, "putusan mediasi"}, {dispute_outcome::withdrawn, "dicabut"},
    {dispute_outcome::lapsed, "gugur"}, {dispute_outcome::not_registered, "tidak diregistrasi"}};
std::string_view label_id(dispute_outcome o) { return name_in(dispute_outcome_labels_id, o); }

constexpr enum_name<hearing_kind> hearing_kind_labels_id[] = {
    {hearing_kind::preliminary_examination, "pemeriksaan awal"}, {hearing_kind::mediation, "mediasi"},
    {hearing_kind::evidence, "pembuktian"}, {hearing_kind::closed_examination, "pemeriksaan tertutup"},
    {hearing_kind::site_inspection, "pemeriksaan setempat"}, {hearing_kind::conclusions, "kesimpulan"},
    {hearing_kind::decision_reading, "pembacaan putusan"}};
std::string_view label_id(hearing_kind k) { return name_in(hearing_kind_labels_id, k); }

constexpr enum_name<attachment> attachment_labels_id[] = {
    {attachment::request_letter, "surat permohonan informasi"},
    {attachment::request_receipt, "tanda bukti permohonan informasi"}, {attachment::ppid_response, "jawaban PPID"},
    {attachment::objection_letter, "surat keberatan"}, {attachment::objection_receipt, "tanda bukti keberatan"},
    {attachment::atasan_response, "tanggapan atasan PPID"}, {attachment::identity_document, "KTP/paspor"},
    {attachment::articles_of_association, "anggaran dasar badan hukum yang disahkan"},
    {attachment::power_of_attorney, "surat kuasa"}, {attachment::grantor_identity, "KTP pemberi kuasa"}};
std::string_view label_id(attachment a) { return name_in(attachment_labels_id, a); }

}  // namespace perkara::domain::disputes
