// The benchmark data generator (bench/generator) against the real server on both backends: what it writes
// reads back as if the server had written it, the register sequences continue after the generated numbers,
// a non-empty database is refused, and the same seed gives the same data.
#include "bench/generator/generator.hpp"

#include "e2e/support/live_server.hpp"
#include "e2e/support/process.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

using namespace perkara;
using namespace perkara::e2e;

namespace {

constexpr std::size_t generated_cases = 300;
constexpr std::uint64_t seed = 7;
const domain::civil_date today{std::chrono::year{2025}, std::chrono::June, std::chrono::day{18}};  // a Wednesday

domain::instant test_now() { return domain::parse_rfc3339("2025-06-18T10:00:00+07:00")->utc; }

/// A temporary directory for the generator's lists, removed with the test.
struct out_dir {
  std::filesystem::path path;
  out_dir() {
    std::random_device random;
    path = std::filesystem::temp_directory_path() / fmt::format("perkara-generator-{:08x}", random());
    std::filesystem::create_directories(path);
  }
  ~out_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  [[nodiscard]] std::vector<std::string> lines(const char* name) const {
    std::ifstream in(path / name);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) {
      out.push_back(line);
    }
    return out;
  }
  [[nodiscard]] std::string text(const char* name) const {
    std::ifstream in(path / name);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

bench::generation_summary generate_into(const std::string& url, const out_dir& out) {
  bench::generator_options options;
  options.database_url = url;
  options.cases = generated_cases;
  options.seed = seed;
  options.today = today;
  options.out_dir = out.path;
  return bench::generate(options);
}

std::string encoded(const std::string& s) {
  std::string out;
  for (char c : s) {
    out += c == '/' ? std::string("%2F") : std::string(1, c);
  }
  return out;
}

boost::json::value json_of(const http_reply& r) { return boost::json::parse(r.body); }

std::string text_at(const boost::json::value& v, std::string_view key) { return std::string(v.at(key).as_string()); }

/// The sequence number at the start of "017/KI-JATIM-PSIP/III/2025" or "0004/PPID-KPU-SURABAYA/VI/2025".
long long seq_of(const std::string& number) { return std::stoll(number.substr(0, number.find('/'))); }

bool in_year(const std::string& number, int year) { return number.ends_with(fmt::format("/{}", year)); }

const std::set<std::string> dispute_states = {"submitted",    "incomplete", "registered", "preliminary_examination",
                                              "mediation",    "adjudication", "decided", "court_objection",
                                              "final",        "closed"};
const std::set<std::string> request_states = {"received", "extended",  "answered", "objected",
                                              "objection_answered", "closed", "disputed"};

}  // namespace

TEST_SUITE("e2e generator") {
  TEST_CASE("generated cases read back through the server, numbering continues, same seed same data") {
    live_server s{test_now()};
    const out_dir out;
    const auto summary = generate_into(s.database().url(), out);

    CHECK(summary.benchmark_ki == "ki-jatim");
    CHECK(summary.tables.at("disputes") == generated_cases);
    CHECK(summary.tables.at("requests") == generated_cases);
    // Synthetic organisations added beside the shipped national list (data/organisations.csv); since that
    // list holds every office, only the synthetic codes it does not already have are added.
    CHECK(summary.tables.at("organisations") > 200);
    {
      auto db = s.database().open(1);
      auto tx = db->begin(ports::access::read);
      CHECK(tx->organisations().list().size() == 1142 + summary.tables.at("organisations"));
    }
    CHECK(summary.tables.at("case_events") > 4 * generated_cases);
    CHECK(summary.tables.at("deadlines") > 2 * generated_cases);
    CHECK(summary.tables.at("dispute_hearings") > 0);
    CHECK(summary.tables.at("dispute_decisions") > 0);
    for (const auto& state : dispute_states) {
      CAPTURE(state);
      CHECK(summary.dispute_states.contains(state));
    }
    for (const auto& state : request_states) {
      CAPTURE(state);
      CHECK(summary.request_states.contains(state));
    }
    const auto summary_file = boost::json::parse(out.text("summary.json"));
    CHECK(summary_file.at("benchmark_ki").as_string() == "ki-jatim");
    CHECK(summary_file.at("tables").at("disputes").as_int64() == static_cast<std::int64_t>(generated_cases));

    const auto registrar = s.token_for("panitera.jatim", domain::role::registrar, "ki-jatim");
    const auto ppid = s.token_for("ppid.surabaya", domain::role::ppid, "kpu-surabaya");

    // Every listed register number answers on the public status page.
    const auto numbers = out.lines("register-numbers.txt");
    REQUIRE(numbers.size() > generated_cases / 2);
    CHECK(std::set<std::string>(numbers.begin(), numbers.end()).size() == numbers.size());
    for (const auto& number : numbers) {
      const auto r = s.get("/api/v1/public/disputes?register_number=" + encoded(number));
      INFO(number);
      REQUIRE(r.status == 200);
      CHECK(text_at(json_of(r), "register_number") == number);
    }

    // The benchmark KI's disputes open with their deadlines, actions and history.
    const auto dispute_ids = out.lines("dispute-ids.txt");
    REQUIRE(dispute_ids.size() >= 20);
    for (std::size_t i = 0; i < dispute_ids.size(); i += 3) {
      const auto& id = dispute_ids[i];
      INFO(id);
      const auto r = s.get("/api/v1/disputes/" + id, registrar);
      REQUIRE(r.status == 200);
      const auto v = json_of(r);
      CHECK(dispute_states.contains(text_at(v, "state")));
      CHECK(text_at(v, "ki") == "ki-jatim");
      const auto events = s.get("/api/v1/disputes/" + id + "/events", registrar);
      REQUIRE(events.status == 200);
      const auto history = json_of(events);
      const auto& items = history.at("items").as_array();
      REQUIRE_FALSE(items.empty());
      CHECK(items.front().at("action").as_string() == "submit");
      CHECK(items.back().at("version").as_int64() == v.at("version").as_int64());
    }

    // The benchmark respondent's requests, and their numbers in the current year.
    long long request_seq_this_year = 0;
    const auto request_ids = out.lines("request-ids.txt");
    REQUIRE_FALSE(request_ids.empty());
    for (const auto& id : request_ids) {
      INFO(id);
      const auto r = s.get("/api/v1/requests/" + id, ppid);
      REQUIRE(r.status == 200);
      const auto v = json_of(r);
      CHECK(request_states.contains(text_at(v, "state")));
      const auto number = text_at(v, "number");
      if (in_year(number, 2025)) {
        request_seq_this_year = std::max(request_seq_this_year, seq_of(number));
      }
    }
    CHECK(request_seq_this_year > 0);

    // Overdue lists are not empty.
    const auto overdue = json_of(s.get("/api/v1/disputes?overdue=true&limit=100", registrar));
    REQUIRE_FALSE(overdue.at("items").as_array().empty());
    for (const auto& item : overdue.at("items").as_array()) {
      CHECK(item.at("overdue").as_bool());
      // The stored list projection says what the case itself says.
      const auto detail = json_of(s.get("/api/v1/disputes/" + std::string(item.at("id").as_string()), registrar));
      for (const char* field : {"state", "register_number", "submitted_at", "version"}) {
        INFO(field);
        CHECK(item.at(field) == detail.at(field));
      }
      CHECK(item.at("applicant_name") == detail.at("applicant").at("name"));
    }
    CHECK(summary.overdue_disputes_at_benchmark_ki > 0);
    const auto overdue_requests = json_of(s.get("/api/v1/requests?overdue=true", ppid));
    CHECK_FALSE(overdue_requests.at("items").as_array().empty());

    // A hearing can be scheduled on every actionable case.
    const auto actionable = out.lines("actionable-dispute-ids.txt");
    REQUIRE_FALSE(actionable.empty());
    for (const auto& id : actionable) {
      INFO(id);
      const auto r = s.post("/api/v1/disputes/" + id + "/actions/schedule_hearing",
                            R"({"kind":"evidence","scheduled_at":"2025-06-30T09:00:00+07:00","location":"Ruang Sidang KI Jatim"})",
                            registrar);
      CHECK_MESSAGE(r.status == 200, r.body);
    }

    // A new registration takes the next number of the year after the generated ones.
    long long register_seq_this_year = 0;
    for (const auto& number : numbers) {
      if (number.find("/KI-JATIM-PSIP/") != std::string::npos && in_year(number, 2025)) {
        register_seq_this_year = std::max(register_seq_this_year, seq_of(number));
      }
    }
    REQUIRE(register_seq_this_year > 0);
    const auto submitted = s.post(
        "/api/v1/disputes",
        R"({"chronology":{"request_date":"2025-05-02","ppid_response_date":"2025-05-08","objection_date":"2025-05-14"},)"
        R"("applicant":{"kind":"individual","name":"Siti Rahmawati","address":"Jl. Pahlawan No. 3, Kota Surabaya",)"
        R"("email":"siti@example.id"},"respondent":"kpu-surabaya","information_requested":"Salinan formulir C.Hasil TPS 012",)"
        R"("reasons":"Permohonan tidak dipenuhi","grounds":["e"],"petitum":["Memerintahkan termohon memberikan informasi"],)"
        R"("ruleset":"general","attachments":["request_letter","request_receipt","ppid_response","objection_letter",)"
        R"("objection_receipt","identity_document"]})",
        registrar);
    REQUIRE_MESSAGE(submitted.status == 201, submitted.body);
    const auto new_id = text_at(json_of(submitted), "id");
    const auto registered = s.post("/api/v1/disputes/" + new_id + "/actions/register", "{}", registrar);
    REQUIRE_MESSAGE(registered.status == 200, registered.body);
    const auto new_number = text_at(json_of(registered), "register_number");
    CHECK(seq_of(new_number) == register_seq_this_year + 1);
    CHECK(std::find(numbers.begin(), numbers.end(), new_number) == numbers.end());

    // And a new request at the generated respondent the next request number.
    const auto created = s.post(
        "/api/v1/requests",
        R"({"respondent":"kpu-surabaya","received_at":"2025-06-18T09:30:00+07:00","channel":"email",)"
        R"("applicant":{"kind":"individual","name":"Budi Santoso","email":"budi@example.id"},)"
        R"("information_requested":"Daftar lokasi TPS Kelurahan Sukajadi","purpose":"Informasi bagi warga",)"
        R"("format":"softcopy","delivery_medium":"email"})",
        ppid);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    CHECK(seq_of(text_at(json_of(created), "number")) == request_seq_this_year + 1);

    // A database that holds cases is refused, by the library and by the tool (exit 2, one line).
    CHECK_THROWS_AS(generate_into(s.database().url(), out), bench::database_not_empty);
    const auto refused = run_program(PERKARA_GENERATE_BINARY,
                                     {"--db", s.database().url(), "--cases", "5", "--out", out.path.string()});
    CHECK(refused.exit_code == 2);
    CHECK(std::count(refused.err.begin(), refused.err.end(), '\n') == 1);

    // The same seed into another database: the same counts and the same ids and numbers.
    const testing::test_database other;
    const out_dir again;
    const auto repeat = generate_into(other.url(), again);
    CHECK(repeat.same_counts(summary));
    CHECK(again.lines("register-numbers.txt") == numbers);
    CHECK(again.lines("dispute-ids.txt") == dispute_ids);
    CHECK(again.lines("actionable-dispute-ids.txt") == actionable);
  }

  TEST_CASE("perkara-generate checks its arguments") {
    CHECK(run_program(PERKARA_GENERATE_BINARY, {"--help"}).exit_code == 0);
    CHECK(run_program(PERKARA_GENERATE_BINARY, {}).exit_code == 1);
    CHECK(run_program(PERKARA_GENERATE_BINARY, {"--db", "sqlite:/tmp/x.db", "--cases", "ten", "--out", "/tmp"}).exit_code == 1);
    CHECK(run_program(PERKARA_GENERATE_BINARY, {"--db", "sqlite:/tmp/x.db", "--cases", "0", "--out", "/tmp"}).exit_code == 1);
    CHECK(run_program(PERKARA_GENERATE_BINARY, {"--db", "sqlite:/tmp/x.db", "--cases", "1", "--out", "/tmp", "--today",
                                                "2026-13-01"})
              .exit_code == 1);
    const auto unknown =
        run_program(PERKARA_GENERATE_BINARY, {"--db", "sqlite:/tmp/x.db", "--cases", "1", "--out", "/tmp", "--fast"});
    CHECK(unknown.exit_code == 1);
    CHECK(unknown.err.find("--fast") != std::string::npos);
    CHECK(run_program(PERKARA_GENERATE_BINARY, {"--db", "postgres://x", "--cases", "10", "--out", "/tmp"}).exit_code == 2);
  }
}
