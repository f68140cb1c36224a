// Demo information requests at KPU Kota Pangkalpinang and Bawaslu Provinsi Kepulauan Bangka Belitung in
// every state (received, extended, answered, objected, objection_answered, closed, disputed), some
// overdue under either rule set (unanswered for 20+ days), created through the PPID workflow's service functions (api/requests/request_service.hpp)
// with past instants relative to the clock's now, so numbers, deadlines and events are real.
#include "api/disputes/dispute_service.hpp"
#include "api/requests/request_service.hpp"
#include "server/seed_demo.hpp"

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include <chrono>
#include <stdexcept>
#include <string_view>

namespace perkara::server {
namespace {

struct demo_request {
  const char* applicant;
  const char* kind;  // individual / legal_entity / group
  const char* respondent;
  const char* information;
  const char* purpose;
  int received_days_ago;
  const char* target;  // state to drive it to; "overdue" = received and left unanswered
};

// clang-format off
constexpr demo_request demo_requests[] = {
    {"Rina Marlina", "individual", "kpu-pangkalpinang", "Salinan formulir Model D.Hasil Kecamatan Rangkui", "Pemantauan hasil pemilu", 1, "received"},
    {"Andi Pratama", "individual", "kpu-pangkalpinang", "Daftar lokasi TPS di Kelurahan Gabek Satu", "Informasi bagi warga", 20, "overdue"},
    {"Perkumpulan Pemilih Muda Babel", "legal_entity", "kpu-pangkalpinang", "Anggaran sosialisasi Pemilu 2024 KPU Kota Pangkalpinang", "Kajian transparansi anggaran", 3, "extended"},
    {"Muhammad Rizki", "individual", "kpu-pangkalpinang", "Jadwal rekapitulasi suara tingkat kota", "Liputan media", 6, "answered"},
    {"Lestari Wulandari", "individual", "kpu-pangkalpinang", "Data jumlah pemilih disabilitas per kecamatan", "Advokasi aksesibilitas", 16, "objected"},
    {"Koalisi Masyarakat Sipil Pangkalpinang", "group", "kpu-pangkalpinang", "Notulen rapat pleno penetapan hasil Pemilu DPRD Kota", "Pengawasan publik", 30, "objection_answered"},
    {"Taufik Hidayat", "individual", "kpu-pangkalpinang", "Salinan SK pembentukan PPK se-Kota Pangkalpinang", "Penelitian skripsi", 12, "closed"},
    {"Yusuf Maulana", "individual", "kpu-pangkalpinang", "Dokumen pengadaan kotak suara Pemilu 2024", "Pemantauan pengadaan", 45, "disputed"},
    {"Indah Permatasari", "individual", "bawaslu-babel", "Laporan hasil pengawasan masa tenang di Kabupaten Bangka", "Penelitian", 2, "received"},
    {"Lembaga Kajian Demokrasi Bangka", "legal_entity", "bawaslu-babel", "Rekapitulasi dugaan pelanggaran netralitas ASN 2024", "Kajian kebijakan", 24, "overdue"},
    {"Eko Saputra", "individual", "bawaslu-babel", "Putusan penyelesaian sengketa proses pemilu tingkat provinsi", "Bahan ajar", 4, "extended"},
    {"Maya Sari", "individual", "bawaslu-babel", "Daftar pengawas TPS Kecamatan Sungailiat", "Informasi publik", 8, "answered"},
    {"Forum Jurnalis Babel", "group", "bawaslu-babel", "Laporan penggunaan dana hibah pengawasan Pilkada 2024", "Liputan investigasi", 20, "objected"},
};
// clang-format on

}  // namespace

std::size_t seed_demo_requests(ports::database& db, const ports::clock& clock) {
  const auto now = clock.now();
  {
    auto tx = db.begin(ports::access::read);
    ports::request_filter existing;
    existing.respondent = "kpu-pangkalpinang";
    existing.limit = 1;
    if (!tx->requests().list(existing).empty()) {
      return 0;  // demo requests exist already
    }
  }
  // 09:30 WIB on the day `days_ago` days before today, plus `hours`.
  const auto at = [&](int days_ago, int hours = 0) {
    const auto today = domain::local_date(now, wib);
    return domain::start_of_local_day(today, wib) + std::chrono::minutes{9 * 60 + 30} + std::chrono::hours{hours} -
           std::chrono::hours{24 * days_ago};
  };
  const auto json = [](std::string_view text) { return boost::json::parse(text).as_object(); };

  std::size_t created = 0;
  for (const auto& d : demo_requests) {
    auto tx = db.begin(ports::access::write);
    const bool kpu = std::string_view(d.respondent) == "kpu-pangkalpinang";
    const auto ppid = demo_actor(*tx, kpu ? "ppid.pangkalpinang" : "ppid.bawaslu-babel");
    const auto received = at(d.received_days_ago);

    domain::new_request_input in;
    in.respondent = d.respondent;
    in.received_at = rfc(received);
    in.channel = created % 3 == 0 ? "web" : created % 3 == 1 ? "email" : "walk_in";
    in.applicant.kind = d.kind;
    in.applicant.name = d.applicant;
    in.applicant.address = "Jl. Jenderal Sudirman No. " + std::to_string(10 + created) + ", Pangkalpinang";
    in.applicant.email = fmt::format("pemohon{}@example.id", created + 1);
    in.applicant.phone = fmt::format("+62812700000{:02}", created + 1);
    if (std::string_view(d.kind) == "individual") {
      in.applicant.id_number = fmt::format("19710{:011}", 40000000 + created);
    }
    in.information_requested = d.information;
    in.purpose = d.purpose;
    in.format = "softcopy";
    in.delivery_medium = "email";
    const auto id = api::create_request(*tx, ppid, in, received + std::chrono::minutes{5}).id;

    const std::string target = d.target;
    const auto step = [&](const domain::case_actor& who, const char* action, const std::string& body,
                          domain::instant when) {
      api::act_on_request(*tx, who, id, action, json(body), std::nullopt, when);
    };
    // Answered on the next working morning, or three days after receipt for the older ones.
    const int answer_after = d.received_days_ago >= 12 ? 3 : 1;
    const auto responded = at(d.received_days_ago - answer_after);
    if (target == "extended") {
      step(ppid, "extend", R"({"reason":"Informasi masih dihimpun dari PPK dan sekretariat"})", at(d.received_days_ago - 1));
    }
    if (target == "answered" || target == "closed" || target == "objected" || target == "objection_answered") {
      const bool refused = target != "closed" && target != "answered";
      step(ppid, "respond",
           fmt::format(R"({{"decision":"{}","reasons":"{}","responded_at":"{}"}})", refused ? "refused" : "granted",
                       refused ? "Informasi dikecualikan berdasarkan Pasal 17 huruf h UU 14/2008" : "",
                       rfc(responded)),
           responded);
    }
    if (target == "objected" || target == "objection_answered") {
      // The refusal went by post and reached the applicant the next day (docs/deadlines.md §5 "Receipt facts").
      const auto delivered = at(d.received_days_ago - answer_after - 1);
      api::record_request_delivery(*tx, ppid, id, domain::record_delivery_command{"response", rfc(delivered)},
                                   std::nullopt, delivered);
      const auto objected = at(d.received_days_ago - answer_after - 2);
      step(ppid, "file_objection",
           fmt::format(R"({{"grounds":["a"],"reasons":"Pemohon menilai informasi tersebut bukan informasi yang dikecualikan","received_at":"{}"}})",
                       rfc(objected)),
           objected);
      if (target == "objection_answered") {
        // Only KPU Pangkalpinang has a demo atasan PPID (atasan.pangkalpinang).
        const auto atasan = demo_actor(*tx, "atasan.pangkalpinang");
        const auto answered = at(d.received_days_ago - answer_after - 4);
        step(atasan, "answer_objection",
             fmt::format(R"({{"decision":"upheld","reasons":"Atasan PPID menguatkan pengecualian informasi","answered_at":"{}"}})",
                         rfc(answered)),
             answered);
      }
    }
    if (target == "closed") {
      step(ppid, "close", R"({"reason":"Pemohon telah menerima informasi dan menyatakan puas"})", at(d.received_days_ago - 4));
    }
    if (target == "disputed") {
      // Left unanswered, objected on silence, then taken to KI Babel by the applicant.
      // 25 days after receipt: past the response period of either rule set (3 or 10 HK).
      const auto objected = at(d.received_days_ago - 25);
      step(ppid, "file_objection",
           fmt::format(R"({{"grounds":["c"],"reasons":"Permohonan tidak ditanggapi dalam jangka waktu","received_at":"{}"}})",
                       rfc(objected)),
           objected);
      const auto submitted = at(d.received_days_ago - 35);
      const auto registrar = demo_actor(*tx, "panitera.babel");
      const auto body = json(fmt::format(
          R"({{"request_id":"{}","applicant":{{"kind":"individual","name":"{}","address":"Jl. Jenderal Sudirman, Pangkalpinang","email":"pemohon.demo@example.id"}},)"
          R"("respondent":"{}","information_requested":"{}","reasons":"Permohonan dan keberatan tidak ditanggapi",)"
          R"("grounds":["c"],"petitum":["Memerintahkan termohon memberikan informasi yang dimohon"],"submitted_at":"{}",)"
          R"("attachments":["request_letter","request_receipt","objection_letter","objection_receipt","identity_document"]}})",
          id, d.applicant, d.respondent, d.information, rfc(submitted)));
      api::submit_dispute(*tx, registrar, body, submitted);
    }
    tx->commit();
    ++created;
  }
  return created;
}

}  // namespace perkara::server
