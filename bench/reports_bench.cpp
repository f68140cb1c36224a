// perkara_bench_reports: every report the API serves, on a real database, through the real services
// (docs/performance.md "Reports at national scale"). A tool run by hand, not a Google Benchmark.
//   perkara_bench_reports --db URL [--period 2025] [--today 2026-12-05] [--runs 3]
// Prints, for each report, the first run's milliseconds (it builds and stores the monthly tallies a database
// does not hold yet: docs/open-data.md "Monthly tallies") and the median of the others (reading them back),
// each in a transaction of its own: PPID for one office, a province
// (the offices of a provincial KI) and the country; KI for one KI and every KI; the public statistics
// (national, per office, per KI); the public dispute register's first page (JSON) and first file (CSV).
// The annual tables are the PPID and KI reports rendered, so they take the reports' path.
#include "api/reports/open_data.hpp"
#include "api/reports/report_service.hpp"

#include "persistence/database_url.hpp"
#include "persistence/soci_database.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace perkara;

namespace {

// The first run's milliseconds and the median of the rest (the first again for one run).
std::pair<double, double> timings_ms(int runs, const std::function<long long()>& report, long long& size) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    size = report();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  const double first = ms.front();
  if (ms.size() > 1) {
    ms.erase(ms.begin());
  }
  std::sort(ms.begin(), ms.end());
  return {first, ms[ms.size() / 2]};
}

// The office with the most requests received in the period, and the provincial KI hearing the most offices.
struct busiest {
  std::string office;
  std::string province_ki;
};

busiest pick(ports::transaction& tx, const domain::reports::period& p) {
  busiest out;
  std::map<std::string, long long> per_office;
  for (const auto& r : tx.reports().requests(std::nullopt, p.from, p.to)) {
    ++per_office[r.respondent];
  }
  long long most = -1;
  for (const auto& [code, n] : per_office) {
    if (n > most) {
      most = n;
      out.office = code;
    }
  }
  for (const auto& o : tx.organisations().list()) {
    if (o.kind == domain::organisation_kind::ki && o.code != "ki-pusat" && out.province_ki.empty()) {
      out.province_ki = o.code;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  std::string preset = "2025";
  std::string today_text = "2026-12-05";
  int runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db") {
      url = argv[i + 1];
    } else if (flag == "--period") {
      preset = argv[i + 1];
    } else if (flag == "--today") {
      today_text = argv[i + 1];
    } else if (flag == "--runs") {
      runs = std::max(1, std::stoi(argv[i + 1]));
    }
  }
  const auto p = domain::reports::parse_preset(preset);
  const auto today = domain::parse_iso_date(today_text);
  if (url.empty() || !p || !today) {
    std::fputs("usage: perkara_bench_reports --db URL [--period 2025] [--today YYYY-MM-DD] [--runs 3]\n", stderr);
    return 1;
  }
  const auto db = persistence::open_database(persistence::parse_database_url(url), 2);
  api::caller admin;
  admin.user.roles = {domain::role::sysadmin};
  const auto who = pick(*db->begin(ports::access::read), *p);
  std::printf("period %s..%s, office %s, province %s\n", domain::format_iso_date(p->from).c_str(),
              domain::format_iso_date(p->to).c_str(), who.office.c_str(), who.province_ki.c_str());

  const auto ppid = [&](const std::optional<std::string>& org) {
    return [&, org] {
      const auto tx = db->begin(ports::access::read);
      return api::ppid_report_of(*db, *tx, api::ppid_scope(*tx, admin, org), *p, *today).received;
    };
  };
  const auto ki = [&](const std::optional<std::string>& org) {
    return [&, org] {
      const auto tx = db->begin(ports::access::read);
      return api::ki_report_of(*db, *tx, api::ki_scope(*tx, admin, org), *p, *today).received;
    };
  };
  // The register's first page of `limit` rows (the JSON default; a CSV file), and the rows it holds.
  const auto register_page = [&](int limit) {
    return [&, limit] {
      const auto tx = db->begin(ports::access::read);
      const auto reg = api::public_dispute_register_json(*tx, *p, *today, {limit, std::nullopt});
      return static_cast<long long>(reg.at("disputes").as_array().size());
    };
  };
  const std::vector<std::pair<std::string, std::function<long long()>>> reports = {
      {"ppid office", ppid(who.office)},
      {"ppid province", ppid(who.province_ki)},
      {"ppid national", ppid(std::nullopt)},
      {"ki one", ki(who.province_ki)},
      {"ki national", ki(std::nullopt)},
      {"public statistics",
       [&] {
         const auto tx = db->begin(ports::access::read);
         return static_cast<long long>(api::public_statistics_of(*db, *tx, *p, *today).offices_csv.size());
       }},
      {"public register", register_page(50)},
      {"register csv file", register_page(10'000)},
  };
  for (const auto& [name, report] : reports) {
    long long size = 0;
    const auto [first, rest] = timings_ms(runs, report, size);
    std::printf("%-18s first %9.1f ms, then %9.1f ms  (%lld)\n", name.c_str(), first, rest, size);
  }
  return 0;
}
