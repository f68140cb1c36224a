#include "server/access_log.hpp"

#include "domain/json_text.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace perkara::server {

std::string json_escape(std::string_view text) {
  const auto quoted = domain::json_quote(text);
  return quoted.substr(1, quoted.size() - 2);
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
