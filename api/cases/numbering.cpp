#include "api/cases/numbering.hpp"

#include "domain/numbering/register_number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace perkara::api {
namespace {

namespace ds = domain::disputes;
namespace nb = domain::numbering;

std::string scope_of(std::string_view series, const std::string& org, domain::civil_date on) {
  return fmt::format("{}:{}:{}", series, org, static_cast<int>(on.year()));
}

std::string formatted(const std::string& template_text, const nb::template_context& ctx,
                      nb::template_kind kind = nb::template_kind::register_number) {
  auto number = nb::format_number(template_text, ctx, kind);
  if (!number) {
    throw std::runtime_error("invalid register template " + template_text);
  }
  return *number;
}

}  // namespace

std::string number_code(std::string org_code) {
  std::transform(org_code.begin(), org_code.end(), org_code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return org_code;
}

sequence_source sequences_of(ports::transaction& tx) {
  return [&tx](const std::string& scope) { return tx.sequences().next(scope); };
}

std::string take_ppid_number(const sequence_source& next, std::string_view series, const std::string& template_text,
                             const std::string& org_code, domain::civil_date on) {
  nb::template_context ctx;
  ctx.seq = next(scope_of(series, org_code, on));
  ctx.org_code = number_code(org_code);
  ctx.ki_code = ctx.org_code;
  ctx.date = on;
  return formatted(template_text, ctx);
}

ports::dispute_numbering numbering_for(ports::transaction& tx, const std::string& ki) {
  if (auto stored = tx.disputes().numbering(ki)) {
    return *stored;
  }
  ports::dispute_numbering n;
  n.ki = ki;
  n.ki_code = ki == "ki-pusat" ? "KIP" : number_code(ki);
  n.register_template = std::string(nb::default_dispute_register_template);
  n.decision_template = std::string(nb::default_decision_template);
  return n;
}

void number_dispute_command(const sequence_source& next, const ports::dispute_numbering& numbering,
                            const ds::dispute& d, int utc_offset_minutes, domain::civil_date today,
                            ds::command& command) {
  nb::template_context tc;
  tc.ki_code = numbering.ki_code;
  tc.org_code = numbering.ki_code;
  if (auto* reg = std::get_if<ds::cmd::register_dispute>(&command)) {
    tc.date = domain::local_date(reg->registered_at.utc, utc_offset_minutes);
    tc.seq = next(scope_of("dispute", d.ki, tc.date));
    reg->register_number = formatted(numbering.register_template, tc);
    reg->register_seq = tc.seq;
  } else if (auto* dec = std::get_if<ds::cmd::decide>(&command); dec && dec->decision_number.empty()) {
    tc.seq = d.register_seq.value_or(0);
    tc.date = d.registered_at ? domain::local_date(d.registered_at->utc, utc_offset_minutes) : today;
    tc.route = std::string(nb::decision_route(dec->outcome == ds::dispute_outcome::mediation_agreement,
                                              d.mediation_failed));
    dec->decision_number = nb::format_number(numbering.decision_template, tc, nb::template_kind::decision_number)
                               .value_or("");
  }
}

}  // namespace perkara::api
