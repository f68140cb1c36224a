// Demo letterheads and issued letters (issue 15): KI Babel, KPU Pangkalpinang and Bawaslu Babel get a
// letterhead (address, contact, a small emblem), and the demo cases get the letters their stage has:
// receipts and written notices of the first answered requests, the registration deeds of the first
// registered disputes, each also filed as a document of its case. Idempotent: an organisation with a letterhead, a case
// with a letter is skipped.
#include "api/auth/caller.hpp"
#include "api/documents/dossier.hpp"
#include "api/letters/letter_service.hpp"
#include "server/seed_demo.hpp"

#include "domain/letters/letter.hpp"

namespace perkara::server {
namespace {

// A 48x48 PNG: a red circle with a cross, drawn for the demo (no third-party artwork).
constexpr const char* demo_logo_png_base64 =
    "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAIAAADYYG7QAAAAxElEQVR42u3Z2w2EMAxE0emDyqkWGkCOPQb2ajHKZ+wcAcrD0QF79D+"
    "gfduC9h4odvRleo7isfQ0pcrSa5qkSQblxg4FUCZRcrySSUmN9wqNnCmQ/"
    "U2NtLI13i+y7Clb44GWQ0Qge0YoBUagTt5OYArUmcGrsdegZtJm7ALUXG6NcDyon7EfHoF+"
    "0gY0oAENCDUxzlpWBCG2H7gNGnELi9vkE49BuIMi8ShNLDbgyjHEghWxpActehLLwtDCOfRq4XO3QSfQfjbHZEgLygAAAABJRU5ErkJggg==";

struct demo_letterhead {
  const char* organisation;
  const char* address;
  const char* phone;
  const char* email;
  const char* website;
};

constexpr demo_letterhead demo_letterheads[] = {
    {"ki-babel", "Jl. Pulau Bangka, Kompleks Perkantoran Gubernur, Air Itam, Pangkalpinang 33149", "(0717) 438000",
     "sekretariat@ki.babelprov.example.id", "ki.babelprov.example.id"},
    {"kpu-pangkalpinang", "Jl. Jenderal Sudirman No. 1, Pangkalpinang 33121", "(0717) 421000",
     "ppid@kpu-pangkalpinang.example.id", "kota-pangkalpinang.kpu.example.id"},
    {"bawaslu-babel", "Jl. Pulau Belitung No. 10, Pangkalpinang 33149", "(0717) 439000",
     "ppid@babel.bawaslu.example.id", "babel.bawaslu.example.id"},
};

}  // namespace

std::optional<api::caller> demo_caller(ports::transaction& tx, const std::string& username) {
  const auto creds = tx.users().find_credentials(username);
  if (!creds) {
    return std::nullopt;
  }
  const auto org = tx.organisations().find(creds->user.organisation);
  if (!org) {
    return std::nullopt;
  }
  return api::caller{creds->user, *org, "", false};
}

std::size_t seed_demo_letters(ports::database& db, const ports::clock& clock, ports::file_store& store) {
  const auto now = clock.now();
  std::size_t issued = 0;
  auto tx = db.begin(ports::access::write);
  for (const auto& d : demo_letterheads) {
    if (!tx->organisations().find(d.organisation) || tx->letters().find_letterhead(d.organisation)) {
      continue;
    }
    tx->letters().put_letterhead(ports::letterhead{d.organisation, d.address, d.phone, d.email, d.website, "image/png",
                                                   demo_logo_png_base64, now, "seed-demo"});
  }
  const auto ppid = demo_caller(*tx, "ppid.pangkalpinang");
  const auto atasan = demo_caller(*tx, "atasan.pangkalpinang");
  const auto registrar = demo_caller(*tx, "panitera.babel");
  if (ppid && atasan) {
    ports::request_filter f;
    f.respondent = "kpu-pangkalpinang";
    f.limit = 50;
    int cases = 0;
    for (const auto& r : tx->requests().list(f)) {
      if (cases >= 3 || !r.request.response || !tx->letters().for_case("request", r.request.id).empty()) {
        continue;
      }
      ++cases;
      for (const auto& ref : domain::letters::available_letters(r.request)) {
        const auto& who = ref.kind == domain::letters::letter_kind::objection_response ? *atasan : *ppid;
        api::file_issued_letter(
            *tx, store,
            api::issue_letter(*tx, who, api::case_kind::request, r.request.id, domain::letters::letter_key(ref), now),
            now);
        ++issued;
      }
    }
  }
  if (registrar) {
    ports::dispute_filter f;
    f.ki = "ki-babel";
    f.limit = 50;
    int cases = 0;
    for (const auto& d : tx->disputes().list(f)) {
      if (cases >= 3 || !d.register_number || !tx->letters().for_case("dispute", d.id).empty()) {
        continue;
      }
      ++cases;
      api::file_issued_letter(
          *tx, store, api::issue_letter(*tx, *registrar, api::case_kind::dispute, d.id, "registration_deed", now), now);
      ++issued;
    }
  }
  tx->commit();
  return issued;
}

}  // namespace perkara::server
