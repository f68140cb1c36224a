#include "persistence/repositories/dispute_repository.hpp"

#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/bound_params.hpp"
#include "persistence/repositories/dispute_projections.hpp"
#include "persistence/repositories/report_tallies.hpp"

#include <soci/soci.h>

#include <functional>
#include <utility>

namespace perkara::persistence::detail {
namespace {

constexpr const char* select_columns =
    "SELECT d.id, d.ki, d.respondent, d.state, d.outcome, d.version, d.submitted_at, d.registered_at, "
    "d.registered_on, d.register_number, d.request_id, d.next_due, d.search_text, d.body, d.list_item FROM disputes d";
// For lists: the document only where there is no list projection yet.
constexpr const char* select_list_columns =
    "SELECT d.id, d.ki, d.respondent, d.state, d.outcome, d.version, d.submitted_at, d.registered_at, "
    "d.registered_on, d.register_number, d.request_id, d.next_due, d.search_text, "
    "CASE WHEN d.list_item IS NULL THEN d.body ELSE '' END, d.list_item FROM disputes d";
// For public lists: the public status, and the document only where there is none yet.
constexpr const char* select_public_columns =
    "SELECT d.id, d.ki, d.respondent, d.state, d.outcome, d.version, d.submitted_at, d.registered_at, "
    "d.registered_on, d.register_number, d.request_id, d.next_due, d.search_text, "
    "CASE WHEN d.public_item IS NULL THEN d.body ELSE '' END, d.public_item FROM disputes d";

/// What the last column of a query holds.
enum class last_column { list_item, public_item };

struct dispute_row {
  std::string id, ki, respondent, state, outcome, registered_on, register_number, request_id, next_due, search_text,
      body, list_item;
  int version = 0;
  long long submitted_at = 0, registered_at = 0;
  soci::indicator outcome_ind = soci::i_ok, registered_at_ind = soci::i_ok, registered_on_ind = soci::i_ok,
                  number_ind = soci::i_ok, request_ind = soci::i_ok, next_due_ind = soci::i_ok,
                  list_item_ind = soci::i_ok;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(ki));
    st.exchange(soci::into(respondent));
    st.exchange(soci::into(state));
    st.exchange(soci::into(outcome, outcome_ind));
    st.exchange(soci::into(version));
    st.exchange(soci::into(submitted_at));
    st.exchange(soci::into(registered_at, registered_at_ind));
    st.exchange(soci::into(registered_on, registered_on_ind));
    st.exchange(soci::into(register_number, number_ind));
    st.exchange(soci::into(request_id, request_ind));
    st.exchange(soci::into(next_due, next_due_ind));
    st.exchange(soci::into(search_text));
    st.exchange(soci::into(body));
    st.exchange(soci::into(list_item, list_item_ind));
  }

  [[nodiscard]] ports::dispute_document get() const {
    ports::dispute_document d;
    d.id = id;
    d.ki = ki;
    d.respondent = respondent;
    d.state = state;
    if (outcome_ind == soci::i_ok) {
      d.outcome = outcome;
    }
    d.version = version;
    d.submitted_at = from_epoch_seconds(submitted_at);
    if (registered_at_ind == soci::i_ok) {
      d.registered_at = from_epoch_seconds(registered_at);
    }
    if (registered_on_ind == soci::i_ok) {
      d.registered_on = date_column(registered_on, "disputes.registered_on");
    }
    if (number_ind == soci::i_ok) {
      d.register_number = register_number;
    }
    if (request_ind == soci::i_ok) {
      d.request_id = request_id;
    }
    if (next_due_ind == soci::i_ok) {
      d.next_due = date_column(next_due, "disputes.next_due");
    }
    d.search_text = search_text;
    d.body = body;
    if (list_item_ind == soci::i_ok) {
      d.list_item = list_item;
    }
    return d;
  }
};

std::vector<ports::dispute_document> query(const db_context& ctx, const std::string& tail, const bound_params& params,
                                           const char* columns = select_columns,
                                           last_column last = last_column::list_item) {
  dispute_row row;
  prepared p(ctx, std::string(columns) + tail);
  auto& st = p.statement();
  row.bind(st);
  params.bind(st);
  p.bound();
  st.execute();
  std::vector<ports::dispute_document> out;
  while (st.fetch()) {
    out.push_back(row.get());
    if (last == last_column::public_item) {
      out.back().public_item = std::exchange(out.back().list_item, {});
    }
  }
  return out;
}

/// A date column's text and null indicator.
struct date_value {
  std::string text;
  soci::indicator ind;
  explicit date_value(const std::optional<domain::civil_date>& d)
      : text(d ? domain::format_iso_date(*d) : ""), ind(d ? soci::i_ok : soci::i_null) {}
};

/// The report facts and the ki_completion clock's due date (migrations 0022 and 0028, docs/open-data.md
/// "Scale"), set on every INSERT and UPDATE.
struct report_values {
  date_value submitted_on, decided_on, closed_on, court_objection_on, court_decided_on, completion_due;
  int mediated, adjudicated;
  std::string court_result;
  soci::indicator court_result_ind;

  explicit report_values(const domain::reports::dispute_fact& f)
      : submitted_on(f.submitted_on),
        decided_on(f.decided_on),
        closed_on(f.closed_on),
        court_objection_on(f.court_objection_on),
        court_decided_on(f.court_decided_on),
        completion_due(f.completion_due),
        mediated(f.mediated ? 1 : 0),
        adjudicated(f.adjudicated ? 1 : 0),
        court_result(f.court_result),
        court_result_ind(f.court_decided_on ? soci::i_ok : soci::i_null) {}

  static constexpr const char* update_sql =
      ", submitted_on = :son, decided_on = :don, closed_on = :con, court_objection_on = :coon, court_decided_on = "
      ":cdon, court_result = :cres, mediated = :med, adjudicated = :adj, completion_due = :cdue";

  void bind(soci::statement& st) {
    st.exchange(soci::use(submitted_on.text, submitted_on.ind));
    st.exchange(soci::use(decided_on.text, decided_on.ind));
    st.exchange(soci::use(closed_on.text, closed_on.ind));
    st.exchange(soci::use(court_objection_on.text, court_objection_on.ind));
    st.exchange(soci::use(court_decided_on.text, court_decided_on.ind));
    st.exchange(soci::use(court_result, court_result_ind));
    st.exchange(soci::use(mediated));
    st.exchange(soci::use(adjudicated));
    st.exchange(soci::use(completion_due.text, completion_due.ind));
  }
};

/// The column values of a document, with their null indicators, for INSERT and UPDATE.
struct column_values {
  std::string outcome, registered_on, register_number, request_id, next_due;
  long long submitted_at = 0, registered_at = 0;
  soci::indicator outcome_ind, registered_at_ind, registered_on_ind, number_ind, request_ind, next_due_ind,
      list_item_ind, public_item_ind;

  explicit column_values(const ports::dispute_document& d)
      : outcome(d.outcome.value_or("")),
        registered_on(d.registered_on ? domain::format_iso_date(*d.registered_on) : ""),
        register_number(d.register_number.value_or("")),
        request_id(d.request_id.value_or("")),
        next_due(d.next_due ? domain::format_iso_date(*d.next_due) : ""),
        submitted_at(epoch_seconds(d.submitted_at)),
        registered_at(d.registered_at ? epoch_seconds(*d.registered_at) : 0),
        outcome_ind(d.outcome ? soci::i_ok : soci::i_null),
        registered_at_ind(d.registered_at ? soci::i_ok : soci::i_null),
        registered_on_ind(d.registered_on ? soci::i_ok : soci::i_null),
        number_ind(d.register_number ? soci::i_ok : soci::i_null),
        request_ind(d.request_id ? soci::i_ok : soci::i_null),
        next_due_ind(d.next_due ? soci::i_ok : soci::i_null),
        list_item_ind(d.list_item.empty() ? soci::i_null : soci::i_ok),
        public_item_ind(d.public_item.empty() ? soci::i_null : soci::i_ok) {}
};

/// The row's columns without its JSON (document and projections): what update() compares against.
ports::dispute_document indexed_columns_of(const ports::dispute_document& doc) {
  ports::dispute_document out;
  out.id = doc.id;
  out.ki = doc.ki;
  out.respondent = doc.respondent;
  out.state = doc.state;
  out.outcome = doc.outcome;
  out.version = doc.version;
  out.submitted_at = doc.submitted_at;
  out.registered_at = doc.registered_at;
  out.registered_on = doc.registered_on;
  out.register_number = doc.register_number;
  out.request_id = doc.request_id;
  out.next_due = doc.next_due;
  out.search_text = doc.search_text;
  out.report = doc.report;
  return out;
}

}  // namespace

void soci_dispute_repository::insert(const ports::dispute_document& doc) {
  translated([&] {
    column_values c(doc);
    report_values facts(doc.report);
    prepared p(ctx_,
               "INSERT INTO disputes (id, ki, respondent, state, outcome, version, submitted_at, registered_at, "
               "registered_on, register_number, request_id, next_due, search_text, body, list_item, public_item, "
               "submitted_on, decided_on, closed_on, court_objection_on, court_decided_on, court_result, mediated, "
               "adjudicated, completion_due) VALUES (:id, :ki, :resp, :state, :outcome, :version, :submitted_at, "
               ":registered_at, :registered_on, :number, :request, :next_due, :search, :body, :list_item, "
               ":public_item, :son, :don, :con, :coon, :cdon, :cres, :med, :adj, :cdue)");
    auto& st = p.statement();
    st.exchange(soci::use(doc.id));
    st.exchange(soci::use(doc.ki));
    st.exchange(soci::use(doc.respondent));
    st.exchange(soci::use(doc.state));
    st.exchange(soci::use(c.outcome, c.outcome_ind));
    st.exchange(soci::use(doc.version));
    st.exchange(soci::use(c.submitted_at));
    st.exchange(soci::use(c.registered_at, c.registered_at_ind));
    st.exchange(soci::use(c.registered_on, c.registered_on_ind));
    st.exchange(soci::use(c.register_number, c.number_ind));
    st.exchange(soci::use(c.request_id, c.request_ind));
    st.exchange(soci::use(c.next_due, c.next_due_ind));
    st.exchange(soci::use(doc.search_text));
    st.exchange(soci::use(doc.body));
    st.exchange(soci::use(doc.list_item, c.list_item_ind));
    st.exchange(soci::use(doc.public_item, c.public_item_ind));
    facts.bind(st);
    p.bound();
    st.execute(true);
    insert_dispute_projections(ctx_, doc);
    invalidate_tally(ctx_, domain::reports::tally_kind::ppid, doc.respondent, doc.report.submitted_on);
    invalidate_tallies_since(ctx_, domain::reports::tally_kind::ki, doc.ki, doc.report.submitted_on);
  });
}

namespace {

/// The dispute `id` with its clocks and the kinds in its case file, kept in the transaction's memo for the
/// reads that follow (the case page: one statement where there were three; docs/performance.md
/// "Statements per request on MariaDB").
std::optional<ports::dispute_document> find_with_case_file(const db_context& ctx, const std::string& id) {
  static const auto sql_of = [](backend kind) {
    const std::string select(select_columns);
    return select.substr(0, select.find(" FROM disputes d")) + ", " + clocks_json_column(kind, "dispute", "d.id") +
           ", " + present_kinds_json_columns(kind, "dispute", "d.id") + " FROM disputes d WHERE d.id = :id";
  };
  static const std::string sqlite_sql = sql_of(backend::sqlite), mysql_sql = sql_of(backend::mysql);
  dispute_row row;
  std::string clocks, documents, papers;
  // MariaDB's JSON_ARRAYAGG is NULL over no rows; SQLite's json_group_array is "[]".
  soci::indicator clocks_ind = soci::i_ok, documents_ind = soci::i_ok, papers_ind = soci::i_ok;
  prepared p(ctx, ctx.kind == backend::sqlite ? sqlite_sql : mysql_sql);
  auto& st = p.statement();
  row.bind(st);
  st.exchange(soci::into(clocks, clocks_ind));
  st.exchange(soci::into(documents, documents_ind));
  st.exchange(soci::into(papers, papers_ind));
  st.exchange(soci::use(id));
  p.bound();
  if (!st.execute(true)) {
    return std::nullopt;
  }
  const auto json = [](const std::string& text, soci::indicator ind) { return ind == soci::i_ok ? text : "[]"; };
  ctx.memo->clocks.insert_or_assign(case_memo_key("dispute", id), clocks_from_json(json(clocks, clocks_ind)));
  ctx.memo->present_kinds.insert_or_assign(case_memo_key("dispute", id),
                                           kinds_from_json(json(documents, documents_ind), json(papers, papers_ind)));
  return row.get();
}

}  // namespace

std::optional<ports::dispute_document> soci_dispute_repository::find(const std::string& id, bool for_update) {
  return translated([&]() -> std::optional<ports::dispute_document> {
    if (!for_update && ctx_.memo != nullptr) {
      return find_with_case_file(ctx_, id);
    }
    bound_params p;
    p.text(id);
    const bool lock = for_update && ctx_.kind == backend::mysql;
    auto rows = query(ctx_, lock ? " WHERE d.id = :id FOR UPDATE" : " WHERE d.id = :id", p);
    if (rows.empty()) {
      return std::nullopt;
    }
    if (for_update) {
      locked_ = indexed_columns_of(rows.front());
    }
    return std::move(rows.front());
  });
}

bool soci_dispute_repository::update(const ports::dispute_document& doc, int expected_version) {
  return translated([&] {
    // Against the row as find(id, true) read it under the write lock, only the columns that changed are
    // set: an indexed column in the SET list rewrites its index entries even when its value is the same
    // (9 indexes on disputes). Without that snapshot, every column is set.
    const ports::dispute_document* before =
        locked_ && locked_->id == doc.id && locked_->version == expected_version ? &*locked_ : nullptr;
    const auto changed = [&](auto member) { return before == nullptr || doc.*member != before->*member; };
    using d = ports::dispute_document;
    column_values c(doc);
    // The SET list first (the statement is looked up by its text), then its values in the same order.
    report_values facts(doc.report);
    std::string sql = "UPDATE disputes SET version = :version, body = :body, list_item = :list_item, "
                      "public_item = :public_item";
    sql += report_values::update_sql;
    std::vector<std::function<void(soci::statement&)>> values;
    // Each value is bound when the statement is: a soci::use() element refers to temporaries of the
    // expression that made it, so it cannot be kept until then.
    const auto set = [&](bool when, const char* assignment, std::function<void(soci::statement&)> bind) {
      if (when) {
        sql += assignment;
        values.push_back(std::move(bind));
      }
    };
    using st_ref = soci::statement&;
    set(changed(&d::ki), ", ki = :ki", [&](st_ref st) { st.exchange(soci::use(doc.ki)); });
    set(changed(&d::respondent), ", respondent = :resp", [&](st_ref st) { st.exchange(soci::use(doc.respondent)); });
    set(changed(&d::state), ", state = :state", [&](st_ref st) { st.exchange(soci::use(doc.state)); });
    set(changed(&d::outcome), ", outcome = :outcome",
        [&](st_ref st) { st.exchange(soci::use(c.outcome, c.outcome_ind)); });
    set(changed(&d::submitted_at), ", submitted_at = :submitted_at",
        [&](st_ref st) { st.exchange(soci::use(c.submitted_at)); });
    set(changed(&d::registered_at), ", registered_at = :registered_at",
        [&](st_ref st) { st.exchange(soci::use(c.registered_at, c.registered_at_ind)); });
    set(changed(&d::registered_on), ", registered_on = :registered_on",
        [&](st_ref st) { st.exchange(soci::use(c.registered_on, c.registered_on_ind)); });
    set(changed(&d::register_number), ", register_number = :number",
        [&](st_ref st) { st.exchange(soci::use(c.register_number, c.number_ind)); });
    set(changed(&d::request_id), ", request_id = :request",
        [&](st_ref st) { st.exchange(soci::use(c.request_id, c.request_ind)); });
    set(changed(&d::next_due), ", next_due = :next_due",
        [&](st_ref st) { st.exchange(soci::use(c.next_due, c.next_due_ind)); });
    set(changed(&d::search_text), ", search_text = :search",
        [&](st_ref st) { st.exchange(soci::use(doc.search_text)); });
    sql += " WHERE id = :id AND version = :expected";
    prepared p(ctx_, sql);
    auto& st = p.statement();
    st.exchange(soci::use(doc.version));
    st.exchange(soci::use(doc.body));
    st.exchange(soci::use(doc.list_item, c.list_item_ind));
    st.exchange(soci::use(doc.public_item, c.public_item_ind));
    facts.bind(st);
    for (const auto& bind : values) {
      bind(st);
    }
    st.exchange(soci::use(doc.id));
    st.exchange(soci::use(expected_version));
    p.bound();
    st.execute(true);
    if (st.get_affected_rows() != 1) {
      return false;
    }
    update_dispute_projections(ctx_, doc);
    // Its acts count in the KI's tallies from its month of submission on (it is pending in each month up
    // to its decision); its submission in the office's. A save that changes none of its facts changes none.
    if (before == nullptr || before->report != doc.report || before->ki != doc.ki) {
      invalidate_tallies_since(ctx_, domain::reports::tally_kind::ki, doc.ki, doc.report.submitted_on);
    }
    if (before != nullptr && before->ki != doc.ki) {
      invalidate_tallies_since(ctx_, domain::reports::tally_kind::ki, before->ki, doc.report.submitted_on);
    }
    if (before != nullptr && before->respondent != doc.respondent) {
      invalidate_tally(ctx_, domain::reports::tally_kind::ppid, before->respondent, doc.report.submitted_on);
      invalidate_tally(ctx_, domain::reports::tally_kind::ppid, doc.respondent, doc.report.submitted_on);
    }
    locked_ = indexed_columns_of(doc);
    return true;
  });
}

std::optional<ports::dispute_document> soci_dispute_repository::find_by_register_number(
    const std::string& register_number) {
  return translated([&]() -> std::optional<ports::dispute_document> {
    bound_params p;
    p.text(register_number);
    return first_row(query(ctx_, " WHERE d.register_number = :n ORDER BY d.id", p));
  });
}

std::optional<std::string> soci_dispute_repository::public_status(const std::string& register_number) {
  return translated([&]() -> std::optional<std::string> {
    std::string item;
    soci::indicator ind = soci::i_null;
    prepared(ctx_, "SELECT public_item FROM disputes WHERE register_number = :n ORDER BY id LIMIT 1")
        .run(soci::use(register_number), soci::into(item, ind));
    if (!ctx_.sql.got_data()) {
      return std::nullopt;
    }
    return ind == soci::i_ok ? item : std::string{};
  });
}

std::vector<ports::dispute_document> soci_dispute_repository::list(const ports::dispute_filter& f) {
  return translated([&] {
    std::string where;
    bound_params p;
    const auto add = [&where](const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; };
    // The clause with its one text parameter, when the filter has that value.
    const auto add_if = [&](const char* clause, const std::optional<std::string>& value) {
      if (value) {
        add(clause);
        p.text(*value);
      }
    };
    const auto iso = [](const std::optional<domain::civil_date>& d) {
      return d ? std::optional{domain::format_iso_date(*d)} : std::nullopt;
    };
    add_if("d.ki = :ki", f.ki);
    add_if("d.respondent = :resp", f.respondent);
    add_if("d.state = :state", f.state);
    add_if("d.next_due < :today", iso(f.overdue_before));
    add_if("d.search_text LIKE :q ESCAPE '!'", f.q ? std::optional{like_pattern(*f.q)} : std::nullopt);
    add_if("d.registered_on >= :rfrom", iso(f.registered_from));
    add_if("d.registered_on <= :rto", iso(f.registered_to));
    if (f.sort == ports::dispute_filter::order::earliest_due) {
      // ix_disputes_ki_due (ki, next_due, id) serves a KI's board in this order without sorting.
      add("d.next_due IS NOT NULL");
      if (f.after_due) {
        add("(d.next_due > :due1 OR (d.next_due = :due2 AND d.id > :did))");
        p.text(domain::format_iso_date(f.after_due->first));
        p.text(domain::format_iso_date(f.after_due->first));
        p.text(f.after_due->second);
      }
      where += " ORDER BY d.next_due, d.id LIMIT " + std::to_string(f.limit);
      return query(ctx_, where, p, select_list_columns);
    }
    if (f.after) {
      add("(d.submitted_at < :at1 OR (d.submitted_at = :at2 AND d.id < :aid))");
      p.number(epoch_seconds(f.after->first));
      p.number(epoch_seconds(f.after->first));
      p.text(f.after->second);
    }
    where += " ORDER BY d.submitted_at DESC, d.id DESC LIMIT " + std::to_string(f.limit);
    return query(ctx_, where, p, select_list_columns);
  });
}

std::vector<ports::dispute_hearing_entry> soci_dispute_repository::hearings_between(
    domain::instant from, domain::instant to, const std::optional<std::string>& ki) {
  return translated([&] {
    ports::dispute_hearing_entry e;
    std::string number;
    long long at = 0;
    const long long from_s = epoch_seconds(from);
    const long long to_s = epoch_seconds(to);
    prepared p(ctx_, std::string("SELECT h.dispute_id, h.hearing_id, h.ki, d.respondent, d.register_number, h.kind, "
                           "h.scheduled_at, h.offset_minutes, h.location FROM dispute_hearings h "
                           "JOIN disputes d ON d.id = h.dispute_id WHERE h.scheduled_at >= :f AND h.scheduled_at < :t "
                           "AND d.register_number IS NOT NULL") +
               (ki ? " AND h.ki = :ki" : "") + " ORDER BY h.scheduled_at, h.dispute_id, h.hearing_id LIMIT 1000");
    auto& st = p.statement();
    st.exchange(soci::into(e.dispute_id));
    st.exchange(soci::into(e.hearing_id));
    st.exchange(soci::into(e.ki));
    st.exchange(soci::into(e.respondent));
    st.exchange(soci::into(number));
    st.exchange(soci::into(e.kind));
    st.exchange(soci::into(at));
    st.exchange(soci::into(e.offset_minutes));
    st.exchange(soci::into(e.location));
    st.exchange(soci::use(from_s));
    st.exchange(soci::use(to_s));
    if (ki) {
      st.exchange(soci::use(*ki));
    }
    p.bound();
    st.execute();
    std::vector<ports::dispute_hearing_entry> out;
    while (st.fetch()) {
      auto copy = e;
      copy.scheduled_at = from_epoch_seconds(at);
      copy.register_number = number;
      out.push_back(std::move(copy));
    }
    return out;
  });
}

std::vector<ports::dispute_document> soci_dispute_repository::decided(const std::optional<std::string>& ki,
                                                                      std::optional<int> year, int limit) {
  return translated([&] {
    std::string where = " JOIN dispute_decisions x ON x.dispute_id = d.id WHERE d.register_number IS NOT NULL";
    bound_params p;
    if (ki) {
      where += " AND x.ki = :ki";
      p.text(*ki);
    }
    if (year) {
      where += " AND x.decision_year = :y";
      p.number(*year);
    }
    where += " ORDER BY x.read_at DESC, d.id LIMIT " + std::to_string(limit);
    return query(ctx_, where, p, select_public_columns, last_column::public_item);
  });
}

std::optional<ports::dispute_numbering> soci_dispute_repository::numbering(const std::string& ki) {
  return translated([&]() -> std::optional<ports::dispute_numbering> {
    ports::dispute_numbering n;
    soci::indicator ind = soci::i_null;
    prepared(ctx_, "SELECT ki, ki_code, register_template, decision_template FROM dispute_numbering WHERE ki = :ki")
        .run(soci::use(ki), soci::into(n.ki, ind), soci::into(n.ki_code), soci::into(n.register_template),
             soci::into(n.decision_template));
    if (!ctx_.sql.got_data()) {
      return std::nullopt;
    }
    return n;
  });
}

}  // namespace perkara::persistence::detail
