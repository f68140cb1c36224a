#include "domain/notices/wording.hpp"

#include "domain/html_text.hpp"
#include "domain/letters/indonesian_date.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace perkara::domain::notices {
namespace {

struct action_words {
  std::string_view case_type;
  std::string_view action;
  std::string_view id;
  std::string_view en;
};

// Events of docs/ppid-workflow.md and docs/dispute-workflow.md that someone outside the office must hear.
constexpr std::array<action_words, 27> actions{{
    {"request", "create", "Permohonan informasi Anda telah dicatat", "Your information request was registered"},
    {"request", "extend", "Jangka waktu jawaban diperpanjang", "The time to answer was extended"},
    {"request", "respond", "PPID telah menjawab permohonan", "The PPID answered the request"},
    {"request", "file_objection", "Keberatan telah dicatat", "The objection was registered"},
    {"request", "answer_objection", "Atasan PPID telah menanggapi keberatan",
     "The PPID's superior answered the objection"},
    {"request", "close", "Permohonan ditutup", "The request was closed"},
    {"request", "mark_disputed", "Permohonan diajukan sebagai sengketa ke Komisi Informasi",
     "The request was taken to the Information Commission as a dispute"},
    {"request", "deadline_moved", "Batas waktu bergeser karena perubahan kalender",
     "A deadline moved because the calendar changed"},
    {"request", "deadline_missed", "Batas waktu terlewati", "A deadline was missed"},
    {"dispute", "submit", "Permohonan penyelesaian sengketa telah diterima",
     "The dispute application was received"},
    {"dispute", "request_completion", "Berkas permohonan perlu dilengkapi", "The application must be completed"},
    {"dispute", "complete", "Berkas permohonan telah lengkap", "The application is complete"},
    {"dispute", "register", "Sengketa telah diregistrasi", "The dispute was registered"},
    {"dispute", "reject_registration", "Permohonan tidak dapat diregistrasi", "The application was not registered"},
    {"dispute", "open_preliminary_examination", "Pemeriksaan awal dibuka", "The preliminary examination opened"},
    {"dispute", "start_mediation", "Mediasi dimulai", "Mediation started"},
    {"dispute", "mediation_failed", "Mediasi tidak berhasil", "Mediation failed"},
    {"dispute", "start_adjudication", "Ajudikasi nonlitigasi dimulai", "Adjudication started"},
    {"dispute", "schedule_hearing", "Sidang dijadwalkan (panggilan sidang)", "A hearing was scheduled (summons)"},
    {"dispute", "decide", "Putusan telah dibacakan", "The decision was read"},
    {"dispute", "serve_copy", "Salinan putusan telah disampaikan", "A copy of the decision was served"},
    {"dispute", "record_court_objection", "Keberatan ke pengadilan dicatat", "A court objection was recorded"},
    {"dispute", "record_court_decision", "Putusan pengadilan dicatat", "A court decision was recorded"},
    {"dispute", "mark_final", "Putusan berkekuatan hukum tetap", "The decision became final"},
    {"dispute", "withdraw", "Permohonan dicabut", "The application was withdrawn"},
    {"dispute", "lapse", "Perkara gugur", "The case lapsed"},
    {"dispute", "deadline_missed", "Batas waktu terlewati", "A deadline was missed"},
}};

struct period_words {
  std::string_view key;
  std::string_view id;
  std::string_view en;
};

constexpr std::array<period_words, 12> periods{{
    {"ppid_response", "jawaban PPID atas permohonan", "the PPID's answer to the request"},
    {"ppid_extension", "jawaban PPID setelah perpanjangan", "the PPID's answer after the extension"},
    {"objection_filing", "pengajuan keberatan", "filing an objection"},
    {"atasan_response", "tanggapan atasan PPID atas keberatan", "the superior's answer to the objection"},
    {"dispute_filing", "pengajuan sengketa ke Komisi Informasi", "filing a dispute with the Commission"},
    {"registration_check", "pemeriksaan kelengkapan berkas permohonan", "checking the application file"},
    {"registration_completion", "pelengkapan berkas permohonan", "completing the application file"},
    {"ki_start", "dimulainya penyelesaian sengketa", "the start of the dispute proceedings"},
    {"ki_completion", "penyelesaian sengketa oleh Komisi Informasi", "the Commission's resolution of the dispute"},
    {"decision_copy", "penyampaian salinan putusan", "serving the copy of the decision"},
    {"court_objection", "pengajuan keberatan ke pengadilan", "filing an objection with the court"},
    {"cassation", "pengajuan kasasi ke Mahkamah Agung", "filing a cassation with the Supreme Court"},
}};

constexpr std::array<std::string_view, 12> months_en{"January", "February", "March",     "April",   "May",      "June",
                                                     "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::optional<bilingual> what_happened(std::string_view case_type, std::string_view action) {
  for (const auto& a : actions) {
    if (a.case_type == case_type && a.action == action) {
      return bilingual{std::string(a.id), std::string(a.en)};
    }
  }
  return std::nullopt;
}

bilingual what_is_due(std::string_view period_key) {
  for (const auto& p : periods) {
    if (p.key == period_key) {
      return {std::string(p.id), std::string(p.en)};
    }
  }
  return {"tindakan berikutnya", "the next step"};
}

std::string text_body(const std::vector<std::string>& id, const std::vector<std::string>& en) {
  std::string out;
  for (const auto& s : id) out += s + "\n";
  out += "\n-- English --\n\n";
  for (const auto& s : en) out += s + "\n";
  out += "\nPesan ini dikirim otomatis oleh perkara. / This message was sent automatically by perkara.\n";
  return out;
}

std::string html_body(const std::vector<std::string>& id, const std::vector<std::string>& en) {
  std::string out = "<!DOCTYPE html><html><body>\n<div lang=\"id\">\n";
  for (const auto& s : id) out += "<p>" + html_escape(s) + "</p>\n";
  out += "</div>\n<hr>\n<div lang=\"en\">\n";
  for (const auto& s : en) out += "<p>" + html_escape(s) + "</p>\n";
  out += "</div>\n<p><small>Pesan ini dikirim otomatis oleh perkara. / This message was sent automatically by "
         "perkara.</small></p>\n</body></html>\n";
  return out;
}

bilingual spoken_date(civil_date date) {
  const auto m = static_cast<unsigned>(date.month()) - 1;
  const auto d = static_cast<unsigned>(date.day());
  const int y = static_cast<int>(date.year());
  return {letters::format_indonesian_date(date), fmt::format("{} {} {}", d, months_en.at(m), y)};
}

}  // namespace perkara::domain::notices
