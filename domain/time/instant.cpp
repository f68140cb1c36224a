#include "domain/time/instant.hpp"

#include <fmt/format.h>

namespace perkara::domain {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return !s.empty();
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
  }
  return v;
}

using date_parser = std::optional<civil_date> (*)(std::string_view);

std::optional<offset_instant> parse_instant_with(std::string_view text, date_parser parse_date) {
  // Date part, then 'T' (or 't' / space, as RFC 3339 permits), then HH:MM:SS.
  if (text.size() < 20) {
    return std::nullopt;
  }
  const auto date = parse_date(text.substr(0, 10));
  const char sep = text[10];
  if (!date || (sep != 'T' && sep != 't' && sep != ' ')) {
    return std::nullopt;
  }
  const auto time = text.substr(11, 8);
  if (time[2] != ':' || time[5] != ':' || !all_digits(time.substr(0, 2)) || !all_digits(time.substr(3, 2)) ||
      !all_digits(time.substr(6, 2))) {
    return std::nullopt;
  }
  const int hh = to_int(time.substr(0, 2));
  const int mm = to_int(time.substr(3, 2));
  const int ss = to_int(time.substr(6, 2));
  if (hh > 23 || mm > 59 || ss > 59) {
    return std::nullopt;
  }
  auto rest = text.substr(19);
  if (!rest.empty() && rest.front() == '.') {
    std::size_t i = 1;
    while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9') {
      ++i;
    }
    if (i == 1) {
      return std::nullopt;
    }
    rest = rest.substr(i);
  }
  int offset = 0;
  if (rest == "Z" || rest == "z") {
    offset = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':' &&
             all_digits(rest.substr(1, 2)) && all_digits(rest.substr(4, 2))) {
    const int oh = to_int(rest.substr(1, 2));
    const int om = to_int(rest.substr(4, 2));
    if (oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset = (rest[0] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  const auto local = std::chrono::sys_seconds{to_days(*date)} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
                     std::chrono::seconds{ss};
  return offset_instant{local - std::chrono::minutes{offset}, offset};
}

}  // namespace

std::optional<offset_instant> parse_rfc3339(std::string_view text) { return parse_instant_with(text, parse_iso_date); }

std::optional<offset_instant> read_stored_rfc3339(std::string_view text) {
  return parse_instant_with(text, read_stored_iso_date);
}

std::string format_rfc3339(instant utc, int offset_minutes) {
  const auto local = utc + std::chrono::minutes{offset_minutes};
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss hms{local - day};
  const int abs_offset = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  auto text = format_iso_date(civil_date{day});
  if (text.size() != 10 || abs_offset / 60 > 99) {
    return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", text, hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count(), offset_minutes < 0 ? '-' : '+', abs_offset / 60, abs_offset % 60);
  }
  // The common case by hand: "YYYY-MM-DDTHH:MM:SS+HH:MM".
  const auto two = [&text](long long v) {
    text += static_cast<char>('0' + v / 10);
    text += static_cast<char>('0' + v % 10);
  };
  text.reserve(25);
  text += 'T';
  two(hms.hours().count());
  text += ':';
  two(hms.minutes().count());
  text += ':';
  two(hms.seconds().count());
  text += offset_minutes < 0 ? '-' : '+';
  two(abs_offset / 60);
  text += ':';
  two(abs_offset % 60);
  return text;
}

civil_date local_date(instant utc, int offset_minutes) {
  return civil_date{std::chrono::floor<std::chrono::days>(utc + std::chrono::minutes{offset_minutes})};
}

int local_minute_of_day(instant utc, int offset_minutes) {
  const auto local = utc + std::chrono::minutes{offset_minutes};
  const auto day = std::chrono::floor<std::chrono::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - day).count());
}

instant start_of_local_day(civil_date date, int offset_minutes) {
  return std::chrono::sys_seconds{to_days(date)} - std::chrono::minutes{offset_minutes};
}

}  // namespace perkara::domain
