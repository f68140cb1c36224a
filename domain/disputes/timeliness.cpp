#include "domain/disputes/timeliness.hpp"

#include <fmt/format.h>

namespace perkara::domain::disputes {

namespace {

constexpr std::string_view rule_id =
    "jangka waktu `dispute_filing` pada aturan yang berlaku (UU 14/2008 Pasal 37(2); nilai PERKI 1/2019 belum "
    "terverifikasi)";
constexpr std::string_view rule_en =
    "period `dispute_filing` of the rule set in force (UU 14/2008 Pasal 37(2); the PERKI 1/2019 value is "
    "unverified)";

filing_assessment unknown(std::string id, std::string en) {
  filing_assessment a;
  a.reasoning_id = std::move(id);
  a.reasoning_en = std::move(en);
  return a;
}

}  // namespace

filing_assessment assess_filing(const chronology& dates, civil_date filed_on, const due_of_fn& due_of) {
  const auto filed = format_iso_date(filed_on);
  if (!dates.objection_date) {
    // Without an objection there is no atasan answer or lapse to count from (T08).
    return unknown("Tanggal keberatan tidak diketahui; ketepatan waktu pengajuan sengketa tidak dapat dinilai.",
                   "The objection date is unknown; the timeliness of the filing cannot be assessed.");
  }
  filing_assessment a;
  if (dates.objection_response_date) {
    // Start: the day the atasan's answer was received.
    const auto start = *dates.objection_response_date;
    const auto due = due_of("dispute_filing", start);
    a.period_start = start;
    a.due = due;
    a.filing_timely = filed_on <= due;
    a.reasoning_id = fmt::format(
        "Tanggapan atasan PPID diterima {}; batas pengajuan sengketa {} menurut {}. Permohonan diajukan {}: {}.",
        format_iso_date(start), format_iso_date(due), rule_id, filed,
        *a.filing_timely ? "tepat waktu" : "melewati batas waktu");
    a.reasoning_en = fmt::format(
        "The atasan PPID's answer was received on {}; the filing was due by {} under the {}. Filed on {}: {}.",
        format_iso_date(start), format_iso_date(due), rule_en, filed, *a.filing_timely ? "in time" : "late");
    return a;
  }
  // No answer: the atasan's own period must lapse first; the filing period starts the day after.
  const auto atasan_due = due_of("atasan_response", *dates.objection_date);
  const auto start = add_days(atasan_due, 1);
  const auto due = due_of("dispute_filing", start);
  a.period_start = start;
  a.due = due;
  if (filed_on <= atasan_due) {
    a.filing_timely = false;
    a.reasoning_id = fmt::format(
        "Keberatan diajukan {} dan belum ditanggapi; jangka waktu tanggapan atasan PPID (`atasan_response`) baru "
        "berakhir {}. Permohonan diajukan {}, sebelum jangka waktu itu berakhir (prematur); jangka waktu pengajuan "
        "sengketa baru berjalan {} sampai {}.",
        format_iso_date(*dates.objection_date), format_iso_date(atasan_due), filed, format_iso_date(start),
        format_iso_date(due));
    a.reasoning_en = fmt::format(
        "The objection was filed on {} and not answered; the atasan PPID's period (`atasan_response`) ran until "
        "{}. Filed on {}, before that period ended (premature); the filing period only runs from {} to {}.",
        format_iso_date(*dates.objection_date), format_iso_date(atasan_due), filed, format_iso_date(start),
        format_iso_date(due));
    return a;
  }
  a.filing_timely = filed_on <= due;
  a.reasoning_id = fmt::format(
      "Keberatan diajukan {} dan tidak ditanggapi sampai batas `atasan_response` {}; jangka waktu pengajuan "
      "dihitung mulai {} dan berakhir {} menurut {}. Permohonan diajukan {}: {}.",
      format_iso_date(*dates.objection_date), format_iso_date(atasan_due), format_iso_date(start),
      format_iso_date(due), rule_id, filed, *a.filing_timely ? "tepat waktu" : "melewati batas waktu");
  a.reasoning_en = fmt::format(
      "The objection was filed on {} and not answered by the `atasan_response` due date {}; the filing period "
      "counts from {} and ends {} under the {}. Filed on {}: {}.",
      format_iso_date(*dates.objection_date), format_iso_date(atasan_due), format_iso_date(start),
      format_iso_date(due), rule_en, filed, *a.filing_timely ? "in time" : "late");
  return a;
}

}  // namespace perkara::domain::disputes
