#pragma once
// The dispute case aggregate (perkara sengketa informasi), docs/dispute-workflow.md and docs/legal-sources.md
// §6.3 "Case". Plain data: the rules that change it live in transitions.hpp; persistence stores it.

#include "domain/disputes/track.hpp"
#include "domain/disputes/vocabulary.hpp"
#include "domain/time/civil_date.hpp"
#include "domain/time/instant.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace perkara::domain::disputes {

/// Dates of the PPID stage for a request not tracked in the system (§6.3 "Dispute application").
struct chronology {
  civil_date request_date{};
  std::optional<civil_date> ppid_response_date;
  std::optional<civil_date> objection_date;
  std::optional<civil_date> objection_response_date;  // tanggapan atasan PPID
};

/// Pemohon identity. Personal data: never in the public view, events or logs.
struct applicant {
  applicant_kind kind = applicant_kind::individual;
  std::string name;       // person or institution
  std::string id_number;  // NIK / passport / legal-entity registration
  std::string address;
  std::string email;
  std::string phone;
};

/// Kuasa: representative by special power of attorney (§2).
struct representative {
  std::string name;
  std::string id_number;
  std::string address;
  std::string email;
  std::string phone;
};

/// Checklist state (§6.3 attachments). `present` is what the registry holds; `missing_requested` is the
/// list last sent with request_completion (T09).
struct completeness {
  std::vector<attachment> present;
  std::vector<attachment> missing_requested;
};

/// Advisory timeliness of the filing at KI (never a rejection; the Majelis decides, T12/T13).
struct filing_assessment {
  std::optional<bool> filing_timely;  // null: the chronology lacks what is needed
  std::string reasoning_id;           // Bahasa Indonesia
  std::string reasoning_en;
  std::optional<civil_date> period_start;  // start date given to the calculator
  std::optional<civil_date> due;           // the due date used
};

struct hearing {
  std::string id;  // "h1", "h2", ... in scheduling order
  hearing_kind kind = hearing_kind::preliminary_examination;
  offset_instant scheduled_at;
  std::string location;     // physical room; or empty when online
  std::string online_link;  // online hearing link; or empty
  std::string attendance;   // free text filled after the hearing
  std::string minutes;      // berita acara reference
  bool warning_after_deadline = false;  // scheduled after the ki_completion due date (T20)
};

/// One operative order (amar) of a decision; `due_days` is its implementation period counted from
/// finality (PERKI 1/2013 Pasal 59 [S16a]).
struct order {
  std::string text;
  std::optional<int> due_days;
};

struct decision {
  dispute_outcome outcome = dispute_outcome::rejected;
  std::string decision_number;
  offset_instant read_at;
  std::vector<order> orders;
};

/// The decision copy sent to one party (T24). The party's court window runs from its receipt of the
/// copy (UU 14/2008 Pasal 48(1)): `delivered_at` when recorded, else presumed received when it was
/// served (docs/deadlines.md "Receipt facts").
struct service {
  party served_party = party::applicant;
  offset_instant served_at;
  std::optional<offset_instant> delivered_at{};

  [[nodiscard]] const offset_instant& received_at() const { return delivered_at ? *delivered_at : served_at; }
};

/// A party's keberatan at the PTUN / PN (T25) or its kasasi at the Mahkamah Agung (T27).
struct court_objection {
  party filed_by = party::respondent;
  offset_instant filed_at;
  std::string court;
  std::string case_number;
  bool after_window = false;  // filed after the party's window due date (advisory; the court decides)
  court_instance instance = court_instance::first_instance;
};

/// A party's recorded receipt of a court's decision.
struct delivery {
  party to = party::applicant;
  offset_instant delivered_at;
};

/// A court's decision on the objections of one instance (T27). A party's cassation window runs from its
/// receipt of the first-instance decision (UU 14/2008 Pasal 50): `deliveries` when recorded, else
/// presumed received when pronounced (docs/deadlines.md "Receipt facts").
struct court_decision {
  offset_instant decided_at;
  std::string result;
  court_instance instance = court_instance::first_instance;
  std::string court{};
  std::string case_number{};
  std::vector<delivery> deliveries{};  // at most one per party

  [[nodiscard]] const offset_instant* delivered_to(party p) const;
  [[nodiscard]] const offset_instant& received_by(party p) const {
    const auto* d = delivered_to(p);
    return d != nullptr ? *d : decided_at;
  }
};

struct compliance {
  bool complied = false;
  offset_instant recorded_at;
  std::string evidence;
};

struct closure {
  std::string reason;
  offset_instant at;
};

struct dispute {
  std::string id;
  std::string ki;          // code of the KI handling the case
  std::string respondent;  // organisation code of the termohon
  std::optional<std::string> request_id;   // a tracked request, or
  std::optional<disputes::chronology> chronology;  // the dates of an untracked one
  disputes::applicant applicant;
  std::optional<disputes::representative> representative;
  std::string information_requested;
  std::string reasons;  // uraian permasalahan dan alasan
  std::vector<dispute_ground> grounds;
  std::vector<std::string> petitum;
  offset_instant submitted_at;
  std::string ruleset;  // "perki_1_2019" or "general"
  int ruleset_version = 1;
  /// Why this rule set (track.hpp); absent on cases opened before the track was recorded.
  std::optional<track_reason> ruleset_reason{};
  std::optional<std::string> ruleset_election{};         // the election period code, reason election_period
  std::optional<std::string> ruleset_override_reason{};  // the registrar's reason, reason override

  dispute_state state = dispute_state::submitted;
  std::optional<dispute_outcome> outcome;
  int version = 1;

  std::optional<std::string> register_number;
  std::optional<std::int64_t> register_seq;
  std::optional<offset_instant> registered_at;
  disputes::completeness completeness;
  filing_assessment filing;
  std::string competent_ki;
  bool jurisdiction_flag = false;  // filed with a KI that is not the competent one (§1.4)

  std::optional<std::string> mediator;  // username of a commissioner of the KI
  std::vector<std::string> majelis;     // usernames of the panel (three in observed cases)
  bool exemption_claim_withdrawn = false;
  bool mediation_failed = false;        // went to adjudication after a failed mediation (T16)
  std::optional<offset_instant> preliminary_examination_at;
  std::optional<offset_instant> mediation_started_at;
  std::optional<offset_instant> adjudication_started_at;
  std::vector<hearing> hearings;
  std::optional<disputes::decision> decision;
  std::vector<service> services;
  std::vector<disputes::court_objection> court_objections;  // per party and instance, in filing order
  std::vector<disputes::court_decision> court_decisions;    // at most one per instance, in order
  std::optional<civil_date> final_on;  // the day the decision became final (berkekuatan hukum tetap)
  std::optional<disputes::compliance> compliance;
  std::optional<closure> closed;

  [[nodiscard]] bool has_ground(dispute_ground g) const;
  [[nodiscard]] const service* served(party p) const;
  /// The party's objection at `instance`, if it filed one.
  [[nodiscard]] const disputes::court_objection* objection_of(party p, court_instance instance) const;
  /// The first objection filed at `instance`, if any.
  [[nodiscard]] const disputes::court_objection* first_objection(court_instance instance) const;
  /// The court's decision at `instance`, if recorded.
  [[nodiscard]] const disputes::court_decision* court_decided(court_instance instance) const;
};

/// Input of `POST /api/v1/disputes`, after the api layer parsed the JSON.
struct new_dispute {
  std::optional<std::string> request_id;
  std::optional<disputes::chronology> chronology;
  disputes::applicant applicant;
  std::optional<disputes::representative> representative;
  std::string respondent;
  std::string information_requested;
  std::string reasons;
  std::vector<dispute_ground> grounds;
  std::vector<std::string> petitum;
  offset_instant submitted_at;
  std::optional<std::string> ki;  // default: the respondent's competent KI
  std::string ruleset;            // "perki_1_2019" or "general": the decided track (decide_track)
  int ruleset_version = 1;
  std::optional<std::string> ruleset_override_reason{};  // required to depart from the inherited or suggested track
  std::vector<attachment> attachments;  // documents delivered with the application
};

}  // namespace perkara::domain::disputes
