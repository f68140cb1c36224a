#include "persistence/repositories/dispute_projections.hpp"

#include "persistence/detail/statement_cache.hpp"
#include "persistence/repositories/repositories.hpp"

#include <soci/soci.h>

#include <map>

namespace perkara::persistence::detail {
namespace {

struct hearing_row {
  std::string ki, kind, location;
  long long scheduled_at = 0;
  int offset_minutes = 0;
  bool operator==(const hearing_row&) const = default;
};

hearing_row row_of(const ports::dispute_document& doc, const ports::dispute_hearing_entry& h) {
  return {doc.ki, h.kind, h.location, epoch_seconds(h.scheduled_at), h.offset_minutes};
}

struct decision_row {
  std::string ki, decision_number, outcome;
  int year = 0;
  long long read_at = 0;
  bool operator==(const decision_row&) const = default;
};

decision_row row_of(const ports::dispute_document& doc, const ports::dispute_decision_entry& x) {
  return {doc.ki, x.decision_number, x.outcome, x.year, epoch_seconds(x.read_at)};
}

void insert_hearing(const db_context& ctx, const std::string& dispute_id, const std::string& hearing_id,
                    const hearing_row& r) {
  prepared(ctx,
           "INSERT INTO dispute_hearings (dispute_id, hearing_id, ki, kind, scheduled_at, offset_minutes, location) "
           "VALUES (:d, :h, :ki, :kind, :at, :off, :loc)")
      .run(soci::use(dispute_id), soci::use(hearing_id), soci::use(r.ki), soci::use(r.kind), soci::use(r.scheduled_at),
           soci::use(r.offset_minutes), soci::use(r.location));
}

void insert_decision(const db_context& ctx, const std::string& dispute_id, const decision_row& r) {
  prepared(ctx,
           "INSERT INTO dispute_decisions (dispute_id, ki, decision_year, decision_number, outcome, read_at) "
           "VALUES (:d, :ki, :y, :n, :o, :at)")
      .run(soci::use(dispute_id), soci::use(r.ki), soci::use(r.year), soci::use(r.decision_number),
           soci::use(r.outcome), soci::use(r.read_at));
}

std::map<std::string, hearing_row> stored_hearings(const db_context& ctx, const std::string& dispute_id) {
  std::map<std::string, hearing_row> out;
  std::string hearing_id;
  hearing_row r;
  prepared p(ctx,
             "SELECT hearing_id, ki, kind, scheduled_at, offset_minutes, location FROM dispute_hearings "
             "WHERE dispute_id = :d");
  p.open(soci::use(dispute_id), soci::into(hearing_id), soci::into(r.ki), soci::into(r.kind),
         soci::into(r.scheduled_at), soci::into(r.offset_minutes), soci::into(r.location));
  while (p.fetch()) {
    out.emplace(hearing_id, r);
  }
  return out;
}

std::optional<decision_row> stored_decision(const db_context& ctx, const std::string& dispute_id) {
  decision_row r;
  soci::indicator ind = soci::i_null;
  const bool found =
      prepared(ctx,
               "SELECT ki, decision_year, decision_number, outcome, read_at FROM dispute_decisions "
               "WHERE dispute_id = :d")
          .run(soci::use(dispute_id), soci::into(r.ki, ind), soci::into(r.year), soci::into(r.decision_number),
               soci::into(r.outcome), soci::into(r.read_at));
  if (!found) {
    return std::nullopt;
  }
  return r;
}

}  // namespace

void insert_dispute_projections(const db_context& ctx, const ports::dispute_document& doc) {
  for (const auto& h : doc.hearings) {
    insert_hearing(ctx, doc.id, h.hearing_id, row_of(doc, h));
  }
  if (doc.decision) {
    insert_decision(ctx, doc.id, row_of(doc, *doc.decision));
  }
}

void update_dispute_projections(const db_context& ctx, const ports::dispute_document& doc) {
  auto stored = stored_hearings(ctx, doc.id);
  for (const auto& h : doc.hearings) {
    const auto wanted = row_of(doc, h);
    const auto it = stored.find(h.hearing_id);
    if (it == stored.end()) {
      insert_hearing(ctx, doc.id, h.hearing_id, wanted);
      continue;
    }
    if (!(it->second == wanted)) {
      prepared(ctx,
               "UPDATE dispute_hearings SET ki = :ki, kind = :kind, scheduled_at = :at, offset_minutes = :off, "
               "location = :loc WHERE dispute_id = :d AND hearing_id = :h")
          .run(soci::use(wanted.ki), soci::use(wanted.kind), soci::use(wanted.scheduled_at),
               soci::use(wanted.offset_minutes), soci::use(wanted.location), soci::use(doc.id),
               soci::use(h.hearing_id));
    }
    stored.erase(it);
  }
  for (const auto& [hearing_id, row] : stored) {  // hearings the document no longer has
    prepared(ctx, "DELETE FROM dispute_hearings WHERE dispute_id = :d AND hearing_id = :h")
        .run(soci::use(doc.id), soci::use(hearing_id));
  }

  const auto before = stored_decision(ctx, doc.id);
  const auto wanted = doc.decision ? std::optional(row_of(doc, *doc.decision)) : std::nullopt;
  if (before == wanted) {
    return;
  }
  if (before) {
    prepared(ctx, "DELETE FROM dispute_decisions WHERE dispute_id = :d").run(soci::use(doc.id));
  }
  if (wanted) {
    insert_decision(ctx, doc.id, *wanted);
  }
}

}  // namespace perkara::persistence::detail
