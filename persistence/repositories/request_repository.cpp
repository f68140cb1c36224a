#include "persistence/repositories/request_repository.hpp"

#include "domain/cases/search_text.hpp"
#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/report_tallies.hpp"
#include "persistence/request_row.hpp"

#include <soci/soci.h>

#include <fmt/format.h>

#include <array>
#include <stdexcept>

namespace perkara::persistence::detail {
namespace {

using namespace domain;

// The requests row as a flat list of columns, so insert, update and select share one definition.
enum class kind { text, integer };
struct column {
  std::string_view name;
  kind type;
};

// clang-format off
constexpr column columns[] = {
    {"id", kind::text}, {"number", kind::text}, {"respondent", kind::text},
    {"received_at", kind::integer}, {"received_offset", kind::integer}, {"received_date", kind::text},
    {"channel", kind::text}, {"applicant_kind", kind::text}, {"applicant_name", kind::text},
    {"applicant_id_number", kind::text}, {"applicant_address", kind::text}, {"applicant_email", kind::text},
    {"applicant_phone", kind::text}, {"information_requested", kind::text}, {"purpose", kind::text},
    {"format", kind::text}, {"delivery_medium", kind::text}, {"ruleset", kind::text},
    {"ruleset_version", kind::integer}, {"ruleset_reason", kind::text}, {"election_code", kind::text},
    {"election_name", kind::text}, {"ruleset_override_reason", kind::text}, {"state", kind::text},
    {"version", kind::integer}, {"extension_reason", kind::text}, {"extension_at", kind::integer},
    {"response_decision", kind::text}, {"response_reasons", kind::text}, {"responded_at", kind::integer},
    {"responded_offset", kind::integer}, {"objection_number", kind::text}, {"objection_grounds", kind::text},
    {"objection_reasons", kind::text}, {"objection_received_at", kind::integer}, {"objection_offset", kind::integer},
    {"objection_answer_decision", kind::text}, {"objection_answer_reasons", kind::text},
    {"objection_answered_at", kind::integer}, {"objection_answered_offset", kind::integer},
    {"closed_reason", kind::text}, {"closed_at", kind::integer}, {"dispute_id", kind::text},
    {"dispute_ki", kind::text}, {"next_due", kind::text}, {"awaiting_party", kind::text},
    {"awaiting_due", kind::text}, {"search_text", kind::text},
    {"response_delivered_at", kind::integer}, {"response_delivered_offset", kind::integer},
    {"objection_answer_delivered_at", kind::integer}, {"objection_answer_delivered_offset", kind::integer},
    {"response_due", kind::text},
};
// clang-format on
constexpr std::size_t column_count = std::size(columns);
constexpr std::string_view no_due = "9999-12-31";

constexpr std::size_t index_of(std::string_view name) {
  for (std::size_t i = 0; i < column_count; ++i) {
    if (columns[i].name == name) {
      return i;
    }
  }
  throw std::logic_error("unknown requests column");
}

struct row {
  std::array<std::string, column_count> text;
  std::array<long long, column_count> number{};
  std::array<soci::indicator, column_count> ind{};

  row() { ind.fill(soci::i_null); }

  void put_opt(std::string_view name, const std::optional<std::string>& value) {
    const auto i = index_of(name);
    ind[i] = value ? soci::i_ok : soci::i_null;
    text[i] = value.value_or("");
  }
  void put(std::string_view name, std::string_view value) { put_opt(name, std::string(value)); }
  void put_int(std::string_view name, std::optional<long long> value) {
    const auto i = index_of(name);
    ind[i] = value ? soci::i_ok : soci::i_null;
    number[i] = value.value_or(0);
  }
  /// An instant in two columns: its UTC seconds and its offset (both NULL when absent).
  void put_at(std::string_view at, std::string_view offset, const std::optional<offset_instant>& t) {
    put_int(at, t ? std::optional<long long>(epoch_seconds(t->utc)) : std::nullopt);
    put_int(offset, t ? std::optional<long long>(t->offset_minutes) : std::nullopt);
  }
  [[nodiscard]] std::optional<std::string> get(std::string_view name) const {
    const auto i = index_of(name);
    return ind[i] == soci::i_ok ? std::optional<std::string>(text[i]) : std::nullopt;
  }
  [[nodiscard]] std::string must(std::string_view name) const {
    auto v = get(name);
    if (!v) {
      throw std::runtime_error(fmt::format("NULL in requests.{}", name));
    }
    return *v;
  }
  [[nodiscard]] std::optional<long long> get_int(std::string_view name) const {
    const auto i = index_of(name);
    return ind[i] == soci::i_ok ? std::optional<long long>(number[i]) : std::nullopt;
  }
  [[nodiscard]] long long must_int(std::string_view name) const {
    auto v = get_int(name);
    if (!v) {
      throw std::runtime_error(fmt::format("NULL in requests.{}", name));
    }
    return *v;
  }
};

template <class E, class Parse>
E enum_column(const row& r, std::string_view name, Parse parse) {
  const auto text = r.must(name);
  const auto v = parse(text);
  if (!v) {
    throw std::runtime_error(fmt::format("corrupt {} '{}' in requests", name, text));
  }
  return *v;
}

std::optional<offset_instant> offset_column(const row& r, std::string_view at, std::string_view offset) {
  const auto t = r.get_int(at);
  if (!t) {
    return std::nullopt;
  }
  return offset_instant{from_epoch_seconds(*t), static_cast<int>(r.get_int(offset).value_or(0))};
}

std::string grounds_text(const std::vector<objection_ground>& grounds) {
  std::string out;
  for (const auto g : grounds) {
    out += to_string(g);
  }
  return out;
}

row to_row(const ports::stored_request& s) {
  const auto& r = s.request;
  row w;
  w.put("id", r.id);
  w.put("number", r.number);
  w.put("respondent", r.respondent);
  w.put_at("received_at", "received_offset", r.received_at);
  w.put("received_date", format_iso_date(local_date(r.received_at.utc, r.received_at.offset_minutes)));
  w.put("channel", to_string(r.channel));
  w.put("applicant_kind", to_string(r.applicant.kind));
  w.put("applicant_name", r.applicant.name);
  w.put_opt("applicant_id_number", r.applicant.id_number);
  w.put_opt("applicant_address", r.applicant.address);
  w.put_opt("applicant_email", r.applicant.email);
  w.put_opt("applicant_phone", r.applicant.phone);
  w.put("information_requested", r.information_requested);
  w.put("purpose", r.purpose);
  w.put("format", r.format);
  w.put("delivery_medium", r.delivery_medium);
  w.put("ruleset", r.ruleset.name);
  w.put_int("ruleset_version", r.ruleset.version);
  w.put("ruleset_reason", to_string(r.ruleset.reason));
  w.put_opt("election_code", r.ruleset.election_code);
  w.put_opt("election_name", r.ruleset.election_name);
  w.put_opt("ruleset_override_reason", r.ruleset.override_reason);
  w.put("state", to_string(r.state));
  w.put_int("version", r.version);
  if (r.extension) {
    w.put("extension_reason", r.extension->reason);
    w.put_int("extension_at", epoch_seconds(r.extension->at));
  }
  if (r.response) {
    w.put("response_decision", to_string(r.response->decision));
    w.put("response_reasons", r.response->reasons);
    w.put_at("responded_at", "responded_offset", r.response->responded_at);
    w.put_at("response_delivered_at", "response_delivered_offset", r.response->delivered_at);
  }
  if (r.objection) {
    w.put("objection_number", r.objection->number);
    w.put("objection_grounds", grounds_text(r.objection->grounds));
    w.put("objection_reasons", r.objection->reasons);
    w.put_at("objection_received_at", "objection_offset", r.objection->received_at);
  }
  if (r.objection_answer) {
    w.put("objection_answer_decision", to_string(r.objection_answer->decision));
    w.put("objection_answer_reasons", r.objection_answer->reasons);
    w.put_at("objection_answered_at", "objection_answered_offset", r.objection_answer->answered_at);
    w.put_at("objection_answer_delivered_at", "objection_answer_delivered_offset", r.objection_answer->delivered_at);
  }
  if (r.closed) {
    w.put("closed_reason", r.closed->reason);
    w.put_int("closed_at", epoch_seconds(r.closed->at));
  }
  w.put_opt("dispute_id", r.dispute_id);
  w.put_opt("dispute_ki", s.dispute_ki);
  w.put("next_due", s.next_due ? format_iso_date(*s.next_due) : std::string(no_due));
  w.put("awaiting_party", to_string(s.awaiting_party));
  w.put_opt("awaiting_due", s.awaiting_due ? std::optional<std::string>(format_iso_date(*s.awaiting_due)) : std::nullopt);
  w.put_opt("response_due",
            s.response_due ? std::optional<std::string>(format_iso_date(*s.response_due)) : std::nullopt);
  w.put("search_text", fold_for_search(r.number + "\n" + r.applicant.name + "\n" + r.information_requested));
  return w;
}

ports::stored_request from_row(const row& w) {
  ports::stored_request s;
  auto& r = s.request;
  r.id = w.must("id");
  r.number = w.must("number");
  r.respondent = w.must("respondent");
  r.received_at = *offset_column(w, "received_at", "received_offset");
  r.channel = enum_column<request_channel>(w, "channel", parse_request_channel);
  r.applicant.kind = enum_column<applicant_kind>(w, "applicant_kind", parse_applicant_kind);
  r.applicant.name = w.must("applicant_name");
  r.applicant.id_number = w.get("applicant_id_number");
  r.applicant.address = w.get("applicant_address");
  r.applicant.email = w.get("applicant_email");
  r.applicant.phone = w.get("applicant_phone");
  r.information_requested = w.must("information_requested");
  r.purpose = w.must("purpose");
  r.format = w.must("format");
  r.delivery_medium = w.must("delivery_medium");
  r.ruleset.name = w.must("ruleset");
  r.ruleset.version = static_cast<int>(w.must_int("ruleset_version"));
  r.ruleset.reason = enum_column<ruleset_reason>(w, "ruleset_reason", parse_ruleset_reason);
  r.ruleset.election_code = w.get("election_code");
  r.ruleset.election_name = w.get("election_name");
  r.ruleset.override_reason = w.get("ruleset_override_reason");
  r.state = enum_column<request_state>(w, "state", parse_request_state);
  r.version = static_cast<int>(w.must_int("version"));
  if (const auto at = w.get_int("extension_at")) {
    r.extension = request_extension{w.get("extension_reason").value_or(""), from_epoch_seconds(*at)};
  }
  if (const auto at = offset_column(w, "responded_at", "responded_offset")) {
    r.response = request_response{enum_column<response_decision>(w, "response_decision", parse_response_decision),
                                  w.get("response_reasons").value_or(""), *at,
                                  offset_column(w, "response_delivered_at", "response_delivered_offset")};
  }
  if (const auto at = offset_column(w, "objection_received_at", "objection_offset")) {
    request_objection o;
    o.number = w.get("objection_number").value_or("");
    for (const char c : w.get("objection_grounds").value_or("")) {
      if (const auto g = parse_objection_ground(std::string_view(&c, 1))) {
        o.grounds.push_back(*g);
      }
    }
    o.reasons = w.get("objection_reasons").value_or("");
    o.received_at = *at;
    r.objection = std::move(o);
  }
  if (const auto at = offset_column(w, "objection_answered_at", "objection_answered_offset")) {
    r.objection_answer = request_objection_answer{
        enum_column<objection_decision>(w, "objection_answer_decision", parse_objection_decision),
        w.get("objection_answer_reasons").value_or(""), *at,
        offset_column(w, "objection_answer_delivered_at", "objection_answer_delivered_offset")};
  }
  if (const auto at = w.get_int("closed_at")) {
    r.closed = request_closure{w.get("closed_reason").value_or(""), from_epoch_seconds(*at)};
  }
  r.dispute_id = w.get("dispute_id");
  s.dispute_ki = w.get("dispute_ki");
  const auto due = w.must("next_due");
  if (due != no_due) {
    s.next_due = date_column(due, "requests.next_due");
  }
  s.awaiting_party = enum_column<awaiting_party>(w, "awaiting_party", [](std::string_view t) -> std::optional<awaiting_party> {
    for (const auto p : {awaiting_party::respondent, awaiting_party::applicant, awaiting_party::none}) {
      if (to_string(p) == t) {
        return p;
      }
    }
    return std::nullopt;
  });
  if (const auto d = w.get("awaiting_due")) {
    s.awaiting_due = date_column(*d, "requests.awaiting_due");
  }
  if (const auto d = w.get("response_due")) {
    s.response_due = date_column(*d, "requests.response_due");
  }
  return s;
}

std::string column_list() {
  std::string out;
  for (const auto& c : columns) {
    if (!out.empty()) {
      out += ", ";
    }
    out += c.name;
  }
  return out;
}

void bind_use(soci::statement& st, row& w, std::size_t i) {
  if (columns[i].type == kind::integer) {
    st.exchange(soci::use(w.number[i], w.ind[i]));
  } else {
    st.exchange(soci::use(w.text[i], w.ind[i]));
  }
}

// A bound value of a dynamically built statement (a struct, not a variant: GCC 12 warns falsely).
struct param {
  param(std::string s) : text(std::move(s)) {}
  param(long long n) : number(n), integer(true) {}
  std::string text;
  long long number = 0;
  bool integer = false;
};

std::vector<ports::stored_request> select(soci::session& sql, const std::string& tail, std::vector<param>& params) {
  row w;
  soci::statement st(sql);
  for (std::size_t i = 0; i < column_count; ++i) {
    if (columns[i].type == kind::integer) {
      st.exchange(soci::into(w.number[i], w.ind[i]));
    } else {
      st.exchange(soci::into(w.text[i], w.ind[i]));
    }
  }
  for (auto& p : params) {
    if (p.integer) {
      st.exchange(soci::use(p.number));
    } else {
      st.exchange(soci::use(p.text));
    }
  }
  st.alloc();
  st.prepare("SELECT " + column_list() + " FROM requests" + tail);
  st.define_and_bind();
  st.execute();
  std::vector<ports::stored_request> out;
  while (st.fetch()) {
    out.push_back(from_row(w));
  }
  return out;
}

// A request counts in the PPID tally of its office and month of receipt (docs/open-data.md "Monthly tallies").
void invalidate_request_tallies(const db_context& ctx, const ports::stored_request& stored) {
  const auto& r = stored.request;
  invalidate_tally(ctx, domain::reports::tally_kind::ppid, r.respondent,
                   local_date(r.received_at.utc, r.received_at.offset_minutes));
}

}  // namespace

void soci_request_repository::insert(const ports::stored_request& request) {
  translated([&] {
    auto w = to_row(request);
    std::string names, values;
    for (std::size_t i = 0; i < column_count; ++i) {
      names += (i ? ", " : "") + std::string(columns[i].name);
      values += fmt::format("{}:p{}", i ? ", " : "", i);
    }
    soci::statement st(ctx_.sql);
    for (std::size_t i = 0; i < column_count; ++i) {
      bind_use(st, w, i);
    }
    st.alloc();
    st.prepare("INSERT INTO requests (" + names + ") VALUES (" + values + ")");
    st.define_and_bind();
    st.execute(true);
    invalidate_request_tallies(ctx_, request);
  });
}

std::optional<ports::stored_request> soci_request_repository::find(const std::string& id, bool for_update) {
  return translated([&]() -> std::optional<ports::stored_request> {
    std::vector<param> params{param(id)};
    const std::string lock = for_update && ctx_.kind == backend::mysql ? " FOR UPDATE" : "";
    return first_row(select(ctx_.sql, " WHERE id = :id" + lock, params));
  });
}

std::optional<ports::stored_request> soci_request_repository::find_by_number(const std::string& number) {
  return translated([&]() -> std::optional<ports::stored_request> {
    std::vector<param> params{param(number)};
    return first_row(select(ctx_.sql, " WHERE number = :n", params));
  });
}

bool soci_request_repository::update(const ports::stored_request& request, int expected_version) {
  return translated([&] {
    auto w = to_row(request);
    std::string sets;
    soci::statement st(ctx_.sql);
    for (std::size_t i = 1; i < column_count; ++i) {  // every column but the id
      sets += fmt::format("{}{} = :p{}", i > 1 ? ", " : "", columns[i].name, i);
      bind_use(st, w, i);
    }
    std::string id = request.request.id;
    long long expected = expected_version;
    st.exchange(soci::use(id));
    st.exchange(soci::use(expected));
    st.alloc();
    st.prepare("UPDATE requests SET " + sets + " WHERE id = :id AND version = :expected");
    st.define_and_bind();
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return false;
    }
    invalidate_request_tallies(ctx_, request);
    return true;
  });
}

std::vector<ports::stored_request> soci_request_repository::list(const ports::request_filter& f) {
  return translated([&] {
    std::vector<param> params;
    std::vector<std::string> where;
    // Every placeholder name is unique; the values are bound in the order they appear.
    const auto add = [&](param p) {
      params.push_back(std::move(p));
      return fmt::format(":q{}", params.size());
    };
    std::vector<std::string> scope;
    if (f.respondent) {
      scope.push_back("respondent = " + add(*f.respondent));
    }
    if (f.disputed_at) {
      scope.push_back("dispute_ki = " + add(*f.disputed_at));
    }
    if (scope.empty()) {
      return std::vector<ports::stored_request>{};
    }
    where.push_back(scope.size() == 1 ? scope[0] : "(" + scope[0] + " OR " + scope[1] + ")");
    if (f.only_respondent) {
      where.push_back("respondent = " + add(*f.only_respondent));
    }
    if (f.state) {
      where.push_back("state = " + add(std::string(to_string(*f.state))));
    }
    if (f.q && !f.q->empty()) {
      where.push_back("search_text LIKE " + add(like_pattern(fold_for_search(*f.q))) + " ESCAPE '!'");
    }
    if (f.received_from) {
      where.push_back("received_date >= " + add(format_iso_date(*f.received_from)));
    }
    if (f.received_to) {
      where.push_back("received_date <= " + add(format_iso_date(*f.received_to)));
    }
    if (f.overdue_on) {
      where.push_back("awaiting_party = 'respondent' AND awaiting_due < " + add(format_iso_date(*f.overdue_on)));
    }
    if (f.after) {
      const auto d1 = add(f.after->due_key);
      const auto d2 = add(f.after->due_key);
      const auto r2 = add(f.after->received_at);
      const auto d3 = add(f.after->due_key);
      const auto r3 = add(f.after->received_at);
      const auto i3 = add(f.after->id);
      where.push_back(fmt::format("(next_due > {} OR (next_due = {} AND received_at > {}) OR (next_due = {} AND "
                                  "received_at = {} AND id > {}))",
                                  d1, d2, r2, d3, r3, i3));
    }
    std::string tail = " WHERE ";
    for (std::size_t i = 0; i < where.size(); ++i) {
      tail += (i ? " AND " : "") + where[i];
    }
    tail += fmt::format(" ORDER BY next_due, received_at, id LIMIT {}", std::max(1, f.limit));
    return select(ctx_.sql, tail, params);
  });
}

namespace {

/// The election periods of `SELECT ... FROM election_periods` + `where` (binding `day` twice when set), in
/// the order choose_ruleset's ties fall back on.
std::vector<election_period> read_election_periods(const db_context& ctx, const char* where,
                                                   const std::optional<std::string>& day) {
  std::vector<election_period> out;
  std::string code, prefix, name, kind_text, start, end, source, conf;
  soci::indicator prefix_ind = soci::i_ok;
  prepared p(ctx, std::string("SELECT code, region_prefix, name, kind, start_date, end_date, source, confidence FROM "
                              "election_periods") +
                      where + " ORDER BY start_date, code, region_prefix");
  auto& st = p.statement();
  st.exchange(soci::into(code));
  st.exchange(soci::into(prefix, prefix_ind));
  st.exchange(soci::into(name));
  st.exchange(soci::into(kind_text));
  st.exchange(soci::into(start));
  st.exchange(soci::into(end));
  st.exchange(soci::into(source));
  st.exchange(soci::into(conf));
  if (day) {
    st.exchange(soci::use(*day));
    st.exchange(soci::use(*day));
  }
  p.bound();
  st.execute();
  while (st.fetch()) {
    election_period e;
    e.code = code;
    // MariaDB and SQLite both keep '' apart from NULL, but a NULL is read as national too.
    e.region_prefix = prefix_ind == soci::i_ok ? prefix : std::string();
    e.name = name;
    e.kind = parse_election_kind(kind_text).value_or(election_kind::pemilu);
    e.start = date_column(start, "election_periods.start_date");
    e.end = date_column(end, "election_periods.end_date");
    e.source = source;
    e.confidence_level = parse_confidence(conf).value_or(confidence::unverified);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::vector<election_period> soci_request_repository::election_periods() {
  return translated([&] { return read_election_periods(ctx_, "", std::nullopt); });
}

std::vector<election_period> soci_request_repository::election_periods_on(domain::civil_date day) {
  return translated([&] {
    return read_election_periods(ctx_, " WHERE start_date <= :on AND end_date >= :on2", domain::format_iso_date(day));
  });
}

}  // namespace perkara::persistence::detail

namespace perkara::persistence {

std::vector<request_column> request_row(const ports::stored_request& request) {
  const auto w = detail::to_row(request);
  std::vector<request_column> out;
  out.reserve(detail::column_count);
  for (std::size_t i = 0; i < detail::column_count; ++i) {
    request_column c;
    c.name = detail::columns[i].name;
    c.integer = detail::columns[i].type == detail::kind::integer;
    if (w.ind[i] == soci::i_ok) {
      if (c.integer) {
        c.number = w.number[i];
      } else {
        c.text = w.text[i];
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace perkara::persistence
