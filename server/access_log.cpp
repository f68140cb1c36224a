#include "server/access_log.hpp"

#include "domain/json_text.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iterator>
#include <utility>

namespace perkara::server {

std::string json_escape(std::string_view text) {
  const auto quoted = domain::json_quote(text);
  return quoted.substr(1, quoted.size() - 2);
}

namespace {

void append_access_log(std::string& out, const access_log_entry& entry) {
  using namespace std::chrono;
  const auto ms = floor<milliseconds>(entry.ts);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss tod{ms - day};
  fmt::format_to(
      std::back_inserter(out),
      R"({{"ts":"{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z","request_id":"{}","method":"{}","route":"{}","status":{},"duration_ms":{:.3f}}})",
      static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
      tod.hours().count(), tod.minutes().count(), tod.seconds().count(), tod.subseconds().count(),
      json_escape(entry.request_id), json_escape(entry.method), json_escape(entry.route), entry.status,
      entry.duration_ms);
}

}  // namespace

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
