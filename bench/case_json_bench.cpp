// Case JSON benchmarks: a decided dispute (chronology, 3 hearings, decision with 2 orders, its clocks with
// explanations) and an information request whose objection was answered, as the workflow stores and shows
// them. The cases are made once by the real services on a temporary migrated SQLite database (reference
// data from data/, demo users); then each piece of GET /api/v1/disputes/{id} and /requests/{id} is timed
// alone, and the whole read (transaction, load, view, serialise) without HTTP.
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPERKARA_BENCH=ON -DPERKARA_TESTS=OFF
//   make -C build-bench perkara_bench_case_json && build-bench/bench/perkara_bench_case_json

#include "api/calendar/calendar_service.hpp"
#include "api/cases/case_support.hpp"
#include "api/disputes/dispute_document.hpp"
#include "api/disputes/dispute_service.hpp"
#include "api/disputes/dispute_view.hpp"
#include "api/requests/request_service.hpp"
#include "api/requests/request_view.hpp"
#include "bench/bench_main.hpp"
#include "persistence/database_url.hpp"
#include "persistence/migrations.hpp"
#include "persistence/soci_database.hpp"
#include "server/seed_demo.hpp"

#include <benchmark/benchmark.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace perkara;
namespace ds = domain::disputes;

constexpr int wib = 7 * 60;

class fixed_clock final : public ports::clock {
 public:
  explicit fixed_clock(domain::instant now) : now_(now) {}
  [[nodiscard]] domain::instant now() const override { return now_; }

 private:
  domain::instant now_;
};

std::string rfc(domain::instant t) { return domain::format_rfc3339(t, wib); }

domain::user user_named(ports::transaction& tx, const std::string& username) {
  const auto cred = tx.users().find_credentials(username);
  if (!cred) {
    throw std::runtime_error("bench: demo user missing: " + username);
  }
  return cred->user;
}

// The temporary database with the cases; removed at exit.
struct fixture {
  std::filesystem::path dir;
  std::unique_ptr<ports::database> db;
  domain::instant now{};
  domain::case_actor registrar;
  std::string dispute_id;
  domain::case_actor ppid;
  std::string request_id;

  fixture() {
    std::string pattern = (std::filesystem::temp_directory_path() / "perkara-bench-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("bench: cannot create a temporary directory");
    }
    dir = pattern;
    const auto url = persistence::parse_database_url("sqlite:" + (dir / "bench.db").string());
    persistence::migrate(url, std::filesystem::path{PERKARA_SOURCE_DIR} / "data");
    db = persistence::open_database(url, 2);
    now = domain::parse_rfc3339("2024-07-15T03:00:00Z")->utc;  // a Monday, 10:00 WIB
    const fixed_clock clock{now};
    server::seed_demo_users(*db, clock);
    server::seed_demo_disputes(*db, clock);
    server::seed_demo_requests(*db, clock);
    make_decided_dispute();
    find_request();
  }
  fixture(const fixture&) = delete;
  fixture& operator=(const fixture&) = delete;
  ~fixture() {
    db.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }

  // 10:00 WIB `days_ago` days before now (negative: in the future).
  [[nodiscard]] domain::instant at(int days_ago) const { return now - std::chrono::hours{24 * days_ago}; }

  void make_decided_dispute() {
    auto tx = db->begin(ports::access::write);
    registrar = domain::actor_of(user_named(*tx, "panitera.babel"));
    const auto commissioner = domain::actor_of(user_named(*tx, "komisioner.babel"));
    const auto submitted_on = domain::local_date(at(70), wib);
    const auto date = [&](int before) { return domain::format_iso_date(domain::add_days(submitted_on, -before)); };
    const auto body = fmt::format(
        R"({{"chronology":{{"request_date":"{}","ppid_response_date":"{}","objection_date":"{}","objection_response_date":"{}"}},)"
        R"("applicant":{{"kind":"individual","name":"Agus Salim Wibowo","id_number":"1971041234567890",)"
        R"("address":"Jl. Jenderal Sudirman No. 12, Pangkalpinang","email":"agus.salim@example.id","phone":"+6281270001234"}},)"
        R"("representative":{{"name":"Lembaga Bantuan Hukum Bangka","id_number":"AHU-0012345.AH.01.04","address":"Jl. Masjid Jamik No. 3, Pangkalpinang","email":"lbh.bangka@example.id","phone":"+62717421000"}},)"
        R"("respondent":"kpu-pangkalpinang","information_requested":"Salinan keputusan penetapan DCT DPRD Kota Pangkalpinang beserta lampiran berita acara",)"
        R"("reasons":"Permohonan informasi ditolak tanpa uji konsekuensi dan keberatan tidak ditanggapi sebagaimana mestinya",)"
        R"("grounds":["a","e"],"petitum":["Menyatakan informasi yang dimohon sebagai informasi terbuka","Memerintahkan termohon memberikan informasi yang dimohon"],)"
        R"("submitted_at":"{}","ruleset":"perki_1_2019",)"
        R"("attachments":["request_letter","request_receipt","ppid_response","objection_letter","objection_receipt","atasan_response","identity_document","power_of_attorney","grantor_identity"]}})",
        date(28), date(24), date(20), date(8), rfc(at(70)));
    dispute_id = api::submit_dispute(*tx, registrar, boost::json::parse(body).as_object(), at(70)).dispute.id;
    const auto step = [&](const domain::case_actor& who, const char* action, const std::string& json, int days_ago) {
      api::act_on_dispute(*tx, who, dispute_id, action, boost::json::parse(json).as_object(), std::nullopt, at(days_ago));
    };
    const auto hearing = [&](const char* kind, int days_ago, const char* place) {
      return fmt::format(R"({{"kind":"{}","scheduled_at":"{}",{}}})", kind, rfc(at(days_ago)), place);
    };
    const char* room = R"("location":"Ruang Sidang KI Kep. Bangka Belitung")";
    step(registrar, "register", "{}", 69);
    step(registrar, "schedule_hearing", hearing("preliminary_examination", 64, room), 68);
    step(commissioner, "open_preliminary_examination", "{}", 64);
    step(commissioner, "start_adjudication", "{}", 62);
    step(commissioner, "schedule_hearing", hearing("evidence", 55, R"("online_link":"https://zoom.example/ki-babel")"), 61);
    step(commissioner, "schedule_hearing", hearing("evidence", 48, room), 54);
    step(commissioner, "decide",
         R"({"outcome":"partly_granted","orders":[)"
         R"({"text":"Termohon memberikan salinan keputusan penetapan DCT beserta lampirannya kecuali data pribadi","due_days":14},)"
         R"({"text":"Termohon menyampaikan laporan pelaksanaan putusan kepada Komisi Informasi","due_days":30}]})",
         40);
    step(registrar, "serve_copy", R"({"party":"applicant"})", 39);
    step(registrar, "serve_copy", R"({"party":"respondent"})", 38);
    tx->commit();
  }

  void find_request() {
    auto tx = db->begin(ports::access::read);
    const auto user = user_named(*tx, "ppid.pangkalpinang");
    ppid = domain::actor_of(user);
    ports::request_filter f;
    f.respondent = "kpu-pangkalpinang";
    f.state = domain::request_state::objection_answered;
    const auto found = tx->requests().list(f);
    if (found.empty()) {
      throw std::runtime_error("bench: no demo request with an answered objection");
    }
    request_id = found.front().request.id;
  }
};

fixture& cases() {
  static fixture f;
  return f;
}

// The pieces of one read, prepared in a read transaction the caller keeps open.
struct dispute_read {
  std::unique_ptr<ports::transaction> tx;
  ports::dispute_document doc;
  ds::dispute dispute;
  std::vector<domain::deadline_record> records;
  domain::civil_date today{};
  int ki_offset = 0;
};

dispute_read read_dispute() {
  auto& f = cases();
  dispute_read r;
  r.tx = f.db->begin(ports::access::read);
  r.doc = *r.tx->disputes().find(f.dispute_id, false);
  r.dispute = api::from_document(r.doc);
  r.records = r.tx->deadlines().for_case("dispute", f.dispute_id);
  const auto ki = *r.tx->organisations().find(r.dispute.ki);
  r.ki_offset = ki.utc_offset_minutes;
  r.today = api::local_today(ki, f.now);
  return r;
}

std::string describe(const ds::dispute& d, std::size_t clocks, std::size_t bytes) {
  return fmt::format("{} hearings, {} orders, {} clocks, {} B", d.hearings.size(),
                     d.decision ? d.decision->orders.size() : 0, clocks, bytes);
}

// Stored document: the aggregate to its row (JSON body plus the indexed columns and projections).
void BM_dispute_document_encode(benchmark::State& state) {
  const auto r = read_dispute();
  for (auto _ : state) {
    auto doc = api::to_document(r.dispute, r.records, r.ki_offset);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(r.doc.body.size()));
  state.SetLabel(describe(r.dispute, r.records.size(), r.doc.body.size()));
}

// Stored document back to the aggregate (JSON parse, then the fields).
void BM_dispute_document_decode(benchmark::State& state) {
  const auto r = read_dispute();
  for (auto _ : state) {
    auto d = api::from_document(r.doc);
    benchmark::DoNotOptimize(d);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(r.doc.body.size()));
}

// The part of decoding that is only JSON parsing.
void BM_dispute_document_parse_only(benchmark::State& state) {
  const auto r = read_dispute();
  for (auto _ : state) {
    auto v = boost::json::parse(r.doc.body);
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(r.doc.body.size()));
}

// The aggregate as a JSON object (the core of the view; the document body is its serialisation).
void BM_dispute_to_json(benchmark::State& state) {
  const auto r = read_dispute();
  for (auto _ : state) {
    auto o = api::dispute_to_json(r.dispute);
    benchmark::DoNotOptimize(o);
  }
}

// The view's deadlines: each clock's status and explanation recomputed and encoded. The clock context
// is warmed first, so no iteration reads the database (organisation, rule set and calendar cached).
void BM_dispute_deadlines_json(benchmark::State& state) {
  const auto r = read_dispute();
  api::clock_context clocks{*r.tx};
  benchmark::DoNotOptimize(api::deadlines_json(clocks, r.records, r.today));
  for (auto _ : state) {
    auto a = api::deadlines_json(clocks, r.records, r.today);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(r.records.size()));
}

// The finished view (what GET answers) to JSON text.
void BM_dispute_view_serialize(benchmark::State& state) {
  const auto r = read_dispute();
  const auto view = api::dispute_view(*r.tx, cases().registrar, r.dispute, cases().now);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto text = boost::json::serialize(view);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetLabel(fmt::format("{} B", bytes));
}

// GET /api/v1/disputes/{id} without HTTP: read transaction, load (document decode, access check), view
// (clock context, deadlines from storage, explanations, allowed actions), serialise.
void BM_dispute_get_sqlite(benchmark::State& state) {
  auto& f = cases();
  for (auto _ : state) {
    auto tx = f.db->begin(ports::access::read);
    const auto d = api::load_visible_dispute(*tx, f.registrar, f.dispute_id);
    auto text = boost::json::serialize(api::dispute_view(*tx, f.registrar, d, f.now));
    benchmark::DoNotOptimize(text);
  }
}

// The request with its clocks, in a read transaction the caller keeps open.
struct request_read {
  std::unique_ptr<ports::transaction> tx;
  domain::information_request request;
  std::vector<domain::deadline_record> records;
  domain::civil_date today{};
};

request_read read_request() {
  auto& f = cases();
  request_read r;
  r.tx = f.db->begin(ports::access::read);
  r.request = api::load_visible_request(*r.tx, f.ppid, f.request_id, f.now, false);
  r.records = r.tx->deadlines().for_case("request", f.request_id);
  r.today = api::local_today(*r.tx->organisations().find(r.request.respondent), f.now);
  return r;
}

void BM_request_deadlines_json(benchmark::State& state) {
  const auto r = read_request();
  api::clock_context clocks{*r.tx};
  benchmark::DoNotOptimize(api::deadlines_json(clocks, r.records, r.today));
  for (auto _ : state) {
    auto a = api::deadlines_json(clocks, r.records, r.today);
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(r.records.size()));
  state.SetLabel(fmt::format("{} clocks", r.records.size()));
}

void BM_request_view_serialize(benchmark::State& state) {
  const auto r = read_request();
  const auto view = api::request_view(*r.tx, cases().ppid, r.request, cases().now);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto text = boost::json::serialize(view);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetLabel(fmt::format("{} B", bytes));
}

// GET /api/v1/requests/{id} without HTTP (a request is stored in columns, not as a JSON document).
void BM_request_get_sqlite(benchmark::State& state) {
  auto& f = cases();
  for (auto _ : state) {
    auto tx = f.db->begin(ports::access::read);
    const auto r = api::load_visible_request(*tx, f.ppid, f.request_id, f.now, false);
    auto text = boost::json::serialize(api::request_view(*tx, f.ppid, r, f.now));
    benchmark::DoNotOptimize(text);
  }
}

// What every view pays before its first clock: the organisation's calendar from storage (holidays read,
// fingerprinted and matched against the process-wide cache).
void BM_calendar_for_sqlite(benchmark::State& state) {
  auto& f = cases();
  auto tx = f.db->begin(ports::access::read);
  for (auto _ : state) {
    auto cal = api::calendar_for(*tx, "ki-babel", domain::counting_rules{});
    benchmark::DoNotOptimize(cal);
  }
}

BENCHMARK(BM_dispute_document_encode);
BENCHMARK(BM_dispute_document_decode);
BENCHMARK(BM_dispute_document_parse_only);
BENCHMARK(BM_dispute_to_json);
BENCHMARK(BM_dispute_deadlines_json);
BENCHMARK(BM_dispute_view_serialize);
BENCHMARK(BM_dispute_get_sqlite);
BENCHMARK(BM_request_deadlines_json);
BENCHMARK(BM_request_view_serialize);
BENCHMARK(BM_request_get_sqlite);
BENCHMARK(BM_calendar_for_sqlite);

}  // namespace

int main(int argc, char** argv) { return perkara::bench::run_benchmarks(argc, argv); }
