#include "domain/disputes/vocabulary.hpp"

namespace perkara::domain::disputes {

namespace {

// Linear reverse lookup over an enum's value list; the lists are tiny.
template <class E, std::size_t N>
std::optional<E> parse_from(const E (&values)[N], std::string_view text) {
  for (auto v : values) {
    if (to_string(v) == text) {
      return v;
    }
  }
  return std::nullopt;
}

constexpr party all_parties[] = {party::applicant, party::respondent};
constexpr court_instance all_court_instances[] = {court_instance::first_instance, court_instance::cassation};
constexpr delivered_document all_delivered_documents[] = {delivered_document::decision_copy,
                                                          delivered_document::court_decision};
constexpr applicant_kind all_applicant_kinds[] = {applicant_kind::individual, applicant_kind::legal_entity,
                                                  applicant_kind::group};

}  // namespace

std::string_view to_string(dispute_state s) {
  switch (s) {
    case dispute_state::submitted: return "submitted";
    case dispute_state::incomplete: return "incomplete";
    case dispute_state::registered: return "registered";
    case dispute_state::preliminary_examination: return "preliminary_examination";
    case dispute_state::mediation: return "mediation";
    case dispute_state::adjudication: return "adjudication";
    case dispute_state::decided: return "decided";
    case dispute_state::court_objection: return "court_objection";
    case dispute_state::final: return "final";
    case dispute_state::closed: return "closed";
  }
  return "submitted";
}

std::string_view to_string(dispute_outcome o) {
  switch (o) {
    case dispute_outcome::granted: return "granted";
    case dispute_outcome::partly_granted: return "partly_granted";
    case dispute_outcome::rejected: return "rejected";
    case dispute_outcome::inadmissible: return "inadmissible";
    case dispute_outcome::no_jurisdiction: return "no_jurisdiction";
    case dispute_outcome::mediation_agreement: return "mediation_agreement";
    case dispute_outcome::withdrawn: return "withdrawn";
    case dispute_outcome::lapsed: return "lapsed";
    case dispute_outcome::not_registered: return "not_registered";
  }
  return "granted";
}

std::string_view to_string(hearing_kind k) {
  switch (k) {
    case hearing_kind::preliminary_examination: return "preliminary_examination";
    case hearing_kind::mediation: return "mediation";
    case hearing_kind::evidence: return "evidence";
    case hearing_kind::closed_examination: return "closed_examination";
    case hearing_kind::site_inspection: return "site_inspection";
    case hearing_kind::conclusions: return "conclusions";
    case hearing_kind::decision_reading: return "decision_reading";
  }
  return "preliminary_examination";
}

std::string_view to_string(dispute_action a) {
  switch (a) {
    case dispute_action::request_completion: return "request_completion";
    case dispute_action::complete: return "complete";
    case dispute_action::register_dispute: return "register";
    case dispute_action::reject_registration: return "reject_registration";
    case dispute_action::open_preliminary_examination: return "open_preliminary_examination";
    case dispute_action::start_mediation: return "start_mediation";
    case dispute_action::mediation_failed: return "mediation_failed";
    case dispute_action::start_adjudication: return "start_adjudication";
    case dispute_action::schedule_hearing: return "schedule_hearing";
    case dispute_action::decide: return "decide";
    case dispute_action::serve_copy: return "serve_copy";
    case dispute_action::record_court_objection: return "record_court_objection";
    case dispute_action::record_court_decision: return "record_court_decision";
    case dispute_action::mark_final: return "mark_final";
    case dispute_action::record_compliance: return "record_compliance";
    case dispute_action::withdraw: return "withdraw";
    case dispute_action::lapse: return "lapse";
    case dispute_action::record_delivery: return "record_delivery";
  }
  return "request_completion";
}

std::string_view to_string(dispute_ground g) {
  switch (g) {
    case dispute_ground::a: return "a";
    case dispute_ground::b: return "b";
    case dispute_ground::c: return "c";
    case dispute_ground::d: return "d";
    case dispute_ground::e: return "e";
    case dispute_ground::f: return "f";
    case dispute_ground::g: return "g";
  }
  return "a";
}

std::string_view to_string(party p) { return p == party::applicant ? "applicant" : "respondent"; }

std::string_view to_string(court_instance i) {
  return i == court_instance::cassation ? "cassation" : "first_instance";
}

std::string_view to_string(delivered_document d) {
  return d == delivered_document::court_decision ? "court_decision" : "decision_copy";
}

std::string_view label_id(court_instance i) {
  return i == court_instance::cassation ? "kasasi (Mahkamah Agung)" : "tingkat pertama (PTUN / PN)";
}

std::string_view to_string(applicant_kind k) {
  switch (k) {
    case applicant_kind::individual: return "individual";
    case applicant_kind::legal_entity: return "legal_entity";
    case applicant_kind::group: return "group";
  }
  return "individual";
}

std::string_view to_string(attachment a) {
  switch (a) {
    case attachment::request_letter: return "request_letter";
    case attachment::request_receipt: return "request_receipt";
    case attachment::ppid_response: return "ppid_response";
    case attachment::objection_letter: return "objection_letter";
    case attachment::objection_receipt: return "objection_receipt";
    case attachment::atasan_response: return "atasan_response";
    case attachment::identity_document: return "identity_document";
    case attachment::articles_of_association: return "articles_of_association";
    case attachment::power_of_attorney: return "power_of_attorney";
    case attachment::grantor_identity: return "grantor_identity";
  }
  return "request_letter";
}

std::optional<dispute_state> parse_dispute_state(std::string_view text) { return parse_from(all_states, text); }
std::optional<dispute_outcome> parse_dispute_outcome(std::string_view text) { return parse_from(all_outcomes, text); }
std::optional<hearing_kind> parse_hearing_kind(std::string_view text) { return parse_from(all_hearing_kinds, text); }
std::optional<dispute_action> parse_dispute_action(std::string_view text) { return parse_from(all_actions, text); }
std::optional<dispute_ground> parse_dispute_ground(std::string_view text) { return parse_from(all_grounds, text); }
std::optional<party> parse_party(std::string_view text) { return parse_from(all_parties, text); }
std::optional<court_instance> parse_court_instance(std::string_view text) {
  return parse_from(all_court_instances, text);
}
std::optional<delivered_document> parse_delivered_document(std::string_view text) {
  return parse_from(all_delivered_documents, text);
}
std::optional<applicant_kind> parse_applicant_kind(std::string_view text) {
  return parse_from(all_applicant_kinds, text);
}

std::optional<attachment> parse_attachment(std::string_view text) { return parse_from(all_attachments, text); }

std::string_view label_id(dispute_state s) {
  switch (s) {
    case dispute_state::submitted: return "permohonan diterima";
    case dispute_state::incomplete: return "belum lengkap";
    case dispute_state::registered: return "teregistrasi";
    case dispute_state::preliminary_examination: return "pemeriksaan awal";
    case dispute_state::mediation: return "mediasi";
    case dispute_state::adjudication: return "ajudikasi nonlitigasi";
    case dispute_state::decided: return "diputus";
    case dispute_state::court_objection: return "keberatan di pengadilan";
    case dispute_state::final: return "berkekuatan hukum tetap";
    case dispute_state::closed: return "selesai";
  }
  return "";
}

std::string_view label_id(dispute_outcome o) {
  switch (o) {
    case dispute_outcome::granted: return "dikabulkan seluruhnya";
    case dispute_outcome::partly_granted: return "dikabulkan sebagian";
    case dispute_outcome::rejected: return "ditolak";
    case dispute_outcome::inadmissible: return "tidak dapat diterima";
    case dispute_outcome::no_jurisdiction: return "Komisi Informasi tidak berwenang";
    case dispute_outcome::mediation_agreement: return "putusan mediasi";
    case dispute_outcome::withdrawn: return "dicabut";
    case dispute_outcome::lapsed: return "gugur";
    case dispute_outcome::not_registered: return "tidak diregistrasi";
  }
  return "";
}

std::string_view label_id(hearing_kind k) {
  switch (k) {
    case hearing_kind::preliminary_examination: return "pemeriksaan awal";
    case hearing_kind::mediation: return "mediasi";
    case hearing_kind::evidence: return "pembuktian";
    case hearing_kind::closed_examination: return "pemeriksaan tertutup";
    case hearing_kind::site_inspection: return "pemeriksaan setempat";
    case hearing_kind::conclusions: return "kesimpulan";
    case hearing_kind::decision_reading: return "pembacaan putusan";
  }
  return "";
}

std::string_view label_id(attachment a) {
  switch (a) {
    case attachment::request_letter: return "surat permohonan informasi";
    case attachment::request_receipt: return "tanda bukti permohonan informasi";
    case attachment::ppid_response: return "jawaban PPID";
    case attachment::objection_letter: return "surat keberatan";
    case attachment::objection_receipt: return "tanda bukti keberatan";
    case attachment::atasan_response: return "tanggapan atasan PPID";
    case attachment::identity_document: return "KTP/paspor";
    case attachment::articles_of_association: return "anggaran dasar badan hukum yang disahkan";
    case attachment::power_of_attorney: return "surat kuasa";
    case attachment::grantor_identity: return "KTP pemberi kuasa";
  }
  return "";
}

bool is_before_decision(dispute_state s) {
  switch (s) {
    case dispute_state::submitted:
    case dispute_state::incomplete:
    case dispute_state::registered:
    case dispute_state::preliminary_examination:
    case dispute_state::mediation:
    case dispute_state::adjudication: return true;
    default: return false;
  }
}

}  // namespace perkara::domain::disputes
