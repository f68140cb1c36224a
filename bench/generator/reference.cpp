#include "bench/generator/reference.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace perkara::bench {
namespace {

[[noreturn]] void unsupported(const char* what) {
  throw std::logic_error(std::string("the generator's reference transaction does not serve ") + what);
}

class organisations_repo final : public ports::organisation_repository {
 public:
  explicit organisations_repo(const reference_data& data) : data_(data) {
    for (const auto& o : data.organisations) {
      by_code_.emplace(o.code, &o);
    }
  }
  std::vector<domain::organisation> list() override { return data_.organisations; }
  std::vector<domain::organisation> list(domain::organisation_kind kind) override {
    auto out = data_.organisations;
    std::erase_if(out, [kind](const domain::organisation& o) { return o.kind != kind; });
    return out;
  }
  std::optional<domain::organisation> find(const std::string& code) override {
    const auto it = by_code_.find(code);
    return it == by_code_.end() ? std::nullopt : std::optional<domain::organisation>(*it->second);
  }
  void upsert(const domain::organisation&) override { unsupported("organisation writes"); }

 private:
  const reference_data& data_;
  std::unordered_map<std::string, const domain::organisation*> by_code_;
};

class holidays_repo final : public ports::holiday_repository {
 public:
  explicit holidays_repo(const reference_data& data) : data_(data) {}
  std::vector<domain::holiday> list_for(const std::string& organisation) override {
    const auto it = data_.holidays.find(organisation);
    if (it == data_.holidays.end()) {
      throw std::logic_error("no holidays loaded for " + organisation);
    }
    return it->second;
  }
  std::vector<domain::holiday> list_year(int) override { unsupported("holidays by year"); }
  std::optional<domain::holiday> find(domain::civil_date, const std::optional<std::string>&,
                                      const std::string&) override {
    unsupported("holiday lookups");
  }
  void put(const domain::holiday&) override { unsupported("holiday writes"); }
  bool remove(domain::civil_date, const std::optional<std::string>&, const std::string&) override {
    unsupported("holiday writes");
  }
  std::string revision() override { return {}; }  // unknown: calendar_for reads list_for

 private:
  const reference_data& data_;
};

class rulesets_repo final : public ports::ruleset_repository {
 public:
  explicit rulesets_repo(const reference_data& data) : data_(data) {}
  std::vector<domain::ruleset> list_latest() override {
    std::map<std::string, domain::ruleset> latest;
    for (const auto& r : data_.rulesets) {
      auto [it, fresh] = latest.emplace(r.name, r);
      if (!fresh && r.version > it->second.version) {
        it->second = r;
      }
    }
    std::vector<domain::ruleset> out;
    out.reserve(latest.size());
    for (auto& [name, r] : latest) {
      out.push_back(std::move(r));
    }
    return out;
  }
  std::vector<domain::ruleset> versions(const std::string& name) override {
    std::vector<domain::ruleset> out;
    std::copy_if(data_.rulesets.begin(), data_.rulesets.end(), std::back_inserter(out),
                 [&](const domain::ruleset& r) { return r.name == name; });
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.version < b.version; });
    return out;
  }
  std::optional<domain::ruleset> in_force(const std::string& name, domain::civil_date date) override {
    const domain::ruleset* best = nullptr;
    for (const auto& r : data_.rulesets) {
      if (r.name == name && r.effective_from <= date && (!best || r.effective_from > best->effective_from)) {
        best = &r;
      }
    }
    return best ? std::optional<domain::ruleset>(*best) : std::nullopt;
  }
  std::optional<domain::ruleset> find(const std::string& name, int version) override {
    for (const auto& r : data_.rulesets) {
      if (r.name == name && r.version == version) {
        return r;
      }
    }
    return std::nullopt;
  }
  void insert(const domain::ruleset&) override { unsupported("rule set writes"); }

 private:
  const reference_data& data_;
};

class deadlines_repo final : public ports::deadline_repository {
 public:
  std::string save(const domain::deadline_record& record) override {
    if (!sink_) {
      unsupported("deadline writes outside a case");
    }
    auto copy = record;
    if (copy.id.empty()) {
      copy.id = ids_();
    }
    sink_->push_back(copy);
    return copy.id;
  }
  // Every case is new: nothing is stored for it yet.
  std::vector<domain::deadline_record> for_case(const std::string&, const std::string&) override { return {}; }
  std::vector<domain::deadline_record> open_from(domain::civil_date) override { unsupported("open deadlines"); }

  std::vector<domain::deadline_record>* sink_ = nullptr;
  std::function<std::string()> ids_;
};

class disputes_repo final : public ports::dispute_repository {
 public:
  explicit disputes_repo(const reference_data& data) : data_(data) {}
  void insert(const ports::dispute_document&) override { unsupported("dispute writes"); }
  std::optional<ports::dispute_document> find(const std::string&, bool) override { unsupported("dispute reads"); }
  bool update(const ports::dispute_document&, int) override { unsupported("dispute writes"); }
  std::optional<ports::dispute_document> find_by_register_number(const std::string&) override {
    unsupported("dispute reads");
  }
  std::optional<std::string> public_status(const std::string&) override { unsupported("dispute reads"); }
  std::vector<ports::dispute_document> list(const ports::dispute_filter&) override { unsupported("dispute lists"); }
  std::vector<ports::dispute_hearing_entry> hearings_between(domain::instant, domain::instant,
                                                             const std::optional<std::string>&) override {
    unsupported("hearing lists");
  }
  std::vector<ports::dispute_document> decided(const std::optional<std::string>&, std::optional<int>, int) override {
    unsupported("decision lists");
  }
  std::optional<ports::dispute_numbering> numbering(const std::string& ki) override {
    const auto it = data_.numbering.find(ki);
    return it == data_.numbering.end() ? std::nullopt : std::optional<ports::dispute_numbering>(it->second);
  }

 private:
  const reference_data& data_;
};

}  // namespace

struct reference_transaction::repositories {
  explicit repositories(const reference_data& data) : organisations(data), holidays(data), rulesets(data), disputes(data) {}
  organisations_repo organisations;
  holidays_repo holidays;
  rulesets_repo rulesets;
  deadlines_repo deadlines;
  disputes_repo disputes;
};

reference_data load_reference(ports::database& db) {
  auto tx = db.begin(ports::access::read);
  reference_data data;
  data.organisations = tx->organisations().list();
  // Only organisations with closures of their own, or in a province or regency with holidays of its own,
  // have a holiday list different from the national one.
  std::set<std::string> with_local;
  std::set<std::string> regions;
  for (int year = 1990; year <= 2100; ++year) {
    for (const auto& h : tx->holidays().list_year(year)) {
      if (h.organisation && !h.organisation->empty()) {
        with_local.insert(*h.organisation);
      }
      if (!h.region_code.empty()) {
        regions.insert(h.region_code);
      }
    }
  }
  const auto national = tx->holidays().list_for("");
  for (const auto& o : data.organisations) {
    const bool regional = regions.contains(o.region_code) || regions.contains(o.region_code.substr(0, o.region_code.find('.')));
    data.holidays.emplace(o.code, with_local.contains(o.code) || regional ? tx->holidays().list_for(o.code) : national);
    if (o.kind == domain::organisation_kind::ki) {
      if (auto n = tx->disputes().numbering(o.code)) {
        data.numbering.emplace(o.code, std::move(*n));
      }
    }
  }
  for (const auto& latest : tx->rulesets().list_latest()) {
    for (auto& r : tx->rulesets().versions(latest.name)) {
      data.rulesets.push_back(std::move(r));
    }
  }
  data.election_periods = tx->requests().election_periods();
  return data;
}

reference_transaction::reference_transaction(const reference_data& data)
    : repos_(std::make_unique<repositories>(data)) {}

reference_transaction::~reference_transaction() = default;

void reference_transaction::collect_deadlines(std::vector<domain::deadline_record>* sink,
                                              std::function<std::string()> ids) {
  repos_->deadlines.sink_ = sink;
  repos_->deadlines.ids_ = std::move(ids);
}

ports::organisation_repository& reference_transaction::organisations() { return repos_->organisations; }
ports::user_repository& reference_transaction::users() { unsupported("users"); }
ports::session_repository& reference_transaction::sessions() { unsupported("sessions"); }
ports::holiday_repository& reference_transaction::holidays() { return repos_->holidays; }
ports::ruleset_repository& reference_transaction::rulesets() { return repos_->rulesets; }
ports::audit_repository& reference_transaction::audit() { unsupported("audit"); }
ports::deadline_repository& reference_transaction::deadlines() { return repos_->deadlines; }
ports::event_repository& reference_transaction::events() { unsupported("events"); }
ports::sequence_repository& reference_transaction::sequences() { unsupported("sequences"); }
ports::request_repository& reference_transaction::requests() { unsupported("requests"); }
ports::dispute_repository& reference_transaction::disputes() { return repos_->disputes; }
ports::login_attempt_repository& reference_transaction::login_attempts() { unsupported("login attempts"); }
ports::letter_repository& reference_transaction::letters() { unsupported("letters"); }
ports::document_repository& reference_transaction::documents() { unsupported("documents"); }
ports::notice_outbox& reference_transaction::notices() { unsupported("notices"); }
ports::report_repository& reference_transaction::reports() { unsupported("reports"); }
ports::deadline_sweep_repository& reference_transaction::sweeps() { unsupported("sweeps"); }

}  // namespace perkara::bench
