#include "domain/numbering/register_number.hpp"

#include <fmt/format.h>

#include <array>

namespace perkara::domain::numbering {

namespace {

// One parsed placeholder; `width` is the zero-padding of {seq:0N}.
struct placeholder {
  enum class name { seq, ki_code, org_code, month_roman, month2, year, route } which;
  int width = 0;
};

std::optional<placeholder> parse_placeholder(std::string_view body, template_kind kind) {
  using n = placeholder::name;
  if (body == "seq") return placeholder{n::seq, 0};
  if (body.size() == 6 && body.substr(0, 5) == "seq:0" && body[5] >= '2' && body[5] <= '9') {
    return placeholder{n::seq, body[5] - '0'};
  }
  if (body == "ki_code") return placeholder{n::ki_code, 0};
  if (body == "org_code") return placeholder{n::org_code, 0};
  if (body == "month_roman") return placeholder{n::month_roman, 0};
  if (body == "month:02") return placeholder{n::month2, 0};
  if (body == "year") return placeholder{n::year, 0};
  if (body == "route" && kind == template_kind::decision_number) return placeholder{n::route, 0};
  return std::nullopt;
}

// Walks the template once; calls on_text for literal runs and on_placeholder for each placeholder.
// Returns the field errors found (empty = valid).
template <class OnText, class OnPlaceholder>
field_errors scan(std::string_view text, template_kind kind, std::string_view field, OnText on_text,
                  OnPlaceholder on_placeholder) {
  validation v;
  bool has_seq = false;
  bool has_year = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto open = text.find_first_of("{}", i);
    if (open == std::string_view::npos) {
      on_text(text.substr(i));
      break;
    }
    on_text(text.substr(i, open - i));
    if (text[open] == '}') {
      v.fail(std::string(field), fmt::format("kurung kurawal '}}' tanpa pasangan pada posisi {} / unmatched '}}' at {}", open, open));
      i = open + 1;
      continue;
    }
    const auto close = text.find_first_of("{}", open + 1);
    if (close == std::string_view::npos || text[close] == '{') {
      v.fail(std::string(field), fmt::format("kurung kurawal '{{' tidak ditutup pada posisi {} / unclosed '{{' at {}", open, open));
      i = open + 1;
      continue;
    }
    const auto body = text.substr(open + 1, close - open - 1);
    if (const auto p = parse_placeholder(body, kind)) {
      has_seq = has_seq || p->which == placeholder::name::seq;
      has_year = has_year || p->which == placeholder::name::year;
      on_placeholder(*p);
    } else {
      v.fail(std::string(field), fmt::format("placeholder tidak dikenal {{{}}} / unknown placeholder {{{}}}", body, body));
    }
    i = close + 1;
  }
  if (!has_seq) {
    v.fail(std::string(field), "templat harus memuat {seq} / the template must contain {seq} or {seq:0N}");
  }
  // Sequences restart every year, so without the year numbers would repeat.
  if (!has_year) {
    v.fail(std::string(field), "templat harus memuat {year} / the template must contain {year}");
  }
  return v.take();
}

}  // namespace

std::string_view roman_month(unsigned month) {
  static constexpr std::array<std::string_view, 12> names{"I", "II", "III", "IV", "V", "VI",
                                                           "VII", "VIII", "IX", "X", "XI", "XII"};
  return month >= 1 && month <= 12 ? names[month - 1] : std::string_view{};
}

std::string_view decision_route(bool mediation_agreement, bool after_failed_mediation) {
  if (mediation_agreement) return "M";
  return after_failed_mediation ? "M-A" : "A";
}

field_errors validate_template(std::string_view text, template_kind kind, std::string_view field) {
  return scan(text, kind, field, [](std::string_view) {}, [](const placeholder&) {});
}

std::optional<std::string> format_number(std::string_view text, const template_context& context, template_kind kind) {
  std::string out;
  const auto month = static_cast<unsigned>(context.date.month());
  const auto errors = scan(
      text, kind, "template", [&](std::string_view literal) { out += literal; },
      [&](const placeholder& p) {
        using n = placeholder::name;
        switch (p.which) {
          case n::seq: out += fmt::format("{:0{}}", context.seq, p.width); break;
          case n::ki_code: out += context.ki_code; break;
          case n::org_code: out += context.org_code; break;
          case n::month_roman: out += roman_month(month); break;
          case n::month2: out += fmt::format("{:02}", month); break;
          case n::year: out += fmt::format("{}", static_cast<int>(context.date.year())); break;
          case n::route: out += context.route; break;
        }
      });
  if (!errors.empty()) {
    return std::nullopt;
  }
  return out;
}

}  // namespace perkara::domain::numbering
