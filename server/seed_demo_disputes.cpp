// Demo dispute cases at KI Kepulauan Bangka Belitung in every state, created through the workflow's
// service functions (api/disputes/dispute_service.hpp) with past instants relative to the clock's now,
// so deadlines, hearings, events and numbers are what the real workflow produces.
#include "api/disputes/dispute_service.hpp"
#include "server/seed_demo.hpp"

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <vector>
#include <stdexcept>

namespace perkara::server {
namespace {

struct demo_case {
  const char* applicant;
  const char* respondent;
  const char* information;
  const char* ground;
  int submitted_days_ago;
  const char* target;  // the state the case is driven to
};

// Indonesian names and realistic requests against the Pangkalpinang KPU and the provincial Bawaslu.
constexpr demo_case demo_cases[] = {
    {"Budi Santoso", "kpu-pangkalpinang", "Salinan formulir C.Hasil TPS 005 Kelurahan Bukit Intan", "e", 2, "submitted"},
    {"Rahmat Hidayat", "bawaslu-babel", "Laporan hasil pengawasan kampanye di Kota Pangkalpinang", "c", 6, "incomplete"},
    {"Siti Aminah", "kpu-pangkalpinang", "Daftar Pemilih Tetap Kecamatan Gerunggang (rekap)", "d", 12, "registered"},
    {"Yayasan Rumah Demokrasi Babel", "bawaslu-babel", "Rekapitulasi temuan dan laporan pelanggaran Pemilu 2024", "c", 20,
     "preliminary_examination"},
    {"Hendra Gunawan", "kpu-pangkalpinang", "Berita acara rekapitulasi PPK Kecamatan Taman Sari", "e", 30, "mediation"},
    {"Dewi Lestari", "bawaslu-babel", "Dokumen penanganan pelanggaran nomor 012/LP/PL/Kota/2024", "a", 45, "adjudication"},
    {"Agus Salim", "kpu-pangkalpinang", "Salinan keputusan penetapan DCT DPRD Kota Pangkalpinang", "e", 60, "decided"},
    {"Lembaga Bantuan Hukum Bangka", "kpu-pangkalpinang", "Dokumen anggaran pengadaan logistik Pemilu 2024", "d", 95,
     "court_objection"},
    {"Nurhayati", "bawaslu-babel", "Laporan dana hibah pengawasan Pemilu 2024", "c", 130, "final"},
    // Both parties objected to the PTUN, which decided; the respondent then sought cassation (docs/deadlines.md).
    {"Perkumpulan Pemantau Pemilu Bangka", "kpu-pangkalpinang", "Salinan berita acara pleno rekapitulasi Kota Pangkalpinang",
     "d", 120, "cassation"},
    {"Fajar Nugraha", "kpu-pangkalpinang", "Daftar anggota KPPS Kelurahan Pasar Padi", "e", 160, "closed"},
    {"Rudi Hartono", "bawaslu-babel", "Notulen rapat pleno pengawasan tahapan kampanye", "c", 40, "withdrawn"},
};

// The application body; dates of the PPID stage a few weeks before the submission.
std::string application_body(const demo_case& c, domain::instant submitted_at) {
  const auto submitted_on = domain::local_date(submitted_at, wib);
  const auto date = [&](int days_before) { return domain::format_iso_date(domain::add_days(submitted_on, -days_before)); };
  const bool entity = std::string_view(c.applicant).starts_with("Yayasan") || std::string_view(c.applicant).starts_with("Lembaga");
  const bool incomplete = std::string_view(c.target) == "incomplete";
  std::string attachments = R"("request_letter","request_receipt","ppid_response","objection_letter","objection_receipt","atasan_response")";
  if (!incomplete) {
    attachments += entity ? R"(,"articles_of_association")" : R"(,"identity_document")";
  }
  return fmt::format(
      R"({{"chronology":{{"request_date":"{}","ppid_response_date":"{}","objection_date":"{}","objection_response_date":"{}"}},)"
      R"("applicant":{{"kind":"{}","name":"{}","address":"Jl. Jenderal Sudirman, Pangkalpinang","email":"pemohon.demo@example.id"}},)"
      R"("respondent":"{}","information_requested":"{}","reasons":"Permohonan informasi tidak dipenuhi sebagaimana mestinya",)"
      R"("grounds":["{}"],"petitum":["Memerintahkan termohon memberikan informasi yang dimohon"],"submitted_at":"{}",)"
      R"("attachments":[{}]}})",
      date(28), date(24), date(20), date(8), entity ? "legal_entity" : "individual", c.applicant, c.respondent,
      c.information, c.ground, rfc(submitted_at), attachments);
}

}  // namespace

std::size_t seed_demo_disputes(ports::database& db, const ports::clock& clock) {
  const auto now = clock.now();
  {
    auto tx = db.begin(ports::access::read);
    ports::dispute_filter existing;
    existing.ki = "ki-babel";
    existing.limit = 1;
    if (!tx->disputes().list(existing).empty()) {
      return 0;  // demo cases exist already
    }
  }
  const auto day = std::chrono::hours{24};
  // 10:00 WIB on the day `days_ago` days before today.
  const auto at = [&](double days_ago) {
    const auto today = domain::local_date(now, wib);
    return domain::start_of_local_day(today, wib) + std::chrono::hours{10} -
           std::chrono::duration_cast<std::chrono::seconds>(day * days_ago);
  };

  // Oldest first, so register numbers follow registration order as they would in the registry.
  std::vector<demo_case> ordered(std::begin(demo_cases), std::end(demo_cases));
  std::sort(ordered.begin(), ordered.end(),
            [](const demo_case& a, const demo_case& b) { return a.submitted_days_ago > b.submitted_days_ago; });
  std::size_t created = 0;
  for (const auto& c : ordered) {
    auto tx = db.begin(ports::access::write);
    const auto registrar = demo_actor(*tx, "panitera.babel");
    const auto commissioner = demo_actor(*tx, "komisioner.babel");
    const int t0 = c.submitted_days_ago;
    const auto submitted = at(t0);
    const auto body = boost::json::parse(application_body(c, submitted)).as_object();
    const auto id = api::submit_dispute(*tx, registrar, body, submitted).dispute.id;
    const std::string target = c.target;
    const auto step = [&](const domain::case_actor& who, const char* action, const std::string& json, double days_ago) {
      api::act_on_dispute(*tx, who, id, action, boost::json::parse(json).as_object(), std::nullopt, at(days_ago));
    };
    const auto hearing = [&](const char* kind, double days_from_now, bool online) {
      const auto when = rfc(at(-days_from_now));
      return online ? fmt::format(R"({{"kind":"{}","scheduled_at":"{}","online_link":"https://zoom.example/ki-babel"}})", kind, when)
                    : fmt::format(R"({{"kind":"{}","scheduled_at":"{}","location":"Ruang Sidang KI Kep. Bangka Belitung"}})",
                                  kind, when);
    };
    if (target == "incomplete") {
      step(registrar, "request_completion", R"({"missing":["identity_document"]})", t0 - 1);
    }
    if (target == "submitted" || target == "incomplete") {
      tx->commit();
      ++created;
      continue;
    }
    step(registrar, "register", "{}", t0 - 1);
    if (target == "withdrawn") {
      step(registrar, "withdraw", R"({"reason":"Pemohon telah menerima informasi dari termohon"})", t0 - 5);
    } else if (target == "registered") {
      step(registrar, "schedule_hearing", hearing("preliminary_examination", 3, false), t0 - 2);
    } else {
      step(registrar, "schedule_hearing", hearing("preliminary_examination", -(t0 - 4), false), t0 - 2);
      step(commissioner, "open_preliminary_examination", "{}", t0 - 4);
    }
    if (target == "preliminary_examination") {
      step(registrar, "schedule_hearing", hearing("preliminary_examination", 5, false), t0 - 5);
    } else if (target == "mediation" || target == "closed") {
      step(commissioner, "start_mediation", R"({"mediator":"mediator.babel"})", t0 - 6);
      step(commissioner, "schedule_hearing", hearing("mediation", target == "mediation" ? 2 : -(t0 - 8), false), t0 - 7);
      if (target == "closed") {
        step(commissioner, "decide",
             R"({"outcome":"mediation_agreement","orders":[{"text":"Termohon memberikan salinan daftar anggota KPPS","due_days":10}]})",
             t0 - 10);
        step(registrar, "serve_copy", R"({"party":"applicant"})", t0 - 11);
        step(registrar, "serve_copy", R"({"party":"respondent"})", t0 - 11);
        step(registrar, "record_compliance",
             R"({"complied":true,"evidence":"Tanda terima salinan daftar anggota KPPS tanggal penyerahan"})", t0 - 25);
      }
    } else if (target == "cassation") {
      step(commissioner, "start_adjudication", "{}", t0 - 6);
      const int decided_ago = t0 - 12;
      step(commissioner, "decide",
           R"({"outcome":"granted","orders":[{"text":"Termohon memberikan salinan berita acara pleno","due_days":10}]})",
           decided_ago);
      // The respondent's copy was handed over; the applicant's went by post and arrived three days later.
      step(registrar, "serve_copy", R"({"party":"respondent"})", decided_ago - 1);
      step(registrar, "serve_copy",
           R"({"party":"applicant","served_at":")" + rfc(at(decided_ago - 1)) + R"(","delivered_at":")" +
               rfc(at(decided_ago - 4)) + R"("})",
           decided_ago - 4);
      step(registrar, "record_court_objection",
           R"({"party":"respondent","filed_at":")" + rfc(at(decided_ago - 8)) +
               R"(","court":"PTUN Pangkalpinang","case_number":"9/G/KI/2024/PTUN.PGP"})",
           decided_ago - 8);
      step(registrar, "record_court_objection",
           R"({"party":"applicant","filed_at":")" + rfc(at(decided_ago - 10)) +
               R"(","court":"PTUN Pangkalpinang","case_number":"10/G/KI/2024/PTUN.PGP"})",
           decided_ago - 10);
      // The PTUN's decision reached the applicant by post two days after it was pronounced (its cassation
      // window runs from then); the respondent's receipt is not known (presumed at the pronouncement).
      step(registrar, "record_court_decision",
           R"({"decided_at":")" + rfc(at(decided_ago - 45)) +
               R"(","result":"Menguatkan putusan Komisi Informasi","court":"PTUN Pangkalpinang",)"
               R"("deliveries":[{"party":"applicant","delivered_at":")" +
               rfc(at(decided_ago - 47)) + R"("}]})",
           decided_ago - 47);
      step(registrar, "record_court_objection",
           R"({"party":"respondent","instance":"cassation","filed_at":")" + rfc(at(decided_ago - 50)) +
               R"(","case_number":"31 K/TUN/KI/2024"})",
           decided_ago - 50);
    } else if (target == "adjudication" || target == "decided" || target == "court_objection" || target == "final") {
      step(commissioner, "start_adjudication", "{}", t0 - 6);
      step(commissioner, "schedule_hearing", hearing("evidence", target == "adjudication" ? 7 : -(t0 - 8), true), t0 - 7);
      if (target != "adjudication") {
        const auto decided_ago = target == "decided" ? 10 : t0 - 12;
        step(commissioner, "decide",
             R"({"outcome":"partly_granted","orders":[{"text":"Termohon memberikan informasi yang dimohon kecuali data pribadi","due_days":14}]})",
             decided_ago);
        step(registrar, "serve_copy", R"({"party":"applicant"})", decided_ago - 1);
        step(registrar, "serve_copy", R"({"party":"respondent"})", decided_ago - 2);
        if (target == "court_objection") {
          step(registrar, "record_court_objection",
               R"({"party":"respondent","filed_at":")" + rfc(at(decided_ago - 6)) +
                   R"(","court":"PTUN Pangkalpinang","case_number":"7/G/KI/2024/PTUN.PGP"})",
               decided_ago - 6);
        } else if (target == "final") {
          step(registrar, "mark_final", "{}", decided_ago - 40);
        }
      }
    }
    tx->commit();
    ++created;
  }
  return created;
}

}  // namespace perkara::server
