#include "server/access_log.hpp"

#include "domain/json_text.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace perkara::server {

std::string json_escape(std::string_view text) {
  const auto quoted = domain::json_quote(text);
  return quoted.substr(1, quoted.size() - 2);
}

void append_json_escaped(std::string& out, std::string_view text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u != 0x7f && c != '"' && c != '\\';
  });
  if (plain) {
    out += text;
  } else {
    out += json_escape(text);
  }
}

namespace {

// `value` in exactly `width` decimal digits, zero-padded (every field of the time stamp is in range).
void append_digits(std::string& out, std::uint64_t value, int width) {
  std::array<char, 20> digits{};
  for (int i = width - 1; i >= 0; --i) {
    digits.at(static_cast<std::size_t>(i)) = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits.data(), static_cast<std::size_t>(width));
}

// `value` in decimal without padding.
void append_unsigned(std::string& out, std::uint64_t value) {
  std::array<char, 20> digits{};
  std::size_t n = 0;
  do {
    digits.at(digits.size() - 1 - n) = static_cast<char>('0' + value % 10);
    value /= 10;
    ++n;
  } while (value != 0);
  out.append(digits.data() + digits.size() - n, n);
}

}  // namespace

void append_access_log(std::string& out, const access_log_entry& entry) {
  using namespace std::chrono;
  const auto ms = floor<milliseconds>(entry.ts);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss tod{ms - day};
  out += R"({"ts":")";
  append_digits(out, static_cast<std::uint64_t>(static_cast<int>(ymd.year())), 4);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.month()), 2);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.day()), 2);
  out += 'T';
  append_digits(out, static_cast<std::uint64_t>(tod.hours().count()), 2);
  out += ':';
  append_digits(out, static_cast<std::uint64_t>(tod.minutes().count()), 2);
  out += ':';
  append_digits(out, static_cast<std::uint64_t>(tod.seconds().count()), 2);
  out += '.';
  append_digits(out, static_cast<std::uint64_t>(tod.subseconds().count()), 3);
  out += R"(Z","request_id":")";
  append_json_escaped(out, entry.request_id);
  out += R"(","method":")";
  append_json_escaped(out, entry.method);
  out += R"(","route":")";
  append_json_escaped(out, entry.route);
  out += R"(","status":)";
  append_unsigned(out, static_cast<std::uint64_t>(std::max(entry.status, 0)));  // 100-599
  // Milliseconds with three decimals, rounded as printf's %.3f would (durations are never negative).
  const auto micros = static_cast<std::uint64_t>(std::llround(std::max(entry.duration_ms, 0.0) * 1000.0));
  out += R"(,"duration_ms":)";
  append_unsigned(out, micros / 1000);
  out += '.';
  append_digits(out, micros % 1000, 3);
  out += '}';
}

std::string format_access_log(const access_log_entry& entry) {
  std::string out;
  append_access_log(out, entry);
  return out;
}

buffered_access_log::buffered_access_log(int fd, std::size_t flush_bytes) : fd_(fd), flush_bytes_(flush_bytes) {}

buffered_access_log::~buffered_access_log() { flush(); }

void buffered_access_log::write(const access_log_entry& entry) {
  auto& b = buffers_.local();
  const std::lock_guard lock{b.mutex};
  append_access_log(b.text, entry);
  b.text += '\n';
  if (b.text.size() >= flush_bytes_) {
    write_out(b.text);
  }
}

void buffered_access_log::flush() {
  buffers_.for_each([this](buffer& b) {
    const std::lock_guard lock{b.mutex};
    write_out(b.text);
  });
}

// Whole lines only, all of them, retried on a short write; the buffer keeps its capacity.
void buffered_access_log::write_out(std::string& text) {
  const std::lock_guard lock{fd_mutex_};
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      break;  // stderr gone: the lines are dropped, the server goes on
    }
    done += static_cast<std::size_t>(n);
  }
  text.clear();
}

}  // namespace perkara::server
