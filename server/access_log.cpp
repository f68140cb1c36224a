#include "server/access_log.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace perkara::server {

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20 || u == 0x7f) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(u));
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string format_access_log(const access_log_entry& entry) {
  using namespace std::chrono;
  const auto ms = floor<milliseconds>(entry.ts);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss tod{ms - day};
  return fmt::format(
      R"({{"ts":"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z","request_id":"{}","method":"{}","route":"{}","status":{},"duration_ms":{:.3f}}})",
      static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
      tod.hours().count(), tod.minutes().count(), tod.seconds().count(), tod.subseconds().count(),
      json_escape(entry.request_id), json_escape(entry.method), json_escape(entry.route), entry.status,
      entry.duration_ms);
}

void write_access_log(const access_log_entry& entry) {
  auto line = format_access_log(entry);
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace perkara::server
