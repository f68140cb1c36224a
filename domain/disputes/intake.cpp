#include "domain/disputes/intake.hpp"

#include "domain/cases/act_date.hpp"
#include "domain/cases/field_checks.hpp"
#include "domain/disputes/completeness.hpp"
#include "domain/cases/event_payload.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perkara::domain::disputes {

namespace {

void validate_chronology(const chronology& c, civil_date today, civil_date submitted_on, validation& v) {
  struct step {
    const char* field;
    std::optional<civil_date> date;
  };
  const step steps[] = {{"chronology.request_date", c.request_date},
                        {"chronology.ppid_response_date", c.ppid_response_date},
                        {"chronology.objection_date", c.objection_date},
                        {"chronology.objection_response_date", c.objection_response_date}};
  if (c.objection_response_date && !c.objection_date) {
    v.fail("chronology.objection_date", "wajib diisi bila ada tanggapan atasan PPID / required when an objection answer date is given");
  }
  std::optional<civil_date> previous;
  const char* previous_field = nullptr;
  for (const auto& s : steps) {
    if (!s.date) continue;
    if (!s.date->ok()) {
      v.fail(s.field, "tanggal tidak sah / invalid date");
      continue;
    }
    if (*s.date > today) {
      v.fail(s.field, future_message);
    } else if (*s.date > submitted_on) {
      v.fail(s.field, "tidak boleh setelah tanggal permohonan / must not be after submitted_at");
    }
    // The PPID stage runs in order: request, PPID answer, objection, atasan answer (T01-T08).
    if (previous && *s.date < *previous) {
      v.fail(s.field, fmt::format("tidak boleh sebelum {} / must not be before {}", previous_field, previous_field));
    }
    previous = s.date;
    previous_field = s.field;
  }
}

}  // namespace

field_errors validate_new_dispute(const new_dispute& input, offset_instant now) {
  validation v;
  const auto today = local_date(now.utc, now.offset_minutes);
  const auto submitted_on = local_date(input.submitted_at.utc, now.offset_minutes);

  if (input.request_id && input.chronology) {
    v.fail("chronology", "isi request_id atau chronology, tidak keduanya / give request_id or chronology, not both");
  } else if (!input.request_id && !input.chronology) {
    v.fail("request_id", "isi request_id atau chronology / give request_id or chronology");
  }
  if (input.request_id && blank(*input.request_id)) {
    v.fail("request_id", not_empty_message);
  }
  if (input.chronology) {
    validate_chronology(*input.chronology, today, std::min(submitted_on, today), v);
  }

  if (blank(input.applicant.name)) {
    v.fail("applicant.name", required_message);
  }
  if (blank(input.applicant.address) && blank(input.applicant.email) && blank(input.applicant.phone)) {
    v.fail("applicant.address", "isi alamat, e-mail atau telepon / give an address, e-mail or phone");
  }
  if (!input.applicant.email.empty() && !plausible_email(input.applicant.email)) {
    v.fail("applicant.email", "alamat e-mail tidak sah / not an e-mail address");
  }
  if (input.representative) {
    if (blank(input.representative->name)) {
      v.fail("representative.name", required_message);
    }
    if (!input.representative->email.empty() && !plausible_email(input.representative->email)) {
      v.fail("representative.email", "alamat e-mail tidak sah / not an e-mail address");
    }
  }
  if (blank(input.respondent)) {
    v.fail("respondent", required_message);
  }
  if (blank(input.information_requested)) {
    v.fail("information_requested", required_message);
  }

  // Grounds: UU 14/2008 Pasal 35(1) a-g; the enum guarantees the range, duplicates are refused.
  if (input.grounds.empty()) {
    v.fail("grounds", "pilih minimal satu alasan (Pasal 35(1) a-g) / give at least one ground (Pasal 35(1) a-g)");
  }
  for (std::size_t i = 0; i < input.grounds.size(); ++i) {
    if (std::find(input.grounds.begin(), input.grounds.begin() + static_cast<std::ptrdiff_t>(i), input.grounds[i]) !=
        input.grounds.begin() + static_cast<std::ptrdiff_t>(i)) {
      v.fail(fmt::format("grounds[{}]", i), "alasan ganda / duplicate ground");
    }
  }

  if (input.petitum.empty()) {
    v.fail("petitum", required_message);
  }
  for (std::size_t i = 0; i < input.petitum.size(); ++i) {
    if (blank(input.petitum[i])) {
      v.fail(fmt::format("petitum[{}]", i), not_empty_message);
    }
  }

  if (in_future(input.submitted_at.utc, now.utc)) {
    v.fail("submitted_at", future_message);
  }
  if (input.ki && blank(*input.ki)) {
    v.fail("ki", not_empty_message);
  }
  if (input.ruleset_version < 1) {
    v.fail("ruleset_version", "harus >= 1 / must be >= 1");
  }
  for (std::size_t i = 0; i < input.attachments.size(); ++i) {
    if (std::count(input.attachments.begin(), input.attachments.end(), input.attachments[i]) > 1) {
      v.fail(fmt::format("attachments[{}]", i), "lampiran ganda / duplicate attachment");
    }
  }
  return v.take();
}

std::vector<deadline_intent> opening_intents(const dispute& d, const ruleset* rules) {
  const auto* p = rules ? rules->find("registration_check") : nullptr;
  // Receipt of the application is the only event known at submission (start_event dispute_received).
  if (p == nullptr || !p->effective_value() || p->start_event != "dispute_received") return {};
  deadline_intent i;
  i.key = i.period = "registration_check";
  i.at = d.submitted_at.utc;
  i.source = p->source;
  return {i};
}

dispute open_dispute(const new_dispute& input, const opening_context& context) {
  dispute d;
  d.id = context.id;
  d.competent_ki = context.competent_ki;
  d.ki = input.ki.value_or(context.competent_ki);
  // §1.4: filing with a KI other than the competent one is flagged for the Majelis, not refused.
  d.jurisdiction_flag = d.ki != d.competent_ki;
  d.respondent = input.respondent;
  d.request_id = input.request_id;
  // A dispute from a tracked request keeps the chronology taken from that request (docs/dispute-workflow.md "Tracked requests").
  d.chronology = input.chronology ? input.chronology : context.tracked_chronology;
  d.applicant = input.applicant;
  d.representative = input.representative;
  d.information_requested = input.information_requested;
  d.reasons = input.reasons;
  d.grounds = input.grounds;
  d.petitum = input.petitum;
  d.submitted_at = input.submitted_at;
  d.ruleset = input.ruleset;
  d.ruleset_version = input.ruleset_version;
  if (context.track) {
    d.ruleset_reason = context.track->reason;
    d.ruleset_election = context.track->election_code;
    d.ruleset_override_reason = context.track->override_reason;
  }
  d.state = dispute_state::submitted;
  d.version = 1;
  for (auto a : input.attachments) {
    if (std::find(d.completeness.present.begin(), d.completeness.present.end(), a) == d.completeness.present.end()) {
      d.completeness.present.push_back(a);
    }
  }

  if (d.chronology && context.due_of) {
    d.filing = assess_filing(*d.chronology, local_date(input.submitted_at.utc, context.utc_offset_minutes), context.due_of);
  } else {
    d.filing.reasoning_id = "Kronologi permohonan tidak tersedia; ketepatan waktu tidak dapat dinilai.";
    d.filing.reasoning_en = "The request chronology is not available; timeliness cannot be assessed.";
  }
  return d;
}

std::string submission_payload(const dispute& d, const dispute_track& track) {
  payload_writer payload;
  payload.text("ki", d.ki).text("respondent", d.respondent).boolean("jurisdiction_flag", d.jurisdiction_flag);
  payload.text("ruleset", d.ruleset).text("ruleset_reason", to_string(track.reason));
  if (track.override_reason) {
    payload.text("ruleset_override_reason", *track.override_reason);
  }
  if (d.filing.filing_timely) {
    payload.boolean("filing_timely", *d.filing.filing_timely);
  } else {
    payload.null("filing_timely");
  }
  if (d.request_id) {
    payload.text("request_id", *d.request_id);
  }
  const auto file = check_completeness(d);
  std::vector<std::string> missing;
  for (const auto a : file.missing) {
    missing.emplace_back(to_string(a));
  }
  payload.boolean("complete", file.complete()).texts("missing", missing);
  return payload.str();
}

std::vector<std::string> submission_warnings(const dispute& d) {
  if (!d.jurisdiction_flag) {
    return {};
  }
  return {fmt::format("KI {} bukan KI yang berwenang ({}); dicatat untuk Majelis / {} is not the competent KI ({}); "
                      "flagged for the panel",
                      d.ki, d.competent_ki, d.ki, d.competent_ki)};
}

}  // namespace perkara::domain::disputes
