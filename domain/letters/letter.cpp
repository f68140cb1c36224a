#include "domain/letters/letter.hpp"

#include "domain/cases/search_text.hpp"
#include "domain/enum_names.hpp"

#include "domain/letters/indonesian_date.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace perkara::domain::letters {
namespace {

struct kind_info {
  letter_kind kind;
  std::string_view name;
  std::string_view title;
  std::string_view subject;
  std::string_view number_template;
  std::string_view document_kind;  // the case-file kind (domain/documents) the issued letter is filed as
};

// Number templates: sequence per issuer, kind and year; the kind's code after the number, then the
// issuer, as Indonesian offices number their outgoing letters ("001/TBP/PPID-KPU-.../XII/2026").
constexpr std::array<kind_info, 8> kinds = {{
    {letter_kind::request_receipt, "request_receipt", "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK",
     "Tanda bukti penerimaan permohonan informasi publik", "{seq:03}/TBP/{org_code}/{month_roman}/{year}",
     "request_receipt"},
    {letter_kind::extension_notice, "extension_notice", "PEMBERITAHUAN PERPANJANGAN WAKTU",
     "Pemberitahuan perpanjangan waktu", "{seq:03}/PPW/{org_code}/{month_roman}/{year}", "extension_notice"},
    {letter_kind::written_notice, "written_notice", "PEMBERITAHUAN TERTULIS",
     "Pemberitahuan tertulis atas permohonan informasi publik", "{seq:03}/PT/{org_code}/{month_roman}/{year}",
     "ppid_response"},
    {letter_kind::objection_receipt, "objection_receipt", "TANDA BUKTI PENERIMAAN KEBERATAN",
     "Tanda bukti penerimaan keberatan", "{seq:03}/TBK/{org_code}/{month_roman}/{year}", "objection_receipt"},
    {letter_kind::objection_response, "objection_response", "TANGGAPAN ATASAN PPID ATAS KEBERATAN",
     "Tanggapan atasan PPID atas keberatan", "{seq:03}/TAP/{org_code}/{month_roman}/{year}", "atasan_response"},
    {letter_kind::registration_deed, "registration_deed", "AKTA REGISTRASI SENGKETA INFORMASI PUBLIK",
     "Akta registrasi sengketa informasi publik", "{seq:03}/ARS/{org_code}/{month_roman}/{year}",
     "registration_record"},
    {letter_kind::hearing_summons, "hearing_summons", "SURAT PANGGILAN SIDANG",
     "Panggilan sidang sengketa informasi publik", "{seq:03}/SPS/{org_code}/{month_roman}/{year}", "summons"},
    {letter_kind::decision_receipt, "decision_receipt", "TANDA TERIMA SALINAN PUTUSAN", "Tanda terima salinan putusan",
     "{seq:03}/TTP/{org_code}/{month_roman}/{year}", "service_receipt"},
}};

const kind_info& info(letter_kind kind) { return kinds[static_cast<std::size_t>(kind)]; }

constexpr enum_name<request_channel> channel_texts[] = {
    {request_channel::web, "laman (web)"}, {request_channel::email, "surat elektronik"},
    {request_channel::walk_in, "datang langsung"}, {request_channel::letter, "surat"},
    {request_channel::phone, "telepon"}, {request_channel::fax, "faksimile"}};
std::string_view channel_text(request_channel c) { return name_in(channel_texts, c); }

constexpr enum_name<response_decision> decision_texts[] = {
    {response_decision::granted, "permohonan informasi diterima seluruhnya"},
    {response_decision::partly_granted, "permohonan informasi diterima sebagian"},
    {response_decision::refused, "permohonan informasi ditolak"},
    {response_decision::not_held, "informasi yang diminta tidak dikuasai badan publik ini"}};
std::string_view decision_text(response_decision d) { return name_in(decision_texts, d); }

// UU 14/2008 Pasal 35 ayat (1) huruf a-g (docs/legal-sources.md §3.4).
std::string_view objection_ground_text(char g) {
  switch (g) {
    case 'a': return "penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)";
    case 'b': return "tidak disediakannya informasi berkala (Pasal 9)";
    case 'c': return "tidak ditanggapinya permintaan informasi";
    case 'd': return "permintaan informasi ditanggapi tidak sebagaimana yang diminta";
    case 'e': return "tidak dipenuhinya permintaan informasi";
    case 'f': return "pengenaan biaya yang tidak wajar";
    case 'g': return "penyampaian informasi yang melebihi waktu yang diatur";
    default: return "";
  }
}

using disputes::dispute_outcome;
using disputes::hearing_kind;
constexpr enum_name<hearing_kind> hearing_texts[] = {{hearing_kind::preliminary_examination, "Pemeriksaan Awal"},
                                                     {hearing_kind::mediation, "Mediasi"},
                                                     {hearing_kind::evidence, "Pembuktian"},
                                                     {hearing_kind::closed_examination, "Pemeriksaan Tertutup"},
                                                     {hearing_kind::site_inspection, "Pemeriksaan Setempat"},
                                                     {hearing_kind::conclusions, "Kesimpulan"},
                                                     {hearing_kind::decision_reading, "Pembacaan Putusan"}};
std::string_view hearing_text(hearing_kind k) { return name_in(hearing_texts, k); }

constexpr enum_name<dispute_outcome> outcome_texts[] = {
    {dispute_outcome::granted, "dikabulkan seluruhnya"},
    {dispute_outcome::partly_granted, "dikabulkan sebagian"},
    {dispute_outcome::rejected, "ditolak"},
    {dispute_outcome::inadmissible, "tidak dapat diterima"},
    {dispute_outcome::no_jurisdiction, "Komisi Informasi tidak berwenang"},
    {dispute_outcome::mediation_agreement, "putusan mediasi (kesepakatan para pihak)"},
    {dispute_outcome::withdrawn, "dicabut"},
    {dispute_outcome::lapsed, "gugur"},
    {dispute_outcome::not_registered, "tidak diregistrasi"}};
std::string_view outcome_text(dispute_outcome o) { return name_in(outcome_texts, o); }

std::string_view party_text(disputes::party p) { return p == disputes::party::applicant ? "Pemohon" : "Termohon"; }

std::optional<civil_date> due_of(const letter_facts& f, std::string_view key) {
  for (const auto& [k, d] : f.due_dates) {
    if (k == key) {
      return d;
    }
  }
  return std::nullopt;
}

std::string local_day(const offset_instant& at) {
  return format_indonesian_date(local_date(at.utc, at.offset_minutes));
}

letter_content frame(const letter_ref& ref, const letter_facts& f, std::string signatory_role) {
  letter_content c;
  c.ref = ref;
  c.title = std::string(info(ref.kind).title);
  c.number = f.number.empty() ? std::string("(diberikan saat surat diterbitkan)") : f.number;
  c.date_text = format_indonesian_date(f.date);
  c.subject = std::string(info(ref.kind).subject);
  c.signatory_role = std::move(signatory_role);
  c.signer_name = f.signer_name;
  return c;
}

std::vector<std::string> applicant_block(const std::string& name, const std::optional<std::string>& address) {
  std::vector<std::string> lines{"Kepada Yth.", "Sdr. " + name};
  if (address && !address->empty()) {
    lines.push_back(*address);
  }
  return lines;
}

std::string ppid_of(const letter_facts& f) {
  return "Pejabat Pengelola Informasi dan Dokumentasi (PPID) " + f.respondent_name;
}

}  // namespace

std::string_view to_string(letter_kind kind) { return info(kind).name; }

std::optional<letter_kind> parse_letter_kind(std::string_view text) {
  for (const auto& k : kinds) {
    if (k.name == text) {
      return k.kind;
    }
  }
  return std::nullopt;
}

std::string_view letter_title(letter_kind kind) { return info(kind).title; }
std::string_view letter_number_template(letter_kind kind) { return info(kind).number_template; }

std::string_view letter_document_kind(letter_kind kind) { return info(kind).document_kind; }

std::string letter_key(const letter_ref& ref) {
  std::string key(to_string(ref.kind));
  if (ref.kind == letter_kind::hearing_summons) {
    key += ":" + ref.hearing;
  }
  if (ref.party) {
    key += ":";
    key += disputes::to_string(*ref.party);
  }
  return key;
}

std::optional<letter_ref> parse_letter_key(std::string_view key) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto colon = key.find(':', start);
    parts.push_back(key.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
    if (colon == std::string_view::npos) {
      break;
    }
    start = colon + 1;
  }
  const auto kind = parse_letter_kind(parts[0]);
  if (!kind) {
    return std::nullopt;
  }
  letter_ref ref{*kind, "", std::nullopt};
  std::size_t want = 1;
  if (*kind == letter_kind::hearing_summons) {
    want = 3;
  } else if (*kind == letter_kind::decision_receipt) {
    want = 2;
  }
  if (parts.size() != want) {
    return std::nullopt;
  }
  if (*kind == letter_kind::hearing_summons) {
    ref.hearing = std::string(parts[1]);
    if (ref.hearing.empty() || ref.hearing.size() > 16) {
      return std::nullopt;
    }
  }
  if (want > 1) {
    ref.party = disputes::parse_party(parts.back());
    if (!ref.party) {
      return std::nullopt;
    }
  }
  return ref;
}

std::vector<letter_ref> available_letters(const information_request& r) {
  std::vector<letter_ref> out{{letter_kind::request_receipt, "", std::nullopt}};
  if (r.extension) {
    out.push_back({letter_kind::extension_notice, "", std::nullopt});
  }
  if (r.response) {
    out.push_back({letter_kind::written_notice, "", std::nullopt});
  }
  if (r.objection) {
    out.push_back({letter_kind::objection_receipt, "", std::nullopt});
  }
  if (r.objection_answer) {
    out.push_back({letter_kind::objection_response, "", std::nullopt});
  }
  return out;
}

std::vector<letter_ref> available_letters(const disputes::dispute& d) {
  std::vector<letter_ref> out;
  if (!d.register_number) {
    return out;
  }
  out.push_back({letter_kind::registration_deed, "", std::nullopt});
  for (const auto& h : d.hearings) {
    for (const auto p : {disputes::party::applicant, disputes::party::respondent}) {
      out.push_back({letter_kind::hearing_summons, h.id, p});
    }
  }
  if (d.decision) {
    for (const auto& s : d.services) {
      out.push_back({letter_kind::decision_receipt, "", s.served_party});
    }
  }
  return out;
}

std::optional<letter_content> build_letter(const information_request& r, const letter_ref& ref, const letter_facts& f) {
  const auto available = available_letters(r);
  if (std::find(available.begin(), available.end(), ref) == available.end()) {
    return std::nullopt;
  }
  auto c = frame(ref, f, ppid_of(f));
  c.recipient = applicant_block(r.applicant.name, r.applicant.address);
  const std::vector<letter_field> request_facts = {
      {"Nomor registrasi permohonan", r.number},
      {"Tanggal permohonan diterima", format_indonesian_date_time(r.received_at)},
      {"Nama pemohon", r.applicant.name},
      {"Informasi yang diminta", r.information_requested},
  };
  switch (ref.kind) {
    case letter_kind::request_receipt: {
      c.opening.push_back(fmt::format(
          "Dengan ini {} menerangkan bahwa permohonan informasi publik Saudara telah diterima dan dicatat dalam "
          "register permohonan dengan keterangan sebagai berikut:",
          ppid_of(f)));
      c.facts = request_facts;
      c.facts.push_back({"Cara penyampaian permohonan", std::string(channel_text(r.channel))});
      c.facts.push_back({"Tujuan penggunaan informasi", r.purpose});
      c.facts.push_back({"Cara memperoleh informasi", r.format + "; " + r.delivery_medium});
      if (const auto due = due_of(f, "ppid_response")) {
        c.closing.push_back(
            fmt::format("Pemberitahuan tertulis atas permohonan ini akan disampaikan paling lambat "
                        "tanggal {}.",
                        format_indonesian_date(*due)));
      }
      c.closing.emplace_back("Tanda bukti ini agar disimpan sebagai bukti pengajuan permohonan informasi publik.");
      break;
    }
    case letter_kind::extension_notice: {
      c.opening.emplace_back(
          "Bersama ini kami beritahukan bahwa jangka waktu pemberitahuan tertulis atas permohonan informasi "
          "Saudara diperpanjang (Undang-Undang Nomor 14 Tahun 2008 Pasal 22 ayat (8)), dengan keterangan "
          "sebagai berikut:");
      c.facts = request_facts;
      c.facts.push_back({"Tanggal perpanjangan dicatat",
                         format_indonesian_date(local_date(r.extension->at, r.received_at.offset_minutes))});
      c.facts.push_back({"Alasan perpanjangan", r.extension->reason});
      if (const auto due = due_of(f, "ppid_response")) {
        c.facts.push_back({"Batas waktu pemberitahuan tertulis", format_indonesian_date(*due)});
      }
      break;
    }
    case letter_kind::written_notice: {
      const auto& resp = *r.response;
      c.opening.push_back(fmt::format("Menanggapi permohonan informasi Saudara, {} memutuskan bahwa {}.", ppid_of(f),
                                      decision_text(resp.decision)));
      c.facts = request_facts;
      c.facts.push_back({"Tanggal pemberitahuan", local_day(resp.responded_at)});
      c.facts.push_back({"Keputusan", std::string(decision_text(resp.decision))});
      c.facts.push_back({"Alasan", resp.reasons});
      if (resp.decision == response_decision::refused || resp.decision == response_decision::partly_granted) {
        const auto cited = cited_exemptions(resp.reasons);
        if (cited.empty()) {
          c.facts.push_back({"Dasar hukum penolakan", "sebagaimana diuraikan dalam alasan di atas"});
        }
        for (const char e : cited) {
          c.facts.push_back(
              {fmt::format("Dasar hukum: UU 14/2008 Pasal 17 huruf {}", e), std::string(exemption_description(e))});
        }
        c.closing.emplace_back(
            "Apabila Saudara tidak puas atas keputusan ini, Saudara dapat mengajukan keberatan kepada atasan "
            "PPID paling lambat 30 (tiga puluh) hari kerja sejak diterimanya pemberitahuan ini (Undang-Undang "
            "Nomor 14 Tahun 2008 Pasal 35 dan Pasal 36).");
      }
      break;
    }
    case letter_kind::objection_receipt: {
      const auto& o = *r.objection;
      c.opening.emplace_back(
          "Dengan ini kami menerangkan bahwa keberatan Saudara atas permohonan informasi berikut "
          "telah diterima dan dicatat dalam register keberatan:");
      c.facts = request_facts;
      c.facts.push_back({"Nomor registrasi keberatan", o.number});
      c.facts.push_back({"Tanggal keberatan diterima", format_indonesian_date_time(o.received_at)});
      std::string grounds;
      for (const auto g : o.grounds) {
        const char letter = to_string(g).empty() ? '?' : to_string(g)[0];
        grounds += fmt::format("{}huruf {}: {}", grounds.empty() ? "" : "; ", letter, objection_ground_text(letter));
      }
      c.facts.push_back({"Alasan keberatan (UU 14/2008 Pasal 35 ayat (1))", grounds});
      c.facts.push_back({"Uraian keberatan", o.reasons});
      if (const auto due = due_of(f, "atasan_response")) {
        c.closing.push_back(fmt::format("Tanggapan atasan PPID akan disampaikan paling lambat tanggal {}.",
                                        format_indonesian_date(*due)));
      }
      break;
    }
    case letter_kind::objection_response: {
      const auto& a = *r.objection_answer;
      const bool upheld = a.decision == objection_decision::upheld;
      c.opening.push_back(fmt::format("Atas keberatan Saudara nomor {}, atasan PPID {} {}.",
                                      r.objection ? r.objection->number : std::string("-"), f.respondent_name,
                                      upheld
                                          ? "menguatkan keputusan PPID"
                                          : "membatalkan keputusan PPID dan memerintahkan agar informasi diberikan"));
      c.facts = request_facts;
      c.facts.push_back({"Tanggal tanggapan", local_day(a.answered_at)});
      c.facts.push_back({"Tanggapan", upheld ? "keberatan ditolak (keputusan PPID dikuatkan)"
                                             : "keberatan diterima (informasi diberikan)"});
      c.facts.push_back({"Alasan", a.reasons});
      if (upheld) {
        c.closing.emplace_back(
            "Apabila Saudara tidak puas atas tanggapan ini, Saudara dapat mengajukan permohonan penyelesaian "
            "sengketa informasi kepada Komisi Informasi paling lambat 14 (empat belas) hari kerja sejak "
            "diterimanya tanggapan ini (Undang-Undang Nomor 14 Tahun 2008 Pasal 37).");
      }
      c.signatory_role = "Atasan " + ppid_of(f);
      break;
    }
    default: return std::nullopt;
  }
  return c;
}

std::optional<letter_content> build_letter(const disputes::dispute& d, const letter_ref& ref, const letter_facts& f) {
  const auto available = available_letters(d);
  if (std::find(available.begin(), available.end(), ref) == available.end()) {
    return std::nullopt;
  }
  auto c = frame(ref, f, "Panitera " + f.ki_name);
  const std::vector<letter_field> case_facts = {
      {"Nomor registrasi", d.register_number.value_or("")},
      {"Pemohon", d.applicant.name},
      {"Termohon", f.respondent_name},
      {"Informasi yang dimohonkan", d.information_requested},
  };
  const auto party_block = [&](disputes::party p) {
    if (p == disputes::party::respondent) {
      return std::vector<std::string>{"Kepada Yth.", "Pimpinan " + f.respondent_name, "c.q. " + ppid_of(f)};
    }
    auto lines = applicant_block(
        d.applicant.name, d.applicant.address.empty() ? std::nullopt : std::optional<std::string>(d.applicant.address));
    if (d.representative) {
      lines.insert(lines.begin() + 2, "melalui kuasanya " + d.representative->name);
    }
    return lines;
  };
  switch (ref.kind) {
    case letter_kind::registration_deed: {
      c.opening.push_back(
          fmt::format("Panitera {} dengan ini mencatat bahwa permohonan penyelesaian sengketa "
                      "informasi publik berikut telah diregistrasi:",
                      f.ki_name));
      c.facts = case_facts;
      c.facts.push_back({"Tanggal permohonan diterima", local_day(d.submitted_at)});
      if (d.registered_at) {
        c.facts.push_back({"Tanggal registrasi", local_day(*d.registered_at)});
      }
      std::string grounds;
      for (const auto g : d.grounds) {
        const auto text = disputes::to_string(g);
        const char letter = text.empty() ? '?' : text[0];
        grounds += fmt::format("{}huruf {}: {}", grounds.empty() ? "" : "; ", letter, objection_ground_text(letter));
      }
      c.facts.push_back({"Alasan permohonan (UU 14/2008 Pasal 35 ayat (1))", grounds});
      c.closing.emplace_back("Akta registrasi ini dibuat untuk dipergunakan sebagaimana mestinya.");
      break;
    }
    case letter_kind::hearing_summons: {
      const auto h = std::find_if(d.hearings.begin(), d.hearings.end(),
                                  [&](const disputes::hearing& x) { return x.id == ref.hearing; });
      c.recipient = party_block(*ref.party);
      c.opening.push_back(fmt::format(
          "Dengan ini {} memanggil Saudara sebagai {} untuk hadir dalam sidang sengketa informasi publik berikut:",
          f.ki_name, party_text(*ref.party)));
      c.facts = case_facts;
      c.facts.push_back({"Agenda sidang", std::string(hearing_text(h->kind))});
      c.facts.push_back({"Hari, tanggal dan waktu", format_indonesian_date_time(h->scheduled_at)});
      if (!h->location.empty()) {
        c.facts.push_back({"Tempat", h->location});
      }
      if (!h->online_link.empty()) {
        c.facts.push_back({"Sidang daring", h->online_link});
      }
      c.closing.emplace_back(
          "Para pihak diminta hadir tepat waktu dengan membawa identitas diri, surat kuasa (bila "
          "diwakili) dan dokumen pendukung.");
      break;
    }
    case letter_kind::decision_receipt: {
      const auto* s = d.served(*ref.party);
      c.recipient = party_block(*ref.party);
      c.opening.push_back(
          fmt::format("Yang bertanda tangan di bawah ini menerangkan bahwa salinan putusan perkara "
                      "berikut telah diterima oleh {}:",
                      party_text(*ref.party)));
      c.facts = case_facts;
      c.facts.push_back({"Nomor putusan", d.decision->decision_number});
      c.facts.push_back({"Tanggal putusan dibacakan", local_day(d.decision->read_at)});
      c.facts.push_back({"Amar putusan", std::string(outcome_text(d.decision->outcome))});
      c.facts.push_back({"Diterima oleh", std::string(party_text(*ref.party))});
      c.facts.push_back({"Tanggal diterima", format_indonesian_date_time(s->served_at)});
      break;
    }
    default: return std::nullopt;
  }
  return c;
}

std::vector<char> cited_exemptions(std::string_view reasons) {
  const auto text = fold_for_search(reasons);
  std::vector<char> out;
  for (auto at = text.find("pasal 17"); at != std::string::npos; at = text.find("pasal 17", at + 1)) {
    // The citation runs until the next "pasal" or sentence end; every "huruf x" in it counts.
    const auto next_pasal = text.find("pasal", at + 8);
    const auto period = text.find('.', at);
    const auto end = std::min({next_pasal, period, text.size()});
    if (at + 8 < text.size() && std::isdigit(static_cast<unsigned char>(text[at + 8]))) {
      continue;  // "pasal 170"
    }
    for (auto h = text.find("huruf ", at); h != std::string::npos && h < end; h = text.find("huruf ", h + 1)) {
      std::size_t p = h + 6;
      // "huruf b dan h", "huruf b, h", "huruf b serta j"
      while (p < end) {
        const char letter = text[p];
        const bool alone = p + 1 >= text.size() || !std::isalpha(static_cast<unsigned char>(text[p + 1]));
        if (letter >= 'a' && letter <= 'j' && alone) {
          if (std::find(out.begin(), out.end(), letter) == out.end()) {
            out.push_back(letter);
          }
          p += 1;
        } else {
          break;
        }
        while (p < end && (text[p] == ' ' || text[p] == ',')) {
          ++p;
        }
        for (const std::string_view joiner : {"dan ", "serta ", "atau "}) {
          if (text.compare(p, joiner.size(), joiner) == 0) {
            p += joiner.size();
          }
        }
      }
    }
  }
  return out;
}

// UU 14/2008 Pasal 17 huruf a-j, in the statute's words, shortened (docs/legal-sources.md §3.4).
std::string_view exemption_description(char letter) {
  switch (letter) {
    case 'a': return "informasi yang apabila dibuka dapat menghambat proses penegakan hukum";
    case 'b':
      return "informasi yang apabila dibuka dapat mengganggu kepentingan perlindungan hak atas kekayaan "
             "intelektual dan perlindungan dari persaingan usaha tidak sehat";
    case 'c': return "informasi yang apabila dibuka dapat membahayakan pertahanan dan keamanan negara";
    case 'd': return "informasi yang apabila dibuka dapat mengungkapkan kekayaan alam Indonesia";
    case 'e': return "informasi yang apabila dibuka dapat merugikan ketahanan ekonomi nasional";
    case 'f': return "informasi yang apabila dibuka dapat merugikan kepentingan hubungan luar negeri";
    case 'g':
      return "informasi yang apabila dibuka dapat mengungkapkan isi akta otentik yang bersifat pribadi "
             "dan kemauan terakhir ataupun wasiat seseorang";
    case 'h': return "informasi yang apabila dibuka dapat mengungkap rahasia pribadi";
    case 'i':
      return "memorandum atau surat-surat antar Badan Publik atau intra Badan Publik yang menurut "
             "sifatnya dirahasiakan";
    case 'j': return "informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang";
    default: return "";
  }
}

}  // namespace perkara::domain::letters
