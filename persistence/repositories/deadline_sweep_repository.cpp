// The deadline sweep's storage on SOCI (issue 16, docs/operations.md "Deadline sweep"): the walk over
// open clocks that lack a mark, the marks themselves (a primary key makes each act happen once), and
// the notices the sweep queues through the outbox's own writer.
#include "persistence/detail/session_setup.hpp"
#include "persistence/repositories/repositories.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

namespace perkara::persistence::detail {

std::vector<domain::deadline_record> soci_deadline_sweep_repository::open_unmarked(
    domain::notices::sweep_kind kind, domain::civil_date from, domain::civil_date until,
    const std::optional<ports::sweep_position>& after, int limit) {
  return translated([&] {
    // Without a position every due date is after '' and the id condition never decides.
    const std::string after_due = after ? domain::format_iso_date(after->due) : std::string();
    const std::string after_id = after ? after->id : std::string();
    return select_deadlines(
        ctx_,
        fmt::format(" WHERE met_on IS NULL AND stopped_on IS NULL AND due >= :from AND due <= :until AND (due > :ad "
                    "OR (due = :ad2 AND id > :aid)) AND NOT EXISTS (SELECT 1 FROM deadline_marks m WHERE m.case_type "
                    "= deadlines.case_type AND m.case_id = deadlines.case_id AND m.period_key = deadlines.period_key "
                    "AND m.due = deadlines.due AND m.kind = :kind) ORDER BY due, id LIMIT {}",
                    limit),
        {domain::format_iso_date(from), domain::format_iso_date(until), after_due, after_due, after_id,
         std::string(domain::notices::to_string(kind))});
  });
}

bool soci_deadline_sweep_repository::mark(const ports::sweep_mark& mark, domain::instant at) {
  return translated([&] {
    const std::string due = domain::format_iso_date(mark.due);
    const std::string kind(domain::notices::to_string(mark.kind));
    const long long t = epoch_seconds(at);
    const std::string insert = ctx_.kind == backend::mysql ? "INSERT IGNORE INTO" : "INSERT OR IGNORE INTO";
    soci::statement st = (ctx_.sql.prepare << insert +
                                                  " deadline_marks (case_type, case_id, period_key, due, kind, "
                                                  "at) VALUES (:t, :id, :key, :due, :kind, :at)",
                          soci::use(mark.case_type), soci::use(mark.case_id), soci::use(mark.period_key),
                          soci::use(due), soci::use(kind), soci::use(t));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

std::optional<domain::notices::case_facts> soci_deadline_sweep_repository::case_facts(const std::string& case_type,
                                                                                      const std::string& case_id) {
  return soci_notice_outbox(ctx_).facts_of(case_type, case_id);
}

std::optional<std::string> soci_deadline_sweep_repository::organisation_email(const std::string& organisation) {
  return translated([&]() -> std::optional<std::string> {
    std::string email;
    ctx_.sql << "SELECT email FROM letterheads WHERE organisation = :o", soci::into(email), soci::use(organisation);
    if (!ctx_.sql.got_data() || email.empty()) return std::nullopt;
    return email;
  });
}

void soci_deadline_sweep_repository::queue(const domain::notices::notice& notice,
                                           const domain::notices::case_facts& facts, const std::string& action,
                                           domain::instant at) {
  translated([&] { soci_notice_outbox(ctx_).queue_notice(notice, facts, action, at); });
}

namespace {

/// A user (`u`) who hears the digest: active, with an address, handling cases (PPID, atasan PPID,
/// registrar, commissioner), and without the digest turned off in their preferences.
constexpr const char* digest_staff =
    "u.active = 1 AND u.email <> '' AND EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = u.id AND ur.role IN "
    "('ppid', 'ppid_superior', 'registrar', 'commissioner')) AND NOT EXISTS (SELECT 1 FROM notice_preferences p "
    "WHERE p.user_id = u.id AND p.kind = 'digest' AND p.enabled = 0)";

}  // namespace

std::vector<ports::digest_recipient> soci_deadline_sweep_repository::digest_recipients() {
  return translated([&] {
    std::vector<ports::digest_recipient> out;
    std::string code;
    long long hooks = 0;
    std::string email;
    soci::indicator email_ind = soci::i_null;
    soci::statement st =
        (ctx_.sql.prepare << "SELECT o.code, (SELECT COUNT(*) FROM notice_webhooks w WHERE w.organisation = o.code "
                             "AND w.active = 1) AS hooks, l.email FROM organisations o LEFT JOIN letterheads l ON "
                             "l.organisation = o.code WHERE EXISTS (SELECT 1 FROM notice_webhooks w WHERE "
                             "w.organisation = o.code AND w.active = 1) OR (l.email IS NOT NULL AND l.email <> '') "
                             "OR EXISTS (SELECT 1 FROM users u WHERE u.organisation = o.code AND " +
                                 std::string(digest_staff) + ") ORDER BY o.code",
         soci::into(code), soci::into(hooks), soci::into(email, email_ind));
    st.execute();
    while (st.fetch()) {
      ports::digest_recipient r{code, hooks > 0, std::nullopt, {}};
      if (email_ind == soci::i_ok && !email.empty()) r.email = email;
      out.push_back(std::move(r));
    }
    // Each organisation's staff after the first query has finished: MariaDB's backend cannot nest statements.
    for (auto& r : out) {
      std::string address;
      soci::statement staff = (ctx_.sql.prepare << "SELECT u.email FROM users u WHERE u.organisation = :org AND " +
                                                       std::string(digest_staff) + " ORDER BY u.username",
                               soci::into(address), soci::use(r.code));
      staff.execute();
      while (staff.fetch()) r.staff.push_back(address);
    }
    return out;
  });
}

std::vector<domain::notices::digest_item> soci_deadline_sweep_repository::digest_items(const std::string& organisation,
                                                                                       domain::civil_date until) {
  return translated([&] {
    std::vector<domain::notices::digest_item> out;
    // The longest digest an office reads; the rest is on its board.
    for (auto& clock : select_deadlines(ctx_,
                                        " WHERE organisation = :o AND met_on IS NULL AND stopped_on IS NULL AND due "
                                        "<= :until ORDER BY due, id LIMIT 200",
                                        {organisation, domain::format_iso_date(until)})) {
      std::string number;
      soci::indicator ind = soci::i_null;
      if (clock.case_type == "request") {
        ctx_.sql << "SELECT number FROM requests WHERE id = :id", soci::into(number, ind), soci::use(clock.case_id);
      } else if (clock.case_type == "dispute") {
        ctx_.sql << "SELECT register_number FROM disputes WHERE id = :id", soci::into(number, ind),
            soci::use(clock.case_id);
      }
      if (!ctx_.sql.got_data() || ind != soci::i_ok) number.clear();
      out.push_back({std::move(clock), std::move(number)});
    }
    return out;
  });
}

}  // namespace perkara::persistence::detail
