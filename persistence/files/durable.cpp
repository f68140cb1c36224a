#include "persistence/files/durable.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace perkara::persistence {
namespace {

namespace fs = std::filesystem;

void fsync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) {
    fail_errno("cannot open", p.string());
  }
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) {
    fail_errno("cannot fsync", p.string());
  }
}

}  // namespace

void fail_errno(const std::string& what, const std::string& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path);
}

void fsync_file(const fs::path& file) { fsync_path(file, O_RDONLY); }

void fsync_dir(const fs::path& dir) { fsync_path(dir, O_RDONLY | O_DIRECTORY); }

void make_durable_dirs(const fs::path& dir) {
  if (dir.empty() || fs::exists(dir)) {
    return;
  }
  make_durable_dirs(dir.parent_path());
  std::error_code ec;
  if (fs::create_directory(dir, ec)) {
    fsync_dir(dir.parent_path().empty() ? fs::path{"."} : dir.parent_path());
  } else if (ec) {
    throw fs::filesystem_error("cannot create directory", dir, ec);
  }
}

void write_file_durably(const fs::path& target, std::string_view bytes) {
  const auto dir = target.parent_path().empty() ? fs::path{"."} : target.parent_path();
  make_durable_dirs(dir);
  auto temp = target;
  temp += ".part";
  const int fd = ::open(temp.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0640);
  if (fd < 0) {
    fail_errno("cannot create", temp.string());
  }
  const char* data = bytes.data();
  auto left = bytes.size();
  while (left > 0) {
    const auto n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      ::close(fd);
      fail_errno("cannot write", temp.string());
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) {
    fail_errno("cannot fsync", temp.string());
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    fail_errno("cannot rename to", target.string());
  }
  fsync_dir(dir);
}

}  // namespace perkara::persistence
