// A year of demo history for the reports dashboard (issue 18, docs/open-data.md): about eighty
// requests at KPU Kota Pangkalpinang and Bawaslu Provinsi Kepulauan Bangka Belitung, received every few
// days over the past year through every channel, answered with every outcome (some after an extension,
// some late, refusals citing Pasal 17 grounds), some objected to. Created through the PPID workflow's
// service functions with past instants, like the other demo requests, so every measure is real.
#include "api/requests/request_service.hpp"
#include "server/seed_demo.hpp"

#include <fmt/format.h>
#include <boost/json/parse.hpp>

#include <chrono>
#include <stdexcept>

namespace perkara::server {
namespace {

constexpr int oldest_days_ago = 360;
constexpr int newest_days_ago = 50;  // the other demo requests are younger
constexpr int every_days = 4;

constexpr const char* channels[] = {"web", "email", "walk_in", "letter", "web", "email", "phone"};
constexpr const char* exemptions[] = {"b", "h", "j", "c"};
constexpr const char* subjects[] = {"Salinan formulir C.Hasil TPS", "Daftar pemilih tetap per kelurahan",
                                    "Anggaran sosialisasi pemilu",  "Notulen rapat pleno",
                                    "Daftar anggota KPPS",          "Laporan dana kampanye"};

}  // namespace

std::size_t seed_demo_history(ports::database& db, const ports::clock& clock) {
  const auto now = clock.now();
  const auto today = domain::local_date(now, wib);
  {
    auto tx = db.begin(ports::access::read);
    ports::request_filter existing;
    existing.respondent = "kpu-pangkalpinang";
    existing.received_to = domain::add_days(today, -newest_days_ago);
    existing.limit = 1;
    if (!tx->requests().list(existing).empty()) {
      return 0;  // the history exists already
    }
  }
  // 09:30 WIB on the day `days_ago` days before today.
  const auto at = [&](int days_ago) {
    return domain::start_of_local_day(domain::add_days(today, -days_ago), wib) + std::chrono::minutes{9 * 60 + 30};
  };
  const auto json = [](const std::string& text) { return boost::json::parse(text).as_object(); };

  std::size_t created = 0;
  for (int days_ago = oldest_days_ago; days_ago >= newest_days_ago; days_ago -= every_days) {
    const auto i = created;
    const bool kpu = i % 2 == 0;
    auto tx = db.begin(ports::access::write);
    const auto ppid = demo_actor(*tx, kpu ? "ppid.pangkalpinang" : "ppid.bawaslu-babel");
    const auto received = at(days_ago);
    domain::new_request_input in;
    in.respondent = kpu ? "kpu-pangkalpinang" : "bawaslu-babel";
    in.received_at = rfc(received);
    in.channel = channels[i % std::size(channels)];
    in.applicant.kind = "individual";
    in.applicant.name = fmt::format("Pemohon Riwayat {}", i + 1);
    in.information_requested = fmt::format("{} (riwayat {})", subjects[i % std::size(subjects)], i + 1);
    in.purpose = "Pemantauan pemilu";
    in.format = "softcopy";
    in.delivery_medium = "email";
    const auto id = api::create_request(*tx, ppid, in, received + std::chrono::minutes{5}).id;
    const auto step = [&](const domain::case_actor& who, const char* action, const std::string& body,
                          domain::instant when) {
      api::act_on_request(*tx, who, id, action, json(body), std::nullopt, when);
    };

    // Outcome and timing by position: mostly granted within a day or two, some after an extension,
    // some late (9 days), refusals citing an exemption, information not held.
    const auto kind = i % 10;
    int answer_after = 1 + static_cast<int>(i % 2);
    if (i % 7 == 3) {
      answer_after = 9;
    }
    if (kind == 9) {
      step(ppid, "extend", R"({"reason":"Informasi masih dihimpun dari satuan kerja"})", at(days_ago - 1));
      answer_after = 4;
    }
    const char* decision = kind <= 4 || kind == 9 ? "granted"
                           : kind <= 6            ? "partly_granted"
                           : kind == 7            ? "refused"
                                                  : "not_held";
    std::string reasons;  // required for every answer but a full grant
    if (kind == 7) {
      reasons = fmt::format("Dikecualikan berdasarkan Pasal 17 huruf {} UU 14/2008",
                            exemptions[(i / 10) % std::size(exemptions)]);
    } else if (kind == 8) {
      reasons = "Informasi tidak dikuasai";
    } else if (kind == 5 || kind == 6) {
      reasons = "Sebagian informasi belum tersedia dalam bentuk yang diminta";
    }
    const auto responded = at(days_ago - answer_after);
    step(ppid, "respond",
         fmt::format(R"({{"decision":"{}","reasons":"{}","responded_at":"{}"}})", decision, reasons, rfc(responded)),
         responded);
    if (kind == 7) {
      const auto objected = at(days_ago - answer_after - 2);
      step(ppid, "file_objection",
           fmt::format(R"({{"grounds":["a"],"reasons":"Bukan informasi yang dikecualikan","received_at":"{}"}})",
                       rfc(objected)),
           objected);
      if (kpu) {
        const auto answered = at(days_ago - answer_after - 5);
        step(demo_actor(*tx, "atasan.pangkalpinang"), "answer_objection",
             fmt::format(R"({{"decision":"{}","reasons":"Keputusan atasan PPID","answered_at":"{}"}})",
                         (i / 10) % 2 == 0 ? "upheld" : "overturned", rfc(answered)),
             answered);
      }
    }
    tx->commit();
    ++created;
  }
  return created;
}

}  // namespace perkara::server
