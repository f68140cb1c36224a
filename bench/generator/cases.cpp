#include "bench/generator/cases.hpp"

#include "api/calendar/calendar_service.hpp"
#include "api/cases/case_support.hpp"
#include "api/cases/numbering.hpp"
#include "api/disputes/dispute_clocks.hpp"
#include "api/disputes/dispute_document.hpp"
#include "api/disputes/tracked_request.hpp"
#include "api/requests/request_clocks.hpp"
#include "bench/generator/national_organisations.hpp"
#include "bench/generator/text_pool.hpp"
#include "domain/disputes/completeness.hpp"
#include "domain/disputes/intake.hpp"
#include "domain/disputes/track.hpp"
#include "domain/disputes/transitions.hpp"
#include "domain/org/jurisdiction.hpp"
#include "domain/requests/new_request.hpp"
#include "domain/requests/queries.hpp"
#include "domain/requests/register_templates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace perkara::bench {

void case_rows::clear() {
  requests.clear();
  disputes.clear();
  deadlines.clear();
  events.clear();
}

void case_rows::append(case_rows&& other) {
  std::move(other.requests.begin(), other.requests.end(), std::back_inserter(requests));
  std::move(other.disputes.begin(), other.disputes.end(), std::back_inserter(disputes));
  std::move(other.deadlines.begin(), other.deadlines.end(), std::back_inserter(deadlines));
  std::move(other.events.begin(), other.events.end(), std::back_inserter(events));
  other.clear();
}

long long sequence_counters::next(const std::string& scope) {
  if (!in_trial_) {
    return ++values_[scope];
  }
  auto it = trial_.find(scope);
  if (it == trial_.end()) {
    const auto base = values_.find(scope);
    it = trial_.emplace(scope, base == values_.end() ? 0 : base->second).first;
  }
  return ++it->second;
}

void sequence_counters::begin_trial() {
  trial_.clear();
  in_trial_ = true;
}

void sequence_counters::commit_trial() {
  for (const auto& [scope, value] : trial_) {
    values_[scope] = value;
  }
  discard_trial();
}

void sequence_counters::discard_trial() {
  trial_.clear();
  in_trial_ = false;
}

namespace {

namespace ds = domain::disputes;
using domain::civil_date;
using domain::instant;
using domain::offset_instant;
using domain::request_state;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

constexpr std::uint64_t stream_request = 1;
constexpr std::uint64_t stream_dispute = 2;
constexpr std::uint64_t stream_pair = 3;

constexpr ds::dispute_state forced_dispute_states[] = {
    ds::dispute_state::submitted,    ds::dispute_state::incomplete, ds::dispute_state::registered,
    ds::dispute_state::preliminary_examination, ds::dispute_state::mediation, ds::dispute_state::adjudication,
    ds::dispute_state::decided,      ds::dispute_state::court_objection, ds::dispute_state::final,
    ds::dispute_state::closed};
constexpr request_state forced_request_states[] = {request_state::received, request_state::extended,
                                                   request_state::answered, request_state::objected,
                                                   request_state::objection_answered, request_state::closed,
                                                   request_state::disputed};
constexpr std::size_t forced_cases = 20;

std::string rfc(instant t, int offset) { return domain::format_rfc3339(t, offset); }

[[noreturn]] void refused(std::string_view what, const domain::field_errors& errors, std::string_view detail = {}) {
  std::string text = fmt::format("generator bug: {} refused", what);
  if (!detail.empty()) {
    text += fmt::format(": {}", detail);
  }
  for (const auto& e : errors) {
    text += fmt::format("; {}: {}", e.field, e.message);
  }
  throw std::logic_error(text);
}

// The services' own clock rules (api/requests/request_clocks.hpp, api/disputes/dispute_clocks.hpp).
using api::request_due_dates;

struct case_run {
  const domain::ruleset* rules = nullptr;
  std::unique_ptr<api::clock_book> book;
  instant last{};        // the latest act
  bool stopped = false;  // the next act would have been at or after the limit
};

struct request_run : case_run {
  ports::stored_request stored;
  const domain::organisation* org = nullptr;
  std::string ppid;  // actor ids
  std::string atasan;
};

struct dispute_run : case_run {
  ds::dispute d;
  const domain::organisation* ki = nullptr;
  std::string registrar;  // actor ids
  std::string commissioner;
};

enum class request_goal { natural, received, extended, answered, objected, objection_answered, closed, to_ki };

request_goal goal_of(request_state s) {
  switch (s) {
    case request_state::received: return request_goal::received;
    case request_state::extended: return request_goal::extended;
    case request_state::answered: return request_goal::answered;
    case request_state::objected: return request_goal::objected;
    case request_state::objection_answered: return request_goal::objection_answered;
    case request_state::closed: return request_goal::closed;
    case request_state::disputed: return request_goal::to_ki;
  }
  return request_goal::natural;
}

}  // namespace

struct case_factory::impl {
  const reference_data& ref;
  factory_options options;
  reference_transaction tx;
  api::clock_context clocks;
  sequence_counters counters;

  instant cut{};    // every act happens before this instant: local midnight of `today` in the easternmost zone
  instant limit{};  // cut, or the far future while a forced case is fitted
  civil_date window_first{};
  std::vector<double> request_arrivals;  // cumulative weights per day of the window
  std::vector<double> dispute_arrivals;

  std::unordered_map<std::string, const domain::organisation*> by_code;
  std::unordered_map<std::string, std::string> competent_ki;
  std::vector<const domain::organisation*> national_respondents;
  struct province_bodies {
    double weight = 0;
    std::vector<const domain::organisation*> provincial;
    std::vector<const domain::organisation*> local;  // regencies and cities
  };
  std::vector<province_bodies> provinces_;
  std::vector<double> province_weights;
  const domain::organisation* benchmark_respondent = nullptr;
  std::vector<const domain::organisation*> benchmark_province_bodies;

  impl(const reference_data& reference, factory_options o) : ref(reference), options(std::move(o)), tx(reference), clocks(tx) {
    cut = domain::start_of_local_day(options.today, 9 * 60);
    limit = cut;
    window_first = domain::add_days(options.today, -3 * 365);
    for (const auto& org : ref.organisations) {
      by_code.emplace(org.code, &org);
    }
    for (const auto& org : ref.organisations) {
      if (!org.is_respondent()) {
        continue;
      }
      const auto ki = org.competent_ki ? org.competent_ki : domain::derive_competent_ki(org, ref.organisations);
      if (!ki) {
        continue;  // no KI above it: never a respondent here
      }
      competent_ki.emplace(org.code, *ki);
      if (org.level == domain::organisation_level::national) {
        national_respondents.push_back(&org);
      }
    }
    for (const auto& p : provinces()) {
      province_bodies bodies;
      bodies.weight = p.weight;
      for (const auto& org : ref.organisations) {
        if (!org.is_respondent() || !competent_ki.contains(org.code) ||
            domain::province_of(org.region_code) != p.region || org.level == domain::organisation_level::national) {
          continue;
        }
        (org.level == domain::organisation_level::province ? bodies.provincial : bodies.local).push_back(&org);
      }
      if (bodies.provincial.empty() && bodies.local.empty()) {
        continue;
      }
      for (const auto* org : bodies.local) {
        if (competent_ki.at(org->code) == options.benchmark_ki) {
          benchmark_province_bodies.push_back(org);
        }
      }
      provinces_.push_back(std::move(bodies));
      province_weights.push_back(p.weight);
    }
    const auto bench = by_code.find(options.benchmark_respondent);
    if (bench == by_code.end() || !competent_ki.contains(options.benchmark_respondent) ||
        competent_ki.at(options.benchmark_respondent) != options.benchmark_ki) {
      throw std::runtime_error("benchmark respondent " + options.benchmark_respondent + " is not heard by " +
                               options.benchmark_ki);
    }
    benchmark_respondent = bench->second;
    if (benchmark_province_bodies.empty()) {
      benchmark_province_bodies.push_back(benchmark_respondent);
    }
    request_arrivals = arrival_weights(0);
    dispute_arrivals = arrival_weights(45);  // disputes follow the requests they come from by a few weeks
  }

  // --- Time ---

  // Cumulative day weights over the window: working days far busier than weekends, and the 2024 general
  // election (14 Feb) and simultaneous regional elections (27 Nov) drawing far more requests.
  std::vector<double> arrival_weights(int lag_days) const {
    const auto pemilu = domain::to_days(civil_date{std::chrono::year{2024}, std::chrono::February, std::chrono::day{14}});
    const auto pilkada = domain::to_days(civil_date{std::chrono::year{2024}, std::chrono::November, std::chrono::day{27}});
    const auto bump = [](std::chrono::sys_days day, std::chrono::sys_days centre, double width) {
      const double x = static_cast<double>((day - centre).count()) / width;
      return std::exp(-x * x);
    };
    std::vector<double> out;
    double total = 0;
    for (auto day = domain::to_days(window_first); day < domain::to_days(options.today); day += days{1}) {
      const auto shifted = day - days{lag_days};
      double w = domain::is_weekend(domain::from_days(day)) ? 0.12 : 1.0;
      w *= 1.0 + 2.0 * bump(shifted, pemilu, 35) + 1.5 * bump(shifted, pilkada, 30);
      total += w;
      out.push_back(total);
    }
    for (auto& v : out) {
      v /= total;
    }
    return out;
  }

  // The day of the `index`-th of N arrivals: stratified, so arrivals follow the index order.
  civil_date arrival_day(const std::vector<double>& cdf, std::size_t index, random_source& r) const {
    // The forced cases at the end of the index range have their own dates.
    const auto natural = options.cases > forced_cases ? options.cases - forced_cases : std::size_t{1};
    const double q = (static_cast<double>(index) + r.uniform()) / static_cast<double>(natural);
    const auto it = std::lower_bound(cdf.begin(), cdf.end(), q);
    const auto offset = std::min<std::ptrdiff_t>(it - cdf.begin(), static_cast<std::ptrdiff_t>(cdf.size()) - 1);
    return domain::add_days(window_first, static_cast<int>(offset));
  }

  const domain::working_calendar& calendar_of(const domain::organisation& org, const domain::ruleset& rules) {
    return clocks.calendar(org.code, rules.counting);
  }

  static instant local_time(civil_date day, int minute, int offset) {
    return domain::start_of_local_day(day, offset) + minutes{minute};
  }

  // An act during office hours `n` working days after the local date of `from` (n = 0: later that day).
  instant office_act(const domain::organisation& org, const domain::ruleset& rules, instant from, int n,
                     random_source& r) {
    const int offset = org.utc_offset_minutes;
    if (n <= 0) {
      return from + minutes{r.between(20, 150)};
    }
    const auto day = calendar_of(org, rules).add_working_days(domain::local_date(from, offset), n);
    return local_time(day, r.between(8 * 60 + 10, 15 * 60 + 40), offset);
  }

  // An act on the working day `n` after `day` (day 0).
  instant office_act_on(const domain::organisation& org, const domain::ruleset& rules, civil_date day, int n,
                        random_source& r) {
    const auto target = n == 0 ? day : calendar_of(org, rules).add_working_days(day, n);
    return local_time(target, r.between(8 * 60 + 10, 15 * 60 + 40), org.utc_offset_minutes);
  }

  // --- Organisations ---

  const domain::organisation& org(const std::string& code) const { return *by_code.at(code); }

  const domain::organisation& pick_respondent(random_source& r) {
    if (!national_respondents.empty() && r.chance(0.04)) {
      return *r.pick(national_respondents);
    }
    const auto& p = provinces_[r.weighted(province_weights)];
    if (p.local.empty() || (!p.provincial.empty() && r.chance(0.3))) {
      return *r.pick(p.provincial);
    }
    return *r.pick(p.local);
  }

  static std::string actor(std::string_view role, const std::string& org_code) {
    return fmt::format("gen-{}-{}", role, org_code);
  }

  // --- Information requests (api/requests/request_service.cpp, step by step) ---

  std::string next_request_number(std::string_view kind, const std::string& template_text, const std::string& org_code,
                                  civil_date date) {
    return api::take_ppid_number(next_value(), kind, template_text, org_code, date);
  }

  api::sequence_source next_value() {
    return [this](const std::string& scope) { return counters.next(scope); };
  }

  void request_event(case_rows& out, const request_run& q, const std::string& actor_id,
                     const domain::request_event& event, instant now) {
    out.events.push_back(domain::case_event{"request", q.stored.request.id, q.stored.request.version, actor_id, now,
                                            event.action, event.payload_json});
  }

  domain::transition_context request_context(request_run& q, instant now) {
    const auto today = domain::local_date(now, q.org->utc_offset_minutes);
    // Silences that have come due are recorded first, as act_on_request does.
    q.book->apply(domain::timer_intents(q.stored.request, request_due_dates(q.book->records()), today),
                  q.stored.request.respondent, *q.rules);
    return {now, today, q.org->utc_offset_minutes, request_due_dates(q.book->records()), q.rules};
  }

  void commit_request(request_run& q, case_rows& out, domain::transition_result result, const std::string& actor_id,
                      instant now, std::string_view what) {
    if (!result.ok()) {
      refused(fmt::format("request {} ({})", what, domain::to_string(q.stored.request.state)), result.errors,
              result.refused == domain::cases::refusal::not_allowed ? "not allowed" : "");
    }
    q.book->apply(result.intents, result.next.respondent, *q.rules);
    q.stored.request = std::move(result.next);
    request_event(out, q, actor_id, result.event, now);
    q.last = now;
  }

  bool in_time(case_run& c, instant t) {
    if (t >= limit) {
      c.stopped = true;
    }
    return !c.stopped;
  }

  request_run create_request(random_source& r, const domain::organisation& respondent, instant received,
                             case_rows& out) {
    request_run q;
    q.org = &respondent;
    q.ppid = actor("ppid", respondent.code);
    q.atasan = actor("ppid_superior", respondent.code);
    const int offset = respondent.utc_offset_minutes;
    const auto area = area_of(respondent);

    domain::new_request_input in;
    in.respondent = respondent.code;
    in.received_at = rfc(received, offset);
    const auto channel = r.weighted({45, 25, 15, 10, 3, 2});
    in.channel = std::string(domain::to_string(domain::all_request_channels[channel]));
    const auto kind = r.weighted({80, 12, 8});
    in.applicant.kind = std::string(domain::to_string(domain::all_applicant_kinds[kind]));
    in.applicant.name = kind == 0 ? person_name(r) : kind == 1 ? institution_name(r) : group_name(r);
    if (kind == 0) {
      in.applicant.id_number = nik(r, respondent.region_code);
    }
    if (r.chance(0.8)) {
      in.applicant.address = street_address(r, area);
    }
    in.applicant.email = email_address(r, in.applicant.name);
    if (r.chance(0.7)) {
      in.applicant.phone = phone_number(r);
    }
    in.information_requested = information_requested(r, respondent.kind, area);
    in.purpose = request_purpose(r);
    in.format = r.chance(0.75) ? "softcopy" : "hardcopy";
    in.delivery_medium = r.pick(std::vector<std::string>{"email", "email", "ambil langsung", "pos", "faksimile"});

    // Logged by the PPID on receipt, or (web and e-mail after hours) the next morning at the latest.
    const auto now = std::min(received + minutes{r.between(2, 90)}, std::max(received, limit - std::chrono::seconds{1}));
    if (const auto errors = domain::validate_new_request(in, now); !errors.empty()) {
      refused("request input", errors);
    }
    const auto received_date = domain::local_date(received, offset);
    const auto suggestion = domain::choose_ruleset(received_date, respondent.region_code, ref.election_periods);
    auto decided = domain::decide_ruleset(suggestion, std::nullopt, std::nullopt, 0);
    auto choice = std::get<domain::ruleset_choice>(decided);
    const auto in_force = tx.rulesets().in_force(choice.name, received_date);
    if (!in_force) {
      throw std::runtime_error("no rule set " + choice.name + " in force on " + domain::format_iso_date(received_date));
    }
    choice.version = in_force->version;
    q.rules = &clocks.ruleset(choice.name, choice.version);

    domain::creation_context ctx;
    ctx.id = r.hex_id();
    ctx.now = now;
    ctx.ruleset = choice;
    ctx.number = next_request_number("request", domain::default_ppid_register_templates.request, respondent.code,
                                     received_date);
    auto result = domain::create_request(in, ctx);
    if (!result.ok()) {
      refused("request creation", result.errors);
    }
    q.stored.request = result.next;
    q.book = std::make_unique<api::clock_book>(tx, clocks, "request", q.stored.request.id);
    q.book->apply(result.intents, q.stored.request.respondent, *q.rules);
    request_event(out, q, q.ppid, result.event, now);
    q.last = now;
    return q;
  }

  instant request_received_at(const domain::organisation& respondent, civil_date day, random_source& r) {
    // Most arrive in office hours; web and e-mail requests also in the evening (deemed received the
    // next working day) and some on weekends.
    const auto slot = r.weighted({78, 16, 6});
    const int minute = slot == 0 ? r.between(7 * 60 + 30, 15 * 60 + 59)
                                 : slot == 1 ? r.between(16 * 60, 20 * 60 + 59) : r.between(21 * 60, 23 * 60 + 50);
    return local_time(day, minute, respondent.utc_offset_minutes);
  }

  civil_date local(const request_run& q, instant t) const { return domain::local_date(t, q.org->utc_offset_minutes); }

  // Drives a request from `received` to the goal (natural: by chance). Returns the instant the applicant
  // took it to the KI when the goal was to_ki and that happened before the limit.
  std::optional<instant> drive_request(request_run& q, random_source& r, request_goal goal, case_rows& out) {
    const auto& org = *q.org;
    const auto& rules = *q.rules;
    const auto received = q.stored.request.received_at.utc;
    const int response_days = rules.find("ppid_response")->effective_value().value_or(10);

    // Extension (once, within the response period).
    if (goal == request_goal::extended || (goal == request_goal::natural && r.chance(0.07))) {
      auto t = office_act(org, rules, received, r.between(0, 1), r);
      const auto due = request_due_dates(q.book->records()).ppid_response;
      if (due && local(q, t) > *due) {
        t = office_act_on(org, rules, *due, 0, r);
      }
      t = std::max(t, q.last + minutes{5});
      if (!in_time(q, t)) {
        return std::nullopt;
      }
      auto ctx = request_context(q, t);
      commit_request(q, out, domain::extend(q.stored.request, {"Informasi masih dihimpun dari satuan kerja terkait"}, ctx),
                     q.ppid, t, "extend");
    }
    if (goal == request_goal::received || goal == request_goal::extended) {
      return std::nullopt;
    }

    // The answer, or silence.
    enum class first { respond, silent_stuck, silent_objection };
    first step = first::respond;
    if (goal == request_goal::natural) {
      const auto x = r.weighted({93, 3, 4});
      step = x == 0 ? first::respond : x == 1 ? first::silent_stuck : first::silent_objection;
    } else if (goal == request_goal::to_ki || goal == request_goal::objected || goal == request_goal::objection_answered) {
      step = r.chance(0.2) ? first::silent_objection : first::respond;
    }
    if (step == first::silent_stuck) {
      return std::nullopt;
    }
    const bool wants_objection = goal == request_goal::to_ki || goal == request_goal::objected ||
                                 goal == request_goal::objection_answered;
    if (step == first::respond) {
      const auto due = *request_due_dates(q.book->records()).ppid_response;
      const bool late = r.chance(0.1);
      auto t = late ? office_act_on(org, rules, due, r.between(1, 6), r)
                    : office_act(org, rules, received, r.between(0, response_days), r);
      if (!late && local(q, t) > due) {
        t = office_act_on(org, rules, due, 0, r);
      }
      t = std::max(t, q.last + minutes{10});
      if (!in_time(q, t)) {
        return std::nullopt;
      }
      std::size_t decision = r.weighted({55, 20, 18, 7});
      if (wants_objection) {
        decision = r.chance(0.7) ? 2 : 1;
      } else if (goal == request_goal::closed || goal == request_goal::answered) {
        decision = 0;
      }
      static constexpr const char* refusals[] = {
          "Informasi dikecualikan berdasarkan Pasal 17 huruf h UU 14/2008",
          "Sebagian informasi memuat data pribadi yang dikecualikan",
          "Informasi tidak dikuasai oleh PPID; disarankan mengajukan kepada KPU RI",
      };
      domain::respond_command cmd{std::string(domain::to_string(domain::all_response_decisions[decision])),
                                  decision == 0 ? "" : refusals[decision == 3 ? 2 : decision == 1 ? 1 : 0],
                                  rfc(t, org.utc_offset_minutes)};
      auto ctx = request_context(q, t);
      commit_request(q, out, domain::respond(q.stored.request, cmd, ctx), q.ppid, t, "respond");

      // After the answer: satisfied (closed), objection, or nothing more.
      bool object = wants_objection;
      if (goal == request_goal::natural) {
        if (decision == 0) {
          if (r.chance(0.45)) {
            return close_request(q, r, out, "Pemohon telah menerima informasi dan menyatakan puas");
          }
          return std::nullopt;
        }
        const auto x = r.weighted({50, 25, 25});
        if (x == 1) {
          return close_request(q, r, out, "Pemohon tidak melanjutkan permohonan");
        }
        object = x == 0;
      } else if (goal == request_goal::closed) {
        return close_request(q, r, out, "Pemohon telah menerima informasi dan menyatakan puas");
      }
      if (!object) {
        return std::nullopt;
      }
      const auto ot = std::max(office_act(org, rules, q.last, r.between(2, 20), r), q.last + minutes{10});
      if (!in_time(q, ot)) {
        return std::nullopt;
      }
      file_objection(q, out, ot, decision == 2 ? std::vector<std::string>{"a"} : std::vector<std::string>{"d", "e"},
                     "Pemohon menilai informasi tersebut bukan informasi yang dikecualikan");
    } else {
      // Unanswered: the ground "not answered" arises the day after the response period (T03).
      const auto due = *request_due_dates(q.book->records()).ppid_response;
      const auto ot = std::max(office_act_on(org, rules, due, r.between(1, 10), r), q.last + minutes{10});
      if (!in_time(q, ot)) {
        return std::nullopt;
      }
      file_objection(q, out, ot, {"c"}, "Permohonan tidak ditanggapi dalam jangka waktu");
    }
    if (goal == request_goal::objected) {
      return std::nullopt;
    }

    // The atasan PPID's answer, or silence.
    const int atasan_days = rules.find("atasan_response")->effective_value().value_or(30);
    const bool answered = goal == request_goal::objection_answered ||
                          (goal == request_goal::to_ki ? r.chance(0.8) : r.chance(0.85));
    if (answered) {
      const auto t = std::max(office_act(org, rules, q.last, r.between(1, atasan_days + 2), r), q.last + minutes{10});
      if (!in_time(q, t)) {
        return std::nullopt;
      }
      const bool upheld = goal == request_goal::to_ki || r.chance(0.7);
      domain::answer_objection_command cmd{upheld ? "upheld" : "overturned",
                                           upheld ? "Atasan PPID menguatkan jawaban PPID"
                                                  : "Atasan PPID memerintahkan PPID memberikan informasi",
                                           rfc(t, org.utc_offset_minutes)};
      auto ctx = request_context(q, t);
      commit_request(q, out, domain::answer_objection(q.stored.request, cmd, ctx), q.atasan, t, "answer_objection");
      if (goal == request_goal::natural && r.chance(0.35)) {
        return close_request(q, r, out, "Informasi telah diberikan sesuai tanggapan atasan PPID");
      }
    }
    if (goal != request_goal::to_ki) {
      return std::nullopt;
    }
    // The applicant goes to the KI: after the atasan's answer, or once the atasan's period has passed.
    const auto due = request_due_dates(q.book->records()).atasan_response;
    auto t = answered || !due ? office_act(org, rules, q.last, r.between(2, 12), r)
                              : office_act_on(org, rules, *due, r.between(1, 10), r);
    t = std::max(t, q.last + minutes{30});
    if (!in_time(q, t)) {
      return std::nullopt;
    }
    return t;
  }

  void file_objection(request_run& q, case_rows& out, instant t, std::vector<std::string> grounds, std::string reasons) {
    domain::file_objection_command cmd;
    cmd.grounds = std::move(grounds);
    cmd.reasons = std::move(reasons);
    cmd.received_at = rfc(t, q.org->utc_offset_minutes);
    cmd.number = next_request_number("objection", domain::default_ppid_register_templates.objection, q.org->code,
                                     local(q, t));
    auto ctx = request_context(q, t);
    commit_request(q, out, domain::file_objection(q.stored.request, cmd, ctx), q.ppid, t, "file_objection");
  }

  std::optional<instant> close_request(request_run& q, random_source& r, case_rows& out, const char* reason) {
    const auto t = std::max(office_act(*q.org, *q.rules, q.last, r.between(1, 10), r), q.last + minutes{10});
    if (!in_time(q, t)) {
      return std::nullopt;
    }
    auto ctx = request_context(q, t);
    commit_request(q, out, domain::close(q.stored.request, {reason}, ctx), q.ppid, t, "close");
    return std::nullopt;
  }

  // mark_request_disputed: the KI's registrar takes the tracked request (its chronology) at submission.
  domain::information_request mark_disputed(request_run& q, case_rows& out, const std::string& dispute_id,
                                            const std::string& ki, const std::string& registrar, instant now) {
    auto before = q.stored.request;
    auto ctx = request_context(q, now);
    q.stored.dispute_ki = ki;
    commit_request(q, out, domain::mark_disputed(before, {dispute_id, now}, ctx), registrar, now, "mark_disputed");
    return before;
  }

  void finish_request(request_run& q, case_rows& out, random_source& r) {
    tx.collect_deadlines(&out.deadlines, [&r] { return r.hex_id(); });
    api::refresh_clock_columns(q.stored, *q.book);
    q.book->save();
    tx.collect_deadlines(nullptr, {});
    out.requests.push_back(std::move(q.stored));
  }

  // --- Disputes (api/disputes/dispute_service.cpp, step by step) ---

  void dispute_event(case_rows& out, const ds::dispute& d, const std::string& actor_id, instant now,
                     std::string action, std::string payload) {
    out.events.push_back(domain::case_event{"dispute", d.id, d.version, actor_id, now, std::move(action), std::move(payload)});
  }

  // act_on_dispute after the access checks: numbers, transition, clocks, event.
  void act(dispute_run& c, case_rows& out, ds::command command, instant now, const std::string& actor_id) {
    auto& d = c.d;
    const int offset = c.ki->utc_offset_minutes;
    const auto today = domain::local_date(now, offset);
    api::number_dispute_command(next_value(), api::numbering_for(tx, d.ki), d, offset, today, command);
    ds::transition_context ctx;
    ctx.now = offset_instant{now, offset};
    ctx.due = api::due_map_of(c.book->records());
    ctx.rules = c.rules;
    auto result = ds::apply(d, command, ctx);
    if (!result.ok()) {
      refused(fmt::format("dispute {} ({})", ds::to_string(ds::action_of(command)), ds::to_string(d.state)),
              result.errors, result.detail);
    }
    auto& next = result.next;
    api::apply_dispute_clocks(*c.book, *c.rules, next, result.intents, today);
    d = std::move(next);
    dispute_event(out, d, actor_id, now, std::string(ds::to_string(result.event.action)), result.event.payload_json);
    c.last = now;
  }

  // mark_final after both parties' windows `key_of(party)` have passed (T26, T27); false when the run's
  // end came first.
  bool mark_final_after(dispute_run& c, case_rows& out, std::string (*key_of)(ds::party), random_source& r) {
    const auto due = api::due_map_of(c.book->records());
    const auto later = std::max(due.at(key_of(ds::party::applicant)), due.at(key_of(ds::party::respondent)));
    const auto t = std::max(office_act_on(*c.ki, *c.rules, later, r.between(1, 20), r), c.last + minutes{5});
    if (!in_time(c, t)) {
      return false;
    }
    act(c, out, ds::cmd::mark_final{}, t, c.registrar);
    return true;
  }

  // A dispute application as the registrar enters it (parse_new_dispute's result).
  ds::new_dispute application(random_source& r, const domain::organisation& respondent, instant submitted,
                              int ki_offset, const std::optional<domain::information_request>& tracked) {
    ds::new_dispute in;
    const auto area = area_of(respondent);
    in.respondent = respondent.code;
    in.submitted_at = offset_instant{submitted, ki_offset};
    const auto submitted_on = domain::local_date(submitted, ki_offset);
    if (tracked) {
      in.request_id = tracked->id;
      in.applicant.kind = tracked->applicant.kind;
      in.applicant.name = tracked->applicant.name;
      in.applicant.id_number = tracked->applicant.id_number.value_or("");
      in.applicant.address = tracked->applicant.address.value_or(street_address(r, area));
      in.applicant.email = tracked->applicant.email.value_or(email_address(r, tracked->applicant.name));
      in.applicant.phone = tracked->applicant.phone.value_or("");
      in.information_requested = tracked->information_requested;
      const bool silent = !tracked->response;
      const bool refused_exempt = tracked->response && tracked->response->decision == domain::response_decision::refused;
      in.grounds = {silent ? ds::dispute_ground::c : refused_exempt ? ds::dispute_ground::a : ds::dispute_ground::e};
    } else {
      ds::chronology ch;
      ch.request_date = domain::add_days(submitted_on, -r.between(40, 90));
      civil_date last = ch.request_date;
      if (r.chance(0.75)) {
        ch.ppid_response_date = domain::add_days(last, r.between(2, 12));
        last = *ch.ppid_response_date;
      } else {
        last = domain::add_days(last, 14);
      }
      ch.objection_date = domain::add_days(last, r.between(3, 14));
      last = *ch.objection_date;
      if (r.chance(0.65)) {
        ch.objection_response_date = domain::add_days(last, r.between(3, 12));
      }
      // Nothing after the filing itself.
      if (ch.objection_response_date && *ch.objection_response_date > submitted_on) {
        ch.objection_response_date.reset();
      }
      if (*ch.objection_date > submitted_on) {
        ch.objection_date = submitted_on;
      }
      in.chronology = ch;
      const auto kind = r.weighted({78, 14, 8});
      in.applicant.kind = kind == 0 ? domain::applicant_kind::individual
                                    : kind == 1 ? domain::applicant_kind::legal_entity : domain::applicant_kind::group;
      in.applicant.name = kind == 0 ? person_name(r) : kind == 1 ? institution_name(r) : group_name(r);
      in.applicant.id_number = kind == 0 ? nik(r, respondent.region_code) : fmt::format("AHU-{:07}.AH.01.07.{}", r.between(1, 9999999), r.between(2010, 2023));
      in.applicant.address = street_address(r, area);
      in.applicant.email = email_address(r, in.applicant.name);
      in.applicant.phone = r.chance(0.6) ? phone_number(r) : "";
      in.information_requested = information_requested(r, respondent.kind, area);
      if (!ch.ppid_response_date) {
        in.grounds = {ds::dispute_ground::c};
      } else {
        static constexpr ds::dispute_ground grounds[] = {ds::dispute_ground::a, ds::dispute_ground::a, ds::dispute_ground::d,
                                                         ds::dispute_ground::e, ds::dispute_ground::e, ds::dispute_ground::f,
                                                         ds::dispute_ground::g};
        in.grounds = {r.pick(grounds)};
        if (in.grounds.front() != ds::dispute_ground::g && r.chance(0.2)) {
          in.grounds.push_back(ds::dispute_ground::g);
        }
      }
    }
    if (in.applicant.kind != domain::applicant_kind::individual || r.chance(0.12)) {
      if (r.chance(0.5) || in.applicant.kind == domain::applicant_kind::group) {
        ds::representative rep;
        rep.name = person_name(r) + ", S.H.";
        rep.id_number = nik(r, respondent.region_code);
        rep.address = street_address(r, area);
        rep.email = email_address(r, rep.name);
        rep.phone = phone_number(r);
        in.representative = rep;
      }
    }
    in.reasons = in.grounds.front() == ds::dispute_ground::c
                     ? "Permohonan informasi dan keberatan tidak ditanggapi dalam jangka waktu yang ditentukan"
                     : "Termohon menolak memberikan informasi yang menurut pemohon merupakan informasi terbuka";
    in.petitum = {"Memerintahkan termohon memberikan informasi yang dimohon kepada pemohon"};
    if (r.chance(0.4)) {
      in.petitum.emplace_back("Menyatakan informasi yang dimohon merupakan informasi publik yang terbuka");
    }
    return in;
  }

  // submit_dispute after the access checks.
  dispute_run submit(random_source& r, const domain::organisation& respondent, const std::string& ki_code, instant submitted,
                     const std::optional<domain::information_request>& tracked, bool incomplete, case_rows& out) {
    dispute_run c;
    c.ki = &org(ki_code);
    c.registrar = actor("registrar", ki_code);
    c.commissioner = actor("commissioner", ki_code);
    const int offset = c.ki->utc_offset_minutes;
    auto in = application(r, respondent, submitted, offset, tracked);
    const auto submitted_on = domain::local_date(submitted, offset);
    // The track as submit_dispute decides it: the tracked request's, else the election period on the request date.
    const auto request_date = in.chronology ? in.chronology->request_date : submitted_on;
    const auto suggestion = domain::choose_ruleset(request_date, respondent.region_code, ref.election_periods);
    const auto track = std::get<ds::dispute_track>(
        ds::decide_track(tracked ? std::optional<std::string>{tracked->ruleset.name} : std::nullopt, suggestion,
                         std::nullopt, std::nullopt));
    in.ruleset = track.ruleset;
    const auto rules = tx.rulesets().in_force(in.ruleset, submitted_on);
    in.ruleset_version = rules->version;
    c.rules = &clocks.ruleset(rules->name, rules->version);
    const auto competent = competent_ki.at(respondent.code);
    if (ki_code != competent) {
      in.ki = ki_code;
    }

    // Every required document, less the identity document when the registry will ask for it.
    ds::dispute probe;
    probe.request_id = in.request_id;
    probe.chronology = in.chronology;
    probe.applicant.kind = in.applicant.kind;
    probe.representative = in.representative;
    in.attachments = ds::required_attachments(probe);
    if (incomplete) {
      std::erase_if(in.attachments, [](ds::attachment a) {
        return a == ds::attachment::identity_document || a == ds::attachment::articles_of_association;
      });
    }
    const auto now = offset_instant{submitted, offset};
    if (const auto errors = ds::validate_new_dispute(in, now); !errors.empty()) {
      refused("dispute application", errors);
    }

    ds::opening_context ctx;
    ctx.id = r.hex_id();
    ctx.competent_ki = competent;
    if (tracked) {
      ctx.tracked_chronology = api::chronology_of(*tracked);
    }
    ctx.track = track;
    ctx.due_of = api::filing_calculator(clocks, *c.rules, ki_code, respondent.code);
    ctx.utc_offset_minutes = offset;
    c.d = ds::open_dispute(in, ctx);
    c.book = std::make_unique<api::clock_book>(tx, clocks, "dispute", c.d.id);
    api::apply_dispute_clocks(*c.book, *c.rules, c.d, ds::opening_intents(c.d, c.rules), submitted_on);

    dispute_event(out, c.d, c.registrar, submitted, "submit", ds::submission_payload(c.d, track));
    c.last = submitted;
    return c;
  }

  instant ki_act(dispute_run& c, instant from, int lo, int hi, random_source& r) {
    return std::max(office_act(*c.ki, *c.rules, from, r.between(lo, hi), r), c.last + minutes{5});
  }

  std::vector<std::string> majelis(const std::string& ki) {
    return {fmt::format("komisioner1.{}", ki), fmt::format("komisioner2.{}", ki), fmt::format("komisioner3.{}", ki)};
  }

  // schedule_hearing now (the act) for a time some working days ahead; returns the hearing time.
  std::optional<instant> schedule(dispute_run& c, case_rows& out, random_source& r, ds::hearing_kind kind,
                                  const std::string& actor_id, int lead_lo, int lead_hi) {
    const auto t = ki_act(c, c.last, 0, 2, r);
    if (!in_time(c, t)) {
      return std::nullopt;
    }
    ds::cmd::schedule_hearing h;
    h.kind = kind;
    const auto when = office_act(*c.ki, *c.rules, t, r.between(lead_lo, lead_hi), r);
    h.scheduled_at = offset_instant{when, c.ki->utc_offset_minutes};
    if (r.chance(0.2)) {
      h.online_link = fmt::format("https://zoom.example.id/{}/{}", c.d.ki, r.between(100000, 999999));
    } else {
      h.location = "Ruang Sidang " + c.ki->name;
    }
    act(c, out, h, t, actor_id);
    return when;
  }

  void withdraw_or_lapse(dispute_run& c, case_rows& out, random_source& r, bool lapse) {
    const auto t = ki_act(c, c.last, 1, 8, r);
    if (!in_time(c, t)) {
      return;
    }
    const offset_instant at{t, c.ki->utc_offset_minutes};
    if (lapse) {
      act(c, out, ds::cmd::lapse{"Pemohon tidak hadir dalam dua kali persidangan tanpa alasan yang sah", at}, t, c.registrar);
    } else {
      act(c, out, ds::cmd::withdraw{"Pemohon mencabut permohonan karena informasi telah diberikan termohon", at}, t,
          c.registrar);
    }
  }

  std::vector<ds::order> orders(random_source& r) {
    std::vector<ds::order> out;
    out.push_back({"Memerintahkan termohon memberikan salinan informasi yang dimohon kepada pemohon",
                   r.chance(0.9) ? std::optional<int>(r.pick(std::vector<int>{7, 10, 14, 14, 30})) : std::nullopt});
    if (r.chance(0.3)) {
      out.push_back({"Memerintahkan termohon menghitamkan data pribadi sebelum memberikan informasi",
                     std::optional<int>(14)});
    }
    return out;
  }

  // Drives a submitted dispute towards `target` (natural: by chance) until the limit.
  void drive_dispute(dispute_run& c, random_source& r, std::optional<ds::dispute_state> target, bool incomplete,
                     case_rows& out) {
    using s = ds::dispute_state;
    const auto reached = [&](s state) { return target && *target == state; };
    const bool natural = !target;
    const int offset = c.ki->utc_offset_minutes;
    const auto missing_document = [&] {
      const auto required = ds::check_completeness(c.d);
      return required.missing;
    };

    // Registration.
    if (reached(s::submitted)) {
      return;
    }
    if (incomplete) {
      const auto t = ki_act(c, c.last, 1, 3, r);
      if (!in_time(c, t)) {
        return;
      }
      act(c, out, ds::cmd::request_completion{missing_document()}, t, c.registrar);
      if (reached(s::incomplete)) {
        return;
      }
      if (natural && r.chance(0.3)) {
        const auto rt = ki_act(c, c.last, 5, 15, r);
        if (in_time(c, rt)) {
          act(c, out, ds::cmd::reject_registration{"Pemohon tidak melengkapi berkas dalam jangka waktu yang diberikan",
                                                   offset_instant{rt, offset}},
              rt, c.registrar);
        }
        return;
      }
      const auto ct = ki_act(c, c.last, 2, 10, r);
      if (!in_time(c, ct)) {
        return;
      }
      act(c, out, ds::cmd::complete{c.d.completeness.missing_requested}, ct, c.registrar);
    } else if (natural && r.chance(0.025)) {
      const auto t = ki_act(c, c.last, 1, 5, r);
      if (in_time(c, t)) {
        act(c, out, ds::cmd::reject_registration{"Permohonan bukan sengketa informasi pemilu dan pemilihan",
                                                 offset_instant{t, offset}},
            t, c.registrar);
      }
      return;
    }
    {
      const auto t = ki_act(c, c.last, 1, incomplete ? 3 : 7, r);
      if (!in_time(c, t)) {
        return;
      }
      ds::cmd::register_dispute reg;
      reg.registered_at = offset_instant{t, offset};
      reg.majelis = majelis(c.d.ki);
      act(c, out, reg, t, c.registrar);
    }

    // Preliminary examination.
    if (natural && r.chance(0.03)) {
      return withdraw_or_lapse(c, out, r, false);
    }
    const auto prelim = schedule(c, out, r, ds::hearing_kind::preliminary_examination, c.registrar, 3, 12);
    if (!prelim || reached(s::registered)) {
      return;
    }
    {
      const auto t = std::max(*prelim + minutes{r.between(0, 45)}, c.last + minutes{5});
      if (!in_time(c, t)) {
        return;
      }
      act(c, out, ds::cmd::open_preliminary_examination{offset_instant{t, offset}}, t, c.commissioner);
    }
    if (reached(s::preliminary_examination)) {
      return;
    }

    enum class route { decide_now, withdraw, lapse, mediation, adjudication };
    route way = route::adjudication;
    if (natural) {
      const auto x = r.weighted({9, 3, 1.5, 35, 51.5});
      way = static_cast<route>(x);
    } else if (reached(s::mediation) || (*target == s::closed && r.chance(0.5))) {
      way = route::mediation;
    }
    if (way == route::withdraw || way == route::lapse) {
      return withdraw_or_lapse(c, out, r, way == route::lapse);
    }
    if (way == route::decide_now) {
      const auto t = ki_act(c, c.last, 0, 8, r);
      if (!in_time(c, t)) {
        return;
      }
      ds::cmd::decide dec;
      dec.outcome = r.chance(0.6) ? ds::dispute_outcome::inadmissible : ds::dispute_outcome::no_jurisdiction;
      dec.read_at = offset_instant{t, offset};
      act(c, out, dec, t, c.commissioner);
      return after_decision(c, out, r, target);
    }

    if (way == route::mediation) {
      const auto t = ki_act(c, c.last, 0, 8, r);
      if (!in_time(c, t)) {
        return;
      }
      ds::cmd::start_mediation m;
      m.mediator = fmt::format("komisioner2.{}", c.d.ki);
      m.held_at = offset_instant{t, offset};
      m.exemption_claim_withdrawn = c.d.has_ground(ds::dispute_ground::a);
      act(c, out, m, t, c.commissioner);
      const auto hearing = schedule(c, out, r, ds::hearing_kind::mediation, c.commissioner, 3, 10);
      if (!hearing || reached(s::mediation)) {
        return;
      }
      const auto outcome = natural ? r.weighted({65, 30, 5}) : 0;
      const auto at = std::max(office_act(*c.ki, *c.rules, *hearing, r.between(0, 5), r), c.last + minutes{5});
      if (!in_time(c, at)) {
        return;
      }
      if (outcome == 2) {
        return withdraw_or_lapse(c, out, r, false);
      }
      if (outcome == 0) {
        ds::cmd::decide dec;
        dec.outcome = ds::dispute_outcome::mediation_agreement;
        dec.read_at = offset_instant{at, offset};
        dec.orders = orders(r);
        act(c, out, dec, at, c.commissioner);
        return after_decision(c, out, r, target);
      }
      act(c, out, ds::cmd::mediation_failed{"Para pihak tidak mencapai kesepakatan", offset_instant{at, offset}}, at,
          c.commissioner);
    } else {
      const auto t = ki_act(c, c.last, 0, 8, r);
      if (!in_time(c, t)) {
        return;
      }
      act(c, out, ds::cmd::start_adjudication{offset_instant{t, offset}}, t, c.commissioner);
    }

    // Adjudication: evidence, perhaps conclusions, then the decision.
    auto hearing = schedule(c, out, r, ds::hearing_kind::evidence, c.registrar, 5, 15);
    if (!hearing) {
      return;
    }
    if (c.d.hearings.size() < 3 && r.chance(0.5)) {
      const auto t = std::max(*hearing + minutes{r.between(60, 180)}, c.last + minutes{5});
      if (!in_time(c, t)) {
        return;
      }
      c.last = t;  // the conclusions hearing is set at the evidence hearing
      hearing = schedule(c, out, r, ds::hearing_kind::conclusions, c.commissioner, 5, 10);
      if (!hearing) {
        return;
      }
    }
    if (reached(s::adjudication)) {
      return;
    }
    if (natural && r.chance(0.07)) {
      return withdraw_or_lapse(c, out, r, r.chance(0.3));
    }
    const auto at = std::max(office_act(*c.ki, *c.rules, *hearing, r.between(5, 25), r), c.last + minutes{5});
    if (!in_time(c, at)) {
      return;
    }
    ds::cmd::decide dec;
    static constexpr ds::dispute_outcome outcomes[] = {ds::dispute_outcome::granted, ds::dispute_outcome::partly_granted,
                                                       ds::dispute_outcome::rejected, ds::dispute_outcome::inadmissible,
                                                       ds::dispute_outcome::no_jurisdiction};
    dec.outcome = target && (*target == s::closed || *target == s::final) ? ds::dispute_outcome::granted
                                                                          : outcomes[r.weighted({30, 30, 25, 10, 5})];
    dec.read_at = offset_instant{at, offset};
    if (dec.outcome == ds::dispute_outcome::granted || dec.outcome == ds::dispute_outcome::partly_granted) {
      dec.orders = orders(r);
    }
    act(c, out, dec, at, c.commissioner);
    after_decision(c, out, r, target);
  }

  void after_decision(dispute_run& c, case_rows& out, random_source& r, std::optional<ds::dispute_state> target) {
    using s = ds::dispute_state;
    const bool natural = !target;
    const auto reached = [&](s state) { return target && *target == state; };
    const int offset = c.ki->utc_offset_minutes;
    const auto read_at = c.d.decision->read_at.utc;

    // The copies go to both parties (a decided case may wait for one).
    const bool serve_both = !natural || r.chance(0.97);
    std::vector<std::pair<instant, ds::party>> services;
    services.emplace_back(office_act(*c.ki, *c.rules, read_at, r.between(1, 6), r), ds::party::applicant);
    if (serve_both) {
      services.emplace_back(office_act(*c.ki, *c.rules, read_at, r.between(1, 6), r), ds::party::respondent);
    }
    std::sort(services.begin(), services.end());
    for (const auto& [at, party] : services) {
      const auto t = std::max(at, c.last + minutes{5});
      if (!in_time(c, t)) {
        return;
      }
      act(c, out, ds::cmd::serve_copy{party, offset_instant{t, offset}}, t, c.registrar);
    }
    if (!serve_both || reached(s::decided)) {
      return;
    }

    if (c.d.state == s::decided) {
      const bool objection = reached(s::court_objection) || (natural && r.chance(0.12));
      if (objection) {
        const auto party = r.chance(0.75) ? ds::party::respondent : ds::party::applicant;
        const auto window = api::due_map_of(c.book->records()).at(ds::court_objection_key(party));
        const auto served = c.d.served(party)->served_at.utc;
        auto t = r.chance(0.9) ? office_act(*c.ki, *c.rules, served, r.between(2, 10), r)
                               : office_act_on(*c.ki, *c.rules, window, r.between(1, 5), r);
        t = std::max(t, c.last + minutes{5});
        if (!in_time(c, t)) {
          return;
        }
        ds::cmd::record_court_objection o;
        o.filed_by = party;
        o.filed_at = offset_instant{t, offset};
        o.court = "PTUN " + area_of(*c.ki);
        o.case_number = fmt::format("{}/G/KI/{}/PTUN", r.between(1, 60), static_cast<int>(domain::local_date(t, offset).year()));
        act(c, out, o, t, c.registrar);
        if (reached(s::court_objection) || (natural && r.chance(0.5))) {
          return;
        }
        const auto dt = ki_act(c, c.last, 40, 150, r);
        if (!in_time(c, dt)) {
          return;
        }
        act(c, out, ds::cmd::record_court_decision{offset_instant{dt, offset}, "Menguatkan putusan Komisi Informasi"}, dt,
            c.registrar);
        // No cassation: final once both parties' cassation windows have passed (T27).
        if (!mark_final_after(c, out, ds::cassation_key, r)) {
          return;
        }
      } else if (!mark_final_after(c, out, ds::court_objection_key, r)) {
        // Final once both parties' objection windows have passed (T26).
        return;
      }
    }
    if (reached(s::final)) {
      return;
    }

    // Compliance with the orders (decisions without orders stay final).
    int longest = 0;
    for (const auto& o : c.d.decision->orders) {
      longest = std::max(longest, o.due_days.value_or(0));
    }
    if (longest == 0 && !reached(s::closed)) {
      return;
    }
    if (natural && !r.chance(0.7)) {
      return;
    }
    const bool complied = reached(s::closed) || r.chance(0.85);
    const auto from = domain::start_of_local_day(*c.d.final_on, offset);
    const int n = std::max(1, static_cast<int>(std::lround(std::max(1, longest) * (0.5 + r.uniform()))));
    const auto t = std::max(office_act(*c.ki, *c.rules, from, n, r), c.last + minutes{5});
    if (!in_time(c, t)) {
      return;
    }
    act(c, out,
        ds::cmd::record_compliance{complied, offset_instant{t, offset},
                                   complied ? "Berita acara penyerahan salinan informasi kepada pemohon" : ""},
        t, c.registrar);
  }

  void finish_dispute(dispute_run& c, case_rows& out, random_source& r) {
    tx.collect_deadlines(&out.deadlines, [&r] { return r.hex_id(); });
    c.book->save();
    tx.collect_deadlines(nullptr, {});
    out.disputes.push_back(api::to_document(c.d, c.book->records(), c.ki->utc_offset_minutes));
  }

  // --- One pair ---

  struct pair_plan {
    const domain::organisation* respondent = nullptr;       // of the request
    instant received{};
    request_goal request = request_goal::natural;
    const domain::organisation* dispute_respondent = nullptr;  // of an untracked dispute
    std::string dispute_ki;
    instant submitted{};
    std::optional<ds::dispute_state> dispute_target;
    bool incomplete = false;
  };

  // Runs a planned pair into `out`; returns the latest act.
  instant run_pair(const pair_plan& p, random_source& r, case_rows& out) {
    auto q = create_request(r, *p.respondent, p.received, out);
    const auto to_ki = drive_request(q, r, p.request, out);
    std::optional<domain::information_request> tracked;
    dispute_run c;
    if (to_ki) {
      // submit_dispute marks the tracked request first and takes the chronology from the state before;
      // the dispute's id is drawn in submit(), so the two events are put back in the service's order.
      const auto& ki = competent_ki.at(p.respondent->code);
      const auto before = q.stored.request;
      c = submit(r, *p.respondent, ki, *to_ki, before, p.incomplete, out);
      mark_disputed(q, out, c.d.id, ki, c.registrar, *to_ki);
      std::rotate(out.events.end() - 2, out.events.end() - 1, out.events.end());
      tracked = before;
    }
    finish_request(q, out, r);
    if (!tracked) {
      c = submit(r, *p.dispute_respondent, p.dispute_ki, p.submitted, std::nullopt, p.incomplete, out);
    }
    drive_dispute(c, r, p.dispute_target, p.incomplete, out);
    finish_dispute(c, out, r);
    return std::max(q.last, c.last);
  }

  void make(std::size_t index, case_rows& out) {
    auto plan_random = random_source::for_item(options.seed, stream_pair, index);
    auto request_random = random_source::for_item(options.seed, stream_request, index);
    auto dispute_random = random_source::for_item(options.seed, stream_dispute, index);
    pair_plan p;
    const std::size_t n = options.cases;
    const std::size_t forced_from = n > forced_cases ? n - forced_cases : 0;
    if (index < forced_from) {
      p.respondent = &pick_respondent(request_random);
      p.received = request_received_at(*p.respondent, arrival_day(request_arrivals, index, request_random), request_random);
      const bool goes_to_ki = plan_random.chance(0.1);
      p.request = goes_to_ki ? request_goal::to_ki : request_goal::natural;
      p.dispute_respondent = &pick_respondent(dispute_random);
      p.dispute_ki = competent_ki.at(p.dispute_respondent->code);
      if (p.dispute_ki != "ki-pusat" && plan_random.chance(0.01)) {
        p.dispute_ki = "ki-pusat";  // filed at the wrong KI: flagged for the panel
      }
      const auto day = arrival_day(dispute_arrivals, index, dispute_random);
      p.submitted = local_time(day, dispute_random.between(8 * 60 + 5, 15 * 60 + 45), org(p.dispute_ki).utc_offset_minutes);
      p.incomplete = plan_random.chance(0.12);
      // A weekend or holiday submission waits in the box until the next working day.
      const auto& cal = clocks.calendar(p.dispute_ki, clocks.ruleset("perki_1_2019", 1).counting);
      if (!cal.is_working_day(day)) {
        p.submitted = local_time(cal.next_working_day(day), dispute_random.between(8 * 60 + 5, 11 * 60),
                                 org(p.dispute_ki).utc_offset_minutes);
      }
      p.submitted = std::min(p.submitted, cut - minutes{1});
      run_pair(p, plan_random, out);
      return;
    }

    // The last cases: at the benchmark KI and respondent, every state, some recent and some weeks old.
    const std::size_t k = index - forced_from;
    p.respondent = benchmark_respondent;
    p.request = goal_of(forced_request_states[k % std::size(forced_request_states)]);
    p.dispute_respondent = k % 2 == 0 ? benchmark_respondent : plan_random.pick(benchmark_province_bodies);
    p.dispute_ki = options.benchmark_ki;
    p.dispute_target = forced_dispute_states[k % std::size(forced_dispute_states)];
    p.incomplete = *p.dispute_target == ds::dispute_state::incomplete;
    const auto lag = hours{24 * (k % 2 == 0 ? plan_random.between(0, 3) : plan_random.between(25, 80))};
    auto start = cut - lag - days{30};
    const auto saved_limit = limit;
    limit = instant::max();
    for (int attempt = 0;; ++attempt) {
      p.received = start;
      p.submitted = start + days{45};
      counters.begin_trial();
      case_rows rows;
      auto r = plan_random;
      const auto last = run_pair(p, r, rows);
      const auto wanted = cut - lag - hours{2};
      if (last <= wanted || (last < cut && attempt >= 4)) {
        counters.commit_trial();
        out.append(std::move(rows));
        break;
      }
      counters.discard_trial();
      if (attempt == 8) {
        limit = saved_limit;
        throw std::logic_error("generator bug: a forced case does not fit before today");
      }
      start -= (last - wanted) + hours{24};
    }
    limit = saved_limit;
  }
};

case_factory::case_factory(const reference_data& reference, factory_options options)
    : impl_(std::make_unique<impl>(reference, std::move(options))) {}

case_factory::~case_factory() = default;

void case_factory::make(std::size_t index, case_rows& out) { impl_->make(index, out); }

const sequence_counters& case_factory::sequences() const { return impl_->counters; }

}  // namespace perkara::bench
