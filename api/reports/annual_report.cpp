#include "api/reports/annual_report.hpp"

#include "api/reports/csv.hpp"
#include "domain/html_text.hpp"
#include "domain/letters/indonesian_date.hpp"

#include <fmt/format.h>

namespace perkara::api {
namespace {

using namespace domain::reports;

std::string count(long long n) { return std::to_string(n); }

// Indonesian decimals: a comma ("2,5"); "-" when there is nothing to measure.
std::string decimal(const std::optional<double>& v) {
  if (!v) {
    return "-";
  }
  auto text = fmt::format("{:.2f}", *v);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  for (auto& c : text) {
    if (c == '.') {
      c = ',';
    }
  }
  return text;
}

long long of(const std::vector<count_row>& rows, std::string_view key) {
  for (const auto& r : rows) {
    if (r.key == key) {
      return r.count;
    }
  }
  return 0;
}

std::string channel_label(std::string_view key) {
  if (key == "web") return "Situs web";
  if (key == "email") return "Surat elektronik";
  if (key == "walk_in") return "Datang langsung";
  if (key == "letter") return "Surat";
  if (key == "phone") return "Telepon";
  return "Faksimile";
}

std::string outcome_label(std::string_view key) {
  if (key == "granted") return "Dikabulkan seluruhnya";
  if (key == "partly_granted") return "Dikabulkan sebagian";
  if (key == "rejected") return "Ditolak";
  if (key == "inadmissible") return "Tidak dapat diterima";
  if (key == "no_jurisdiction") return "Komisi Informasi tidak berwenang";
  return "Putusan mediasi (kesepakatan)";
}

constexpr const char* style =
    "body{font-family:serif;margin:2cm;color:#000}h1{font-size:16pt}h2{font-size:13pt;margin-top:1.5em}"
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:4px 8px;text-align:left}"
    "td.n{text-align:right;width:8em}@media print{body{margin:0}}";

}  // namespace

std::vector<report_table> ppid_annual_tables(const ppid_report& r) {
  report_table received{"Tabel 1. Permohonan informasi publik yang diterima",
                        {{"Jumlah permohonan", count(r.received)}}};
  for (const auto& c : r.by_channel) {
    received.rows.emplace_back("Melalui " + channel_label(c.key), count(c.count));
  }
  report_table time{"Tabel 2. Waktu pemenuhan permohonan",
                    {{"Dijawab dalam jangka waktu", count(r.answered_within_period)},
                     {"Dijawab dalam perpanjangan waktu", count(r.answered_within_extension)},
                     {"Dijawab melewati jangka waktu", count(r.answered_late)},
                     {"Tidak dijawab", count(r.never_answered)},
                     {"Masih dalam proses", count(r.pending)},
                     {"Median hari kerja sampai dijawab", decimal(r.median_working_days)},
                     {"Persentil ke-90 hari kerja sampai dijawab", decimal(r.p90_working_days)},
                     {"Perpanjangan waktu digunakan", count(r.extensions_used)}}};
  report_table outcomes{"Tabel 3. Keputusan atas permohonan",
                        {{"Dikabulkan seluruhnya", count(of(r.outcomes, "granted"))},
                         {"Dikabulkan sebagian", count(of(r.outcomes, "partly_granted"))},
                         {"Ditolak", count(of(r.outcomes, "refused"))},
                         {"Informasi tidak dikuasai", count(of(r.outcomes, "not_held"))}}};
  for (const auto& e : r.refused_by_exemption) {
    outcomes.rows.emplace_back(e.key == "none" ? std::string("Ditolak tanpa menyebut dasar pengecualian")
                                               : fmt::format("Ditolak berdasarkan UU 14/2008 Pasal 17 huruf {}", e.key),
                               count(e.count));
  }
  report_table objections{"Tabel 4. Keberatan dan sengketa informasi",
                          {{"Keberatan diajukan", count(r.objections)},
                           {"Keberatan: jawaban PPID dikuatkan atasan", count(of(r.objection_outcomes, "upheld"))},
                           {"Keberatan: jawaban PPID dibatalkan atasan", count(of(r.objection_outcomes, "overturned"))},
                           {"Keberatan masih dalam proses", count(of(r.objection_outcomes, "pending"))},
                           {"Sengketa informasi diajukan ke Komisi Informasi", count(r.disputes)},
                           {"Sengketa per 100 permohonan", decimal(r.dispute_rate)}}};
  return {received, time, outcomes, objections};
}

std::vector<report_table> ki_annual_tables(const ki_report& r) {
  report_table received{"Tabel 1. Permohonan penyelesaian sengketa informasi",
                        {{"Diterima", count(r.received)},
                         {"Diregistrasi", count(r.registered)},
                         {"Tidak diregistrasi", count(r.rejected)},
                         {"Dicabut", count(r.withdrawn)},
                         {"Gugur", count(r.lapsed)}}};
  report_table decided{"Tabel 2. Penyelesaian sengketa",
                       {{"Diputus", count(r.decided)},
                        {"Melalui mediasi", count(of(r.by_route, "mediation"))},
                        {"Melalui ajudikasi nonlitigasi", count(of(r.by_route, "adjudication"))}}};
  for (const auto& o : r.outcomes) {
    decided.rows.emplace_back("Putusan: " + outcome_label(o.key), count(o.count));
  }
  decided.rows.emplace_back("Diputus dalam jangka waktu", count(r.decided_on_time));
  decided.rows.emplace_back("Diputus melewati jangka waktu", count(r.decided_late));
  decided.rows.emplace_back("Median hari kerja dari registrasi sampai putusan", decimal(r.median_days_to_decision));
  decided.rows.emplace_back("Rasio penyelesaian (selesai per 100 diterima)", decimal(r.clearance_rate));
  report_table pending{"Tabel 3. Sengketa dalam proses pada akhir periode", {{"Jumlah", count(r.pending)}}};
  for (const auto& a : r.pending_by_age) {
    pending.rows.emplace_back("Umur " + a.key + " hari", count(a.count));
  }
  report_table court{"Tabel 4. Keberatan ke pengadilan", {{"Keberatan diajukan", count(r.court_objections)}}};
  for (const auto& c : r.court_results) {
    court.rows.emplace_back(c.key == "pending" ? std::string("Belum diputus") : "Putusan pengadilan: " + c.key,
                            count(c.count));
  }
  return {received, decided, pending, court};
}

std::string annual_report_html(const std::string& heading, const report_scope& scope, const period& p,
                               const std::vector<report_table>& tables) {
  const auto name = scope.organisation ? scope.organisation->name : std::string("Nasional");
  std::string out = fmt::format(
      "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{0}</title><style>{1}</style></head><body>"
      "<h1>{0}</h1><p>{2}<br>Periode {3} s.d. {4}</p>",
      domain::html_escape(heading), style, domain::html_escape(name), domain::letters::format_indonesian_date(p.from),
      domain::letters::format_indonesian_date(p.to));
  for (const auto& t : tables) {
    out += fmt::format(
        "<h2>{}</h2><table><thead><tr><th scope=\"col\">Uraian</th><th scope=\"col\">Jumlah</th></tr></thead><tbody>",
        domain::html_escape(t.title));
    for (const auto& [label, value] : t.rows) {
      out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td></tr>", domain::html_escape(label),
                         domain::html_escape(value));
    }
    out += "</tbody></table>";
  }
  out += "<p>Dihitung oleh perkara dari catatan perkara (docs/open-data.md).</p></body></html>";
  return out;
}

std::string annual_report_csv(const std::vector<report_table>& tables) {
  std::string out = "tabel,uraian,jumlah\r\n";
  for (const auto& t : tables) {
    for (const auto& [label, value] : t.rows) {
      out += csv_cell(t.title) + "," + csv_cell(label) + "," + csv_cell(value) + "\r\n";
    }
  }
  return out;
}

std::string annual_report_content_security_policy() {
  return "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

}  // namespace perkara::api
