#include "api/letters/letter_html.hpp"

#include "domain/html_text.hpp"

#include <fmt/format.h>
#include <sodium.h>

namespace perkara::api {

using domain::html_escape;
namespace {

// A4 with the margins Indonesian official letters use; the screen view shows the sheet on grey.
constexpr std::string_view style = R"(
@page { size: A4; margin: 20mm 20mm 20mm 25mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; line-height: 1.45; color: #000; margin: 0; background: #ddd; }
.sheet { background: #fff; width: 210mm; min-height: 297mm; margin: 10mm auto; padding: 20mm 20mm 20mm 25mm; }
.letterhead { display: flex; align-items: center; gap: 6mm; border-bottom: 3px double #000; padding-bottom: 3mm; margin-bottom: 6mm; }
.letterhead img { max-height: 25mm; max-width: 30mm; }
.letterhead .org { flex: 1; text-align: center; }
.letterhead .name { font-size: 16pt; font-weight: bold; text-transform: uppercase; }
.letterhead .contact { font-size: 10pt; }
h1 { font-size: 13pt; text-align: center; text-decoration: underline; margin: 0; }
.number { text-align: center; margin: 0 0 6mm 0; }
.recipient { margin-bottom: 4mm; }
.recipient p { margin: 0; }
table.facts { border-collapse: collapse; width: 100%; margin: 3mm 0; }
table.facts td { vertical-align: top; padding: 1mm 0; }
table.facts tr { break-inside: avoid; }
table.facts td.label { width: 38%; }
table.facts td.colon { width: 4mm; }
p { text-align: justify; margin: 0 0 3mm 0; }
.signature { margin-top: 10mm; margin-left: 55%; break-inside: avoid; }
.signature p { text-align: left; margin: 0; }
.signature .space { height: 22mm; }
.signature .signer { font-weight: bold; text-decoration: underline; }
.toolbar { text-align: center; margin: 4mm; font-family: sans-serif; }
@media print { body { background: #fff; } .sheet { margin: 0; padding: 0; width: auto; min-height: 0; } .toolbar { display: none; } }
)";

// The page's only script: the print button, and printing at once when opened as `…#print`.
constexpr std::string_view script =
    "document.getElementById('print').addEventListener('click',function(){window.print();});"
    "if(location.hash==='#print'){window.print();}";

std::string sha256_base64(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char out[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(out, sizeof out, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
  return out;
}

}  // namespace

std::string letter_content_security_policy() {
  static const std::string policy = fmt::format(
      "default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; img-src data:; base-uri 'none'; "
      "form-action 'none'; frame-ancestors 'none'",
      sha256_base64(style), sha256_base64(script));
  return policy;
}

std::string render_letter_html(const domain::letters::letter_content& letter, const std::string& organisation_name,
                               const ports::letterhead& head) {
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>{} {}</title>\n", html_escape(letter.title), html_escape(letter.number));
  out += "<style>";
  out += style;
  out += "</style>\n</head>\n<body>\n";
  out += "<div class=\"toolbar\"><button type=\"button\" id=\"print\">Cetak / Print</button></div>\n";
  out += "<main class=\"sheet\">\n<header class=\"letterhead\">\n";
  if (!head.logo_base64.empty() && !head.logo_media_type.empty()) {
    out += fmt::format("<img alt=\"Logo\" src=\"data:{};base64,{}\">\n", html_escape(head.logo_media_type),
                       html_escape(head.logo_base64));
  }
  out += fmt::format("<div class=\"org\"><div class=\"name\">{}</div>\n", html_escape(organisation_name));
  if (!head.address.empty()) {
    out += fmt::format("<div class=\"contact\">{}</div>\n", html_escape(head.address));
  }
  std::string contact;
  const auto add = [&](std::string_view label, const std::string& value) {
    if (!value.empty()) {
      contact += fmt::format("{}{} {}", contact.empty() ? "" : " &middot; ", label, html_escape(value));
    }
  };
  add("Telp.", head.phone);
  add("Surel:", head.email);
  add("Laman:", head.website);
  if (!contact.empty()) {
    out += fmt::format("<div class=\"contact\">{}</div>\n", contact);
  }
  out += "</div>\n</header>\n";
  out += fmt::format("<h1>{}</h1>\n<p class=\"number\">Nomor: {}</p>\n", html_escape(letter.title),
                     html_escape(letter.number));
  out += fmt::format("<p>Perihal: {}</p>\n", html_escape(letter.subject));
  if (!letter.recipient.empty()) {
    out += "<div class=\"recipient\">\n";
    for (const auto& line : letter.recipient) {
      out += fmt::format("<p>{}</p>\n", html_escape(line));
    }
    out += "<p>di tempat</p>\n</div>\n";
  }
  for (const auto& p : letter.opening) {
    out += fmt::format("<p>{}</p>\n", html_escape(p));
  }
  out += "<table class=\"facts\">\n";
  for (const auto& f : letter.facts) {
    out += fmt::format("<tr><td class=\"label\">{}</td><td class=\"colon\">:</td><td>{}</td></tr>\n",
                       html_escape(f.label), html_escape(f.value));
  }
  out += "</table>\n";
  for (const auto& p : letter.closing) {
    out += fmt::format("<p>{}</p>\n", html_escape(p));
  }
  out += fmt::format(
      "<div class=\"signature\">\n<p>{}</p>\n<p>{}</p>\n<div class=\"space\"></div>\n<p class=\"signer\">{}</p>\n</div>\n",
      html_escape(letter.date_text), html_escape(letter.signatory_role), html_escape(letter.signer_name));
  out += "</main>\n<script>";
  out += script;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace perkara::api
