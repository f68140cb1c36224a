// Document rows of case files (migration 0013_documents). Plain SOCI statements; the lists are short
// (one case's documents), so rows are read column by column into locals.
#include "persistence/detail/session_setup.hpp"
#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <fmt/format.h>
#include <soci/soci.h>
#include <boost/json.hpp>

#include <stdexcept>

namespace perkara::persistence::detail {
namespace {

namespace docs = domain::documents;

constexpr const char* columns =
    "SELECT id, case_kind, case_id, kind, file_name, content_type, sha256, size_bytes, publishable, uploaded_by, "
    "organisation, uploaded_at, retracted_by, retracted_at, retract_reason FROM documents ";

docs::case_kind case_kind_column(const std::string& text) {
  const auto k = docs::parse_case_kind(text);
  if (!k) {
    throw std::runtime_error("corrupt case_kind '" + text + "' in documents");
  }
  return *k;
}

}  // namespace

void soci_document_repository::forget_present_kinds() {
  if (ctx_.memo != nullptr) {
    ctx_.memo->present_kinds.clear();
  }
}

std::string present_kinds_json_columns(backend kind, std::string_view case_kind, std::string_view id_sql) {
  const std::string_view agg = kind == backend::sqlite ? "json_group_array" : "JSON_ARRAYAGG";
  return fmt::format(
      "(SELECT {0}(kind) FROM documents WHERE case_kind = '{1}' AND case_id = {2} AND retracted_at IS NULL), "
      "(SELECT {0}(kind) FROM paper_originals WHERE case_kind = '{1}' AND case_id = {2})",
      agg, case_kind, id_sql);
}

std::vector<std::string> kinds_from_json(const std::string& documents, const std::string& papers) {
  std::vector<std::string> out;
  for (const auto* json : {&documents, &papers}) {
    const auto kinds = boost::json::parse(*json);
    for (const auto& kind : kinds.as_array()) {
      out.emplace_back(kind.as_string());
    }
  }
  return out;
}

void soci_document_repository::insert(const docs::document& doc) {
  translated([&] {
    forget_present_kinds();
    const std::string kind{docs::to_string(doc.owner.kind)};
    const auto size = static_cast<long long>(doc.size);
    const int publishable = doc.publishable ? 1 : 0;
    const long long at = epoch_seconds(doc.uploaded_at);
    ctx_.sql << "INSERT INTO documents (id, case_kind, case_id, kind, file_name, content_type, sha256, size_bytes, "
                "publishable, uploaded_by, organisation, uploaded_at) VALUES (:id, :ck, :cid, :kind, :name, :ct, "
                ":sha, :size, :pub, :by, :org, :at)",
        soci::use(doc.id), soci::use(kind), soci::use(doc.owner.id), soci::use(doc.kind), soci::use(doc.file_name),
        soci::use(doc.content_type), soci::use(doc.sha256), soci::use(size), soci::use(publishable),
        soci::use(doc.uploaded_by), soci::use(doc.organisation), soci::use(at);
  });
}

std::vector<docs::document> soci_document_repository::select(const std::string& where,
                                                             const std::vector<std::string>& params) {
  return translated([&] {
    std::vector<docs::document> out;
    std::string id, case_kind, case_id, kind, file_name, content_type, sha256, uploaded_by, organisation;
    std::string retracted_by, retract_reason;
    long long size = 0, uploaded_at = 0, retracted_at = 0;
    int publishable = 0;
    soci::indicator by_ind = soci::i_ok, at_ind = soci::i_ok, reason_ind = soci::i_ok;
    soci::statement st{ctx_.sql};
    st.alloc();
    st.prepare(std::string{columns} + where);
    st.exchange(soci::into(id));
    st.exchange(soci::into(case_kind));
    st.exchange(soci::into(case_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(file_name));
    st.exchange(soci::into(content_type));
    st.exchange(soci::into(sha256));
    st.exchange(soci::into(size));
    st.exchange(soci::into(publishable));
    st.exchange(soci::into(uploaded_by));
    st.exchange(soci::into(organisation));
    st.exchange(soci::into(uploaded_at));
    st.exchange(soci::into(retracted_by, by_ind));
    st.exchange(soci::into(retracted_at, at_ind));
    st.exchange(soci::into(retract_reason, reason_ind));
    for (const auto& p : params) {
      st.exchange(soci::use(p));
    }
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) {
      docs::document d;
      d.id = id;
      d.owner = {case_kind_column(case_kind), case_id};
      d.kind = kind;
      d.file_name = file_name;
      d.content_type = content_type;
      d.sha256 = sha256;
      d.size = static_cast<std::uint64_t>(size);
      d.publishable = publishable != 0;
      d.uploaded_by = uploaded_by;
      d.organisation = organisation;
      d.uploaded_at = from_epoch_seconds(uploaded_at);
      if (by_ind == soci::i_ok && at_ind == soci::i_ok) {
        d.retracted = docs::retraction{retracted_by, from_epoch_seconds(retracted_at),
                                       reason_ind == soci::i_ok ? retract_reason : std::string{}};
      }
      out.push_back(std::move(d));
    }
    return out;
  });
}

std::optional<docs::document> soci_document_repository::find(const std::string& id) {
  return first_row(select("WHERE id = :id", {id}));
}

std::vector<docs::document> soci_document_repository::for_case(const docs::case_ref& owner) {
  return select("WHERE case_kind = :ck AND case_id = :cid ORDER BY uploaded_at, id",
                {std::string{docs::to_string(owner.kind)}, owner.id});
}

std::uint64_t soci_document_repository::case_bytes(const docs::case_ref& owner) {
  return translated([&] {
    long long total = 0;
    soci::indicator ind = soci::i_ok;
    const std::string kind{docs::to_string(owner.kind)};
    ctx_.sql << "SELECT SUM(size_bytes) FROM documents WHERE case_kind = :ck AND case_id = :cid",
        soci::into(total, ind), soci::use(kind), soci::use(owner.id);
    return ind == soci::i_ok ? static_cast<std::uint64_t>(total) : std::uint64_t{0};
  });
}

bool soci_document_repository::retract(const std::string& id, const docs::retraction& r) {
  return translated([&] {
    forget_present_kinds();
    const long long at = epoch_seconds(r.at);
    soci::statement st = (ctx_.sql.prepare << "UPDATE documents SET retracted_by = :by, retracted_at = :at, "
                                              "retract_reason = :reason WHERE id = :id AND retracted_at IS NULL",
                          soci::use(r.by), soci::use(at), soci::use(r.reason), soci::use(id));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

void soci_document_repository::set_publishable(const std::string& id, bool publishable) {
  translated([&] {
    const int flag = publishable ? 1 : 0;
    ctx_.sql << "UPDATE documents SET publishable = :p WHERE id = :id", soci::use(flag), soci::use(id);
  });
}

std::vector<std::string> soci_document_repository::all_checksums() {
  return translated([&] {
    std::vector<std::string> out;
    std::string sha;
    soci::statement st = (ctx_.sql.prepare << "SELECT DISTINCT sha256 FROM documents ORDER BY sha256", soci::into(sha));
    st.execute(false);
    while (st.fetch()) {
      out.push_back(sha);
    }
    return out;
  });
}

std::vector<docs::document> soci_document_repository::published(const std::vector<std::string>& dispute_ids,
                                                                const std::string& kind) {
  std::vector<docs::document> out;
  // One case at a time: a page of the public list is at most a few dozen decisions.
  for (const auto& id : dispute_ids) {
    auto found = select("WHERE case_kind = 'dispute' AND case_id = :cid AND kind = :kind AND publishable = 1 "
                        "AND retracted_at IS NULL ORDER BY uploaded_at DESC, id DESC",
                        {id, kind});
    if (!found.empty()) {
      out.push_back(std::move(found.front()));
    }
  }
  return out;
}

std::vector<docs::paper_original> soci_document_repository::papers_for_case(const docs::case_ref& owner) {
  return translated([&] {
    std::vector<docs::paper_original> out;
    const std::string ck{docs::to_string(owner.kind)};
    std::string kind, seen_by, note;
    long long seen_at = 0;
    soci::statement st = (ctx_.sql.prepare << "SELECT kind, seen_by, seen_at, note FROM paper_originals "
                                              "WHERE case_kind = :ck AND case_id = :cid ORDER BY id",
                          soci::into(kind), soci::into(seen_by), soci::into(seen_at), soci::into(note),
                          soci::use(ck), soci::use(owner.id));
    st.execute(false);
    while (st.fetch()) {
      out.push_back({owner, kind, seen_by, from_epoch_seconds(seen_at), note});
    }
    return out;
  });
}

std::vector<std::string> soci_document_repository::present_kinds(const docs::case_ref& owner) {
  return translated([&] {
    std::vector<std::string> out;
    const std::string ck{docs::to_string(owner.kind)};
    if (ctx_.memo != nullptr) {
      // Read with the case (transaction_memo), once.
      if (auto kept = ctx_.memo->present_kinds.extract(case_memo_key(ck, owner.id))) {
        return std::move(kept.mapped());
      }
    }
    std::string kind;
    soci::statement st =
        (ctx_.sql.prepare << "SELECT kind FROM documents WHERE case_kind = :ck1 AND case_id = :cid1 AND retracted_at "
                             "IS NULL UNION ALL SELECT kind FROM paper_originals WHERE case_kind = :ck2 AND case_id = "
                             ":cid2",
         soci::into(kind), soci::use(ck), soci::use(owner.id), soci::use(ck), soci::use(owner.id));
    st.execute(false);
    while (st.fetch()) {
      out.push_back(kind);
    }
    return out;
  });
}

void soci_document_repository::insert_paper(const docs::paper_original& paper) {
  translated([&] {
    forget_present_kinds();
    const std::string ck{docs::to_string(paper.owner.kind)};
    const long long at = epoch_seconds(paper.seen_at);
    ctx_.sql << "INSERT INTO paper_originals (case_kind, case_id, kind, seen_by, seen_at, note) "
                "VALUES (:ck, :cid, :kind, :by, :at, :note)",
        soci::use(ck), soci::use(paper.owner.id), soci::use(paper.kind), soci::use(paper.seen_by), soci::use(at),
        soci::use(paper.note);
  });
}

}  // namespace perkara::persistence::detail
