// Letterheads and issued letters (issue 15, migration 0015).
#include "persistence/detail/session_setup.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

namespace perkara::persistence::detail {
namespace {

constexpr const char* letter_columns =
    "SELECT id, case_type, case_id, organisation, letter_key, number, title, issued_at, issued_by, sha256";

std::vector<ports::issued_letter> select_letters(soci::session& sql, const std::string& where,
                                                 const std::vector<std::string>& params, bool with_html) {
  ports::issued_letter row;
  long long issued_at = 0;
  soci::statement st(sql);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.case_type));
  st.exchange(soci::into(row.case_id));
  st.exchange(soci::into(row.organisation));
  st.exchange(soci::into(row.letter_key));
  st.exchange(soci::into(row.number));
  st.exchange(soci::into(row.title));
  st.exchange(soci::into(issued_at));
  st.exchange(soci::into(row.issued_by));
  st.exchange(soci::into(row.sha256));
  if (with_html) {
    st.exchange(soci::into(row.html));
  }
  for (const auto& p : params) {
    st.exchange(soci::use(p));
  }
  st.alloc();
  st.prepare(std::string(letter_columns) + (with_html ? ", html" : "") + " FROM issued_letters" + where);
  st.define_and_bind();
  st.execute();
  std::vector<ports::issued_letter> out;
  while (st.fetch()) {
    row.issued_at = from_epoch_seconds(issued_at);
    out.push_back(row);
  }
  return out;
}

}  // namespace

std::optional<ports::letterhead> soci_letter_repository::find_letterhead(const std::string& organisation) {
  return translated([&]() -> std::optional<ports::letterhead> {
    ports::letterhead h;
    long long updated_at = 0;
    soci::indicator ind = soci::i_null;
    ctx_.sql << "SELECT organisation, address, phone, email, website, logo_media_type, logo_base64, updated_at, "
                "updated_by FROM letterheads WHERE organisation = :o",
        soci::into(h.organisation, ind), soci::into(h.address), soci::into(h.phone), soci::into(h.email),
        soci::into(h.website), soci::into(h.logo_media_type), soci::into(h.logo_base64), soci::into(updated_at),
        soci::into(h.updated_by), soci::use(organisation);
    if (!ctx_.sql.got_data()) {
      return std::nullopt;
    }
    h.updated_at = from_epoch_seconds(updated_at);
    return h;
  });
}

void soci_letter_repository::put_letterhead(const ports::letterhead& h) {
  translated([&] {
    const long long updated_at = epoch_seconds(h.updated_at);
    // Delete then insert: one statement shape on both backends, inside the caller's transaction.
    ctx_.sql << "DELETE FROM letterheads WHERE organisation = :o", soci::use(h.organisation);
    ctx_.sql << "INSERT INTO letterheads (organisation, address, phone, email, website, logo_media_type, logo_base64, "
                "updated_at, updated_by) VALUES (:o, :a, :p, :e, :w, :t, :l, :u, :b)",
        soci::use(h.organisation), soci::use(h.address), soci::use(h.phone), soci::use(h.email), soci::use(h.website),
        soci::use(h.logo_media_type), soci::use(h.logo_base64), soci::use(updated_at), soci::use(h.updated_by);
  });
}

void soci_letter_repository::insert(const ports::issued_letter& l) {
  translated([&] {
    const long long issued_at = epoch_seconds(l.issued_at);
    ctx_.sql << "INSERT INTO issued_letters (id, case_type, case_id, organisation, letter_key, number, title, issued_at, "
                "issued_by, sha256, html) VALUES (:id, :ct, :ci, :o, :k, :n, :t, :at, :by, :sha, :html)",
        soci::use(l.id), soci::use(l.case_type), soci::use(l.case_id), soci::use(l.organisation), soci::use(l.letter_key),
        soci::use(l.number), soci::use(l.title), soci::use(issued_at), soci::use(l.issued_by), soci::use(l.sha256),
        soci::use(l.html);
  });
}

std::optional<ports::issued_letter> soci_letter_repository::find(const std::string& id) {
  return translated([&]() -> std::optional<ports::issued_letter> {
    return first_row(select_letters(ctx_.sql, " WHERE id = :id", {id}, true));
  });
}

std::vector<ports::issued_letter> soci_letter_repository::for_case(const std::string& case_type,
                                                                  const std::string& case_id) {
  return translated([&] {
    return select_letters(ctx_.sql, " WHERE case_type = :t AND case_id = :c ORDER BY issued_at, number",
                          {case_type, case_id}, false);
  });
}

}  // namespace perkara::persistence::detail
