#include "bench/generator/generator.hpp"

#include "bench/generator/bulk_loader.hpp"
#include "bench/generator/cases.hpp"
#include "bench/generator/national_organisations.hpp"
#include "bench/generator/reference.hpp"
#include "domain/disputes/vocabulary.hpp"
#include "persistence/migrations.hpp"
#include "persistence/request_row.hpp"
#include "persistence/soci_database.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>

namespace perkara::bench {
namespace {

namespace ds = domain::disputes;
using persistence::backend;

constexpr std::size_t cases_per_batch = 250;
constexpr std::size_t list_limit = 100000;

long long epoch(domain::instant t) { return static_cast<long long>(t.time_since_epoch().count()); }

std::optional<std::string> iso(const std::optional<domain::civil_date>& d) {
  return d ? std::optional<std::string>(domain::format_iso_date(*d)) : std::nullopt;
}

/// A uniform random sample of at most `limit` lines (reservoir sampling), deterministic per seed.
class line_sample {
 public:
  line_sample(std::uint64_t seed, std::uint64_t stream) : random_(random_source::for_item(seed, 100 + stream, 0)) {}
  void offer(const std::string& line) {
    ++seen_;
    if (lines_.size() < list_limit) {
      lines_.push_back(line);
      return;
    }
    const auto slot = random_.next() % seen_;
    if (slot < list_limit) {
      lines_[static_cast<std::size_t>(slot)] = line;
    }
  }
  void write(const std::filesystem::path& file) const {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    for (const auto& l : lines_) {
      out << l << '\n';
    }
    if (!out) {
      throw std::runtime_error("cannot write " + file.string());
    }
  }
  [[nodiscard]] std::size_t size() const { return lines_.size(); }

 private:
  random_source random_;
  std::vector<std::string> lines_;
  std::uint64_t seen_ = 0;
};

std::vector<std::string> split_columns(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const auto comma = list.find(',');
    auto name = list.substr(0, comma);
    while (!name.empty() && name.front() == ' ') {
      name.remove_prefix(1);
    }
    out.emplace_back(name);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
  return out;
}

/// The rows of a batch of cases, per table, in foreign-key order.
class batch_rows {
 public:
  batch_rows()
      : disputes_("disputes", split_columns("id, ki, respondent, state, outcome, version, submitted_at, registered_at, "
                                            "registered_on, register_number, request_id, next_due, search_text, body, "
                                            "list_item, public_item, submitted_on, decided_on, closed_on, "
                                            "court_objection_on, court_decided_on, court_result, mediated, "
                                            "adjudicated, completion_due")),
        hearings_("dispute_hearings",
                  split_columns("dispute_id, hearing_id, ki, kind, scheduled_at, offset_minutes, location")),
        decisions_("dispute_decisions",
                   split_columns("dispute_id, ki, decision_year, decision_number, outcome, read_at")),
        requests_("requests", request_columns()),
        deadlines_("deadlines", split_columns("id, case_type, case_id, period_key, organisation, ruleset, "
                                              "ruleset_version, start_at, days, unit, extension_days, due, met_on, "
                                              "stopped_on")),
        events_("case_events", split_columns("case_type, case_id, version, actor, at, action, payload_json")) {}

  // The same values soci_dispute_repository::insert and insert_dispute_projections bind.
  void add(const ports::dispute_document& d) {
    disputes_.text(d.id).text(d.ki).text(d.respondent).text(d.state).text(d.outcome).number(d.version);
    disputes_.number(epoch(d.submitted_at));
    disputes_.number(d.registered_at ? std::optional<long long>(epoch(*d.registered_at)) : std::nullopt);
    disputes_.text(iso(d.registered_on)).text(d.register_number).text(d.request_id).text(iso(d.next_due));
    disputes_.text(d.search_text).text(d.body);
    disputes_.text(d.list_item.empty() ? std::nullopt : std::optional<std::string>(d.list_item));
    disputes_.text(d.public_item.empty() ? std::nullopt : std::optional<std::string>(d.public_item));
    const auto& f = d.report;
    disputes_.text(iso(f.submitted_on)).text(iso(f.decided_on)).text(iso(f.closed_on));
    disputes_.text(iso(f.court_objection_on)).text(iso(f.court_decided_on));
    disputes_.text(f.court_decided_on ? std::optional<std::string>(f.court_result) : std::nullopt);
    disputes_.number(f.mediated ? 1 : 0).number(f.adjudicated ? 1 : 0).text(iso(f.completion_due));
    disputes_.end_row();
    ++counts["disputes"];
    for (const auto& h : d.hearings) {
      hearings_.text(d.id).text(h.hearing_id).text(d.ki).text(h.kind).number(epoch(h.scheduled_at));
      hearings_.number(h.offset_minutes).text(h.location);
      hearings_.end_row();
      ++counts["dispute_hearings"];
    }
    if (d.decision) {
      const auto& x = *d.decision;
      decisions_.text(d.id).text(d.ki).number(x.year).text(x.decision_number).text(x.outcome).number(epoch(x.read_at));
      decisions_.end_row();
      ++counts["dispute_decisions"];
    }
  }

  // The requests row as soci_request_repository::insert writes it.
  void add(const ports::stored_request& r) {
    for (const auto& c : persistence::request_row(r)) {
      if (c.integer) {
        requests_.number(c.number);
      } else {
        requests_.text(c.text);
      }
    }
    requests_.end_row();
    ++counts["requests"];
  }

  // soci_deadline_repository::save's values.
  void add(const domain::deadline_record& r) {
    deadlines_.text(r.id).text(r.case_type).text(r.case_id).text(r.key).text(r.organisation).text(r.ruleset);
    deadlines_.number(r.ruleset_version).number(epoch(r.start_at)).number(r.days).text(domain::to_string(r.unit));
    deadlines_.number(r.extension_days).text(domain::format_iso_date(r.due)).text(iso(r.met_on)).text(iso(r.stopped_on));
    deadlines_.end_row();
    ++counts["deadlines"];
  }

  // soci_event_repository::append's values.
  void add(const domain::case_event& e) {
    events_.text(e.case_type).text(e.case_id).number(e.version).text(e.actor).number(epoch(e.at)).text(e.action);
    events_.text(e.payload_json);
    events_.end_row();
    ++counts["case_events"];
  }

  load_batch take(bulk_loader& loader) {
    load_batch out;
    for (auto* t : {&disputes_, &hearings_, &decisions_, &requests_, &deadlines_, &events_}) {
      if (t->rows() > 0) {
        auto empty = loader.reuse(t->table(), t->columns());
        out.tables.push_back(std::exchange(*t, std::move(empty)));
      }
    }
    return out;
  }

  std::map<std::string, std::uint64_t> counts;

 private:
  static std::vector<std::string> request_columns() {
    std::vector<std::string> out;
    for (const auto& c : persistence::request_row(ports::stored_request{})) {
      out.emplace_back(c.name);
    }
    return out;
  }

  table_rows disputes_, hearings_, decisions_, requests_, deadlines_, events_;
};

/// Sequences past every generated number; GREATEST/MAX keeps a larger stored value.
std::vector<std::string> sequence_statements(backend kind, const sequence_counters& counters) {
  std::vector<std::pair<std::string, long long>> rows(counters.values().begin(), counters.values().end());
  std::sort(rows.begin(), rows.end());
  std::vector<std::string> out;
  for (std::size_t from = 0; from < rows.size(); from += 500) {
    std::string sql = "INSERT INTO sequences (scope, value) VALUES ";
    for (std::size_t i = from; i < std::min(rows.size(), from + 500); ++i) {
      sql += i > from ? ",(" : "(";
      append_literal(sql, rows[i].first, kind);
      sql += fmt::format(",{})", rows[i].second);
    }
    sql += kind == backend::sqlite ? " ON CONFLICT (scope) DO UPDATE SET value = MAX(value, excluded.value)"
                                   : " ON DUPLICATE KEY UPDATE value = GREATEST(value, VALUES(value))";
    out.push_back(std::move(sql));
  }
  return out;
}

bool actionable(std::string_view state) {
  return state == "registered" || state == "preliminary_examination" || state == "mediation" || state == "adjudication";
}

}  // namespace

bool generation_summary::same_counts(const generation_summary& o) const {
  return backend == o.backend && cases == o.cases && seed == o.seed && today == o.today &&
         benchmark_ki == o.benchmark_ki && benchmark_respondent == o.benchmark_respondent && tables == o.tables &&
         request_states == o.request_states && dispute_states == o.dispute_states && lists == o.lists &&
         overdue_requests == o.overdue_requests && overdue_disputes == o.overdue_disputes &&
         overdue_disputes_at_benchmark_ki == o.overdue_disputes_at_benchmark_ki;
}

std::string generation_summary::to_json() const {
  const auto counts = [](const std::map<std::string, std::uint64_t>& m) {
    boost::json::object o;
    for (const auto& [k, v] : m) {
      o[k] = v;
    }
    return o;
  };
  std::uint64_t rows = 0;
  for (const auto& [table, n] : tables) {
    rows += n;
  }
  const boost::json::object o{
      {"backend", backend},
      {"cases", cases},
      {"seed", seed},
      {"today", domain::format_iso_date(today)},
      {"benchmark_ki", benchmark_ki},
      {"benchmark_respondent", benchmark_respondent},
      {"tables", counts(tables)},
      {"rows", rows},
      {"request_states", counts(request_states)},
      {"dispute_states", counts(dispute_states)},
      {"overdue", boost::json::object{{"requests", overdue_requests},
                                      {"disputes", overdue_disputes},
                                      {"disputes_at_benchmark_ki", overdue_disputes_at_benchmark_ki}}},
      {"lists", counts(lists)},
      {"seconds", std::round(seconds * 100) / 100},
      {"rows_per_second", static_cast<std::uint64_t>(std::llround(rows_per_second))},
  };
  return boost::json::serialize(o);
}

generation_summary generate(const generator_options& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto say = [&](const std::string& line) {
    if (options.progress) {
      options.progress(line);
    }
  };
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  const auto url = persistence::parse_database_url(options.database_url);
  persistence::migrate(url);

  // About 1.5 KiB of index and table pages per case stay hot while loading.
  const std::size_t cache_mib = std::clamp<std::size_t>(options.cases * 3 / 1024, 64, 4096);
  bulk_loader loader(url, cache_mib);
  const auto requests = loader.query_number("SELECT COUNT(*) FROM requests");
  const auto disputes = loader.query_number("SELECT COUNT(*) FROM disputes");
  if (requests + disputes > 0) {
    throw database_not_empty(fmt::format("the database already holds {} requests and {} disputes; generate into a "
                                         "freshly migrated one",
                                         requests, disputes));
  }

  generation_summary summary;
  summary.backend = url.kind == backend::sqlite ? "sqlite" : "mysql";
  summary.cases = options.cases;
  summary.seed = options.seed;
  summary.today = options.today;
  summary.benchmark_ki = benchmark_ki;
  summary.benchmark_respondent = benchmark_respondent;

  // The synthetic organisations go in through the real repository; then the reference data is read once.
  reference_data reference;
  {
    auto db = persistence::open_database(url, 1);
    {
      auto tx = db->begin(ports::access::write);
      std::set<std::string> existing;
      for (const auto& o : tx->organisations().list()) {
        existing.insert(o.code);
      }
      std::uint64_t added = 0;
      for (const auto& o : synthetic_organisations()) {
        if (!existing.contains(o.code)) {
          tx->organisations().upsert(o);
          ++added;
        }
      }
      tx->commit();
      summary.tables["organisations"] = added;
    }
    reference = load_reference(*db);
  }
  say(fmt::format("perkara-generate: {} organisations ({} added), {} cases, seed {}, today {}, benchmark KI {}",
                  reference.organisations.size(), summary.tables["organisations"], options.cases, options.seed,
                  domain::format_iso_date(options.today), benchmark_ki));

  std::filesystem::create_directories(options.out_dir);
  line_sample register_numbers(options.seed, 1);
  line_sample dispute_ids(options.seed, 2);
  line_sample actionable_ids(options.seed, 3);
  line_sample request_ids(options.seed, 4);

  case_factory factory(reference, {options.seed, options.cases, options.today, benchmark_ki, benchmark_respondent});
  batch_rows batch;
  loader.defer_indexes({"disputes", "dispute_hearings", "dispute_decisions", "requests", "deadlines", "case_events"});
  loader.start();
  case_rows rows;
  std::size_t next_report = 1;
  for (std::size_t i = 0; i < options.cases; ++i) {
    factory.make(i, rows);
    if ((i + 1) % cases_per_batch != 0 && i + 1 != options.cases) {
      continue;
    }
    for (const auto& d : rows.disputes) {
      batch.add(d);
      ++summary.dispute_states[d.state];
      const bool overdue = d.next_due && *d.next_due < options.today;
      summary.overdue_disputes += overdue ? 1 : 0;
      if (d.register_number) {
        register_numbers.offer(*d.register_number);
      }
      if (d.ki == benchmark_ki) {
        dispute_ids.offer(d.id);
        summary.overdue_disputes_at_benchmark_ki += overdue ? 1 : 0;
        if (actionable(d.state)) {
          actionable_ids.offer(d.id);
        }
      }
    }
    for (const auto& r : rows.requests) {
      batch.add(r);
      ++summary.request_states[std::string(domain::to_string(r.request.state))];
      if (r.awaiting_party == domain::awaiting_party::respondent && r.awaiting_due && *r.awaiting_due < options.today) {
        ++summary.overdue_requests;
      }
      if (r.request.respondent == benchmark_respondent) {
        request_ids.offer(r.request.id);
      }
    }
    for (const auto& d : rows.deadlines) {
      batch.add(d);
    }
    for (const auto& e : rows.events) {
      batch.add(e);
    }
    rows.clear();
    loader.submit(batch.take(loader));
    if ((i + 1) * 10 >= next_report * options.cases) {
      while (next_report <= 10 && (i + 1) * 10 >= next_report * options.cases) {
        ++next_report;
      }
      say(fmt::format("perkara-generate: {:3}% {} of {} cases, {:.1f} s", (i + 1) * 100 / options.cases, i + 1,
                      options.cases, elapsed()));
    }
  }
  const auto sequences = sequence_statements(url.kind, factory.sequences());
  batch.counts["sequences"] = factory.sequences().values().size();
  loader.submit(load_batch{{}, sequences});
  loader.finish();
  say(fmt::format("perkara-generate: rows written in {:.1f} s; building the indexes", elapsed()));
  loader.restore_indexes();

  for (const auto& [table, n] : batch.counts) {
    summary.tables[table] += n;
  }
  register_numbers.write(options.out_dir / "register-numbers.txt");
  dispute_ids.write(options.out_dir / "dispute-ids.txt");
  actionable_ids.write(options.out_dir / "actionable-dispute-ids.txt");
  request_ids.write(options.out_dir / "request-ids.txt");
  summary.lists = {{"register-numbers.txt", register_numbers.size()},
                   {"dispute-ids.txt", dispute_ids.size()},
                   {"actionable-dispute-ids.txt", actionable_ids.size()},
                   {"request-ids.txt", request_ids.size()}};
  summary.seconds = elapsed();
  std::uint64_t total = 0;
  for (const auto& [table, n] : summary.tables) {
    total += n;
  }
  summary.rows_per_second = summary.seconds > 0 ? static_cast<double>(total) / summary.seconds : 0;
  {
    std::ofstream out(options.out_dir / "summary.json", std::ios::binary | std::ios::trunc);
    out << summary.to_json() << '\n';
    if (!out) {
      throw std::runtime_error("cannot write " + (options.out_dir / "summary.json").string());
    }
  }
  say(fmt::format("perkara-generate: done: {} rows in {:.1f} s ({:.0f} rows/s)", total, summary.seconds,
                  summary.rows_per_second));
  return summary;
}

}  // namespace perkara::bench
