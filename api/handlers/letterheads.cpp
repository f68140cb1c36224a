// GET/PUT /api/v1/organisations/{code}/letterhead (issue 15): the contact lines and logo printed on every
// letter an organisation issues. Edited by a sysadmin, the KI's ki_admin, or a respondent body's PPID
// superior (its office head); read by any signed-in user. The logo (PNG or JPEG, at most 256 KiB) is
// sent base64-encoded in the JSON body and checked from its content, not its declared type.
#include "api/auth/caller.hpp"
#include "api/handlers/audit.hpp"
#include "api/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/json/json_input.hpp"
#include "api/json/json_output.hpp"

#include <boost/json/serialize.hpp>
#include <sodium.h>

namespace perkara::api {
namespace {

constexpr std::size_t max_logo_bytes = std::size_t{256} * 1024;

/// "image/png" or "image/jpeg" from the file's first bytes; empty for anything else.
std::string image_type(const std::string& bytes) {
  if (bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
    return "image/png";
  }
  if (bytes.size() > 3 && bytes.compare(0, 3, "\xff\xd8\xff") == 0) {
    return "image/jpeg";
  }
  return "";
}

std::optional<std::string> decode_base64(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), " \r\n",
                        &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

std::string encode_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

boost::json::object letterhead_json(const domain::organisation& org, const ports::letterhead& h) {
  boost::json::value logo = nullptr;
  if (!h.logo_base64.empty()) {
    logo = boost::json::object{{"media_type", h.logo_media_type},
                               {"data_url", "data:" + h.logo_media_type + ";base64," + h.logo_base64}};
  }
  return {{"organisation", org.code}, {"name", org.name},     {"address", h.address}, {"phone", h.phone},
          {"email", h.email},         {"website", h.website}, {"logo", std::move(logo)}};
}

bool may_edit(const caller& who, const domain::organisation& org) {
  using domain::role;
  if (who.has_role(role::sysadmin)) {
    return true;
  }
  if (who.organisation.code != org.code) {
    return false;
  }
  return org.is_respondent() ? who.has_role(role::ppid_superior) : who.has_role(role::ki_admin);
}

response get_letterhead(services& s, const request& req, const route_params& p) {
  const auto [now, tx, who] = sign_in(s, req, ports::access::read);
  const auto org = found_or_404(tx->organisations().find(p.get("code")));
  const auto head = tx->letters().find_letterhead(org.code).value_or(ports::letterhead{});
  return json_response(200, letterhead_json(org, head));
}

response put_letterhead(services& s, const request& req, const route_params& p) {
  const auto body = parse_json_object(req);
  const auto [now, tx, who] = sign_in(s, req, ports::access::write);
  const auto org = tx->organisations().find(p.get("code"));
  if (!org || (!may_edit(who, *org) && who.organisation.code != org->code)) {
    throw not_found();  // another organisation's letterhead is not the caller's business
  }
  if (!may_edit(who, *org)) {
    throw forbidden();
  }
  const auto before = tx->letters().find_letterhead(org->code);
  auto head = before.value_or(ports::letterhead{});
  head.organisation = org->code;
  domain::validation v;
  json_reader in{body, v};
  head.address = in.string("address", false, 1000).value_or("");
  head.phone = in.string("phone", false, 64).value_or("");
  head.email = in.string("email", false, 255).value_or("");
  head.website = in.string("website", false, 255).value_or("");
  if (!head.email.empty() && head.email.find('@') == std::string::npos) {
    v.fail("email", "alamat surel tidak sah / not an email address");
  }
  // `logo`: absent keeps the stored one, null removes it, a string (base64) replaces it.
  if (const auto* logo = body.if_contains("logo")) {
    if (logo->is_null()) {
      head.logo_base64.clear();
      head.logo_media_type.clear();
    } else if (!logo->is_string() || logo->get_string().size() > max_logo_bytes * 4 / 3 + 16) {
      v.fail("logo", "logo harus PNG atau JPEG base64, paling besar 256 KiB / logo must be a base64 PNG or JPEG of at most 256 KiB");
    } else {
      const auto bytes = decode_base64(std::string_view(logo->get_string()));
      const auto type = bytes ? image_type(*bytes) : std::string();
      if (!bytes || bytes->size() > max_logo_bytes) {
        v.fail("logo", "logo harus base64, paling besar 256 KiB / logo must be base64, at most 256 KiB");
      } else if (type.empty()) {
        v.fail("logo", "logo harus berkas PNG atau JPEG / logo must be a PNG or JPEG file");
      } else {
        head.logo_base64 = encode_base64(*bytes);
        head.logo_media_type = type;
      }
    }
  }
  throw_if_invalid(v);
  head.updated_at = now;
  head.updated_by = who.user.id;
  tx->letters().put_letterhead(head);
  const auto summary = [](const std::optional<ports::letterhead>& h) -> boost::json::value {
    if (!h) {
      return nullptr;
    }
    return boost::json::object{{"address", h->address}, {"phone", h->phone},     {"email", h->email},
                               {"website", h->website}, {"logo", h->logo_media_type.empty() ? "" : h->logo_media_type}};
  };
  audit(*tx, who, now, "update_letterhead", "organisation", org->code,
        boost::json::serialize(change_details(summary(before), summary(head))));
  auto out = letterhead_json(*org, head);
  tx->commit();
  return json_response(200, out);
}

}  // namespace

void register_letterhead_routes(router& r, services& s) {
  r.add("GET", "/api/v1/organisations/{code}/letterhead", policy::signed_in, call(s, get_letterhead));
  r.add("PUT", "/api/v1/organisations/{code}/letterhead", policy::letterhead_admins, call(s, put_letterhead),
        {.body_limit = std::size_t{512} * 1024, .requires_json_body = true});
}

}  // namespace perkara::api
