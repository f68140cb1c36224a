// perkara_bench_sweep: the deadline sweep and the notice dispatcher on a real database
// (docs/performance.md "Deadline sweep and dispatch").
//   perkara_bench_sweep --db URL --at RFC3339
//     runs the sweep twice at that instant: the first records the backlog (every missed deadline of a
//     fresh data set, reminders, digests), the second is the steady state (the walk finds nothing new).
//   perkara_bench_sweep --db URL --dispatch N --smtp smtp://127.0.0.1:PORT
//     queues N email notices (N requests with a "create" event each) and delivers them to the SMTP
//     sink (tests/e2e/support/smtp_sink.py) with one dispatcher; prints notices per second.
#include "server/notices/deadline_sweep.hpp"
#include "server/notices/dispatcher.hpp"
#include "server/notices/smtp_sender.hpp"
#include "server/system_clock.hpp"

#include "persistence/database_url.hpp"
#include "persistence/soci_database.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <string>

using namespace perkara;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void queue_requests(ports::database& db, int count, domain::instant now) {
  constexpr int per_tx = 500;
  for (int done = 0; done < count;) {
    auto tx = db.begin(ports::access::write);
    for (int i = 0; i < per_tx && done < count; ++i, ++done) {
      ports::stored_request s;
      auto& r = s.request;
      r.id = fmt::format("bench-dispatch-{:07}", done);
      r.number = fmt::format("{:07}/PPID-BENCH/XII/2026", done);
      r.respondent = "kpu-pangkalpinang";
      r.received_at = {now, 7 * 60};
      r.applicant = {domain::applicant_kind::individual,  "Pemohon",   std::nullopt, std::nullopt,
                     fmt::format("p{}@example.id", done), std::nullopt};
      r.information_requested = "Salinan";
      r.purpose = "Penelitian";
      r.format = "softcopy";
      r.delivery_medium = "email";
      tx->requests().insert(s);
      tx->events().append(domain::case_event{"request", r.id, 1, "bench", now, "create", "{}"});
    }
    tx->commit();
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string url;
  std::string at;
  std::string smtp;
  int dispatch = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db")
      url = argv[i + 1];
    else if (flag == "--at")
      at = argv[i + 1];
    else if (flag == "--smtp")
      smtp = argv[i + 1];
    else if (flag == "--dispatch")
      dispatch = std::stoi(argv[i + 1]);
  }
  if (url.empty() || (at.empty() && (dispatch <= 0 || smtp.empty()))) {
    std::fputs("usage: perkara_bench_sweep --db URL (--at RFC3339 | --dispatch N --smtp URL)\n", stderr);
    return 1;
  }
  const auto db = persistence::open_database(persistence::parse_database_url(url), 4);
  if (!at.empty()) {
    const auto now = domain::parse_rfc3339(at);
    if (!now) {
      std::fputs("perkara_bench_sweep: --at must be RFC 3339\n", stderr);
      return 1;
    }
    for (const char* run : {"first (backlog)", "second (steady state)"}) {
      const auto start = std::chrono::steady_clock::now();
      const auto r = server::notices::sweep_deadlines(*db, now->utc);
      std::printf("sweep %s: %.2f s, %zu missed events, %zu reminders, %zu digests\n", run, seconds_since(start),
                  r.missed, r.reminders, r.digests);
    }
    return 0;
  }
  const server::system_clock clock;
  queue_requests(*db, dispatch, clock.now());
  server::notices::dispatcher_config config;
  config.owner = "bench";
  config.batch = 50;
  server::notices::dispatcher d(
      *db, clock, config,
      std::make_unique<server::notices::smtp_sender>(server::notices::smtp_config{smtp, "bench@example.id"}), nullptr);
  const auto start = std::chrono::steady_clock::now();
  std::size_t sent = 0;
  while (const auto n = d.run_once()) sent += n;
  const double s = seconds_since(start);
  std::printf("dispatch: %zu notices in %.2f s = %.0f notices/s\n", sent, s, static_cast<double>(sent) / s);
  return 0;
}
