#include "persistence/files/file_copy.hpp"

#include "persistence/files/durable.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace perkara::persistence {

ports::staged_file import_file(disk_file_store& store, const std::filesystem::path& source) {
  const int fd = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    fail_errno("cannot open", source.string());
  }
  auto upload = store.begin_upload();
  std::vector<char> buf(std::size_t{256} * 1024);
  for (;;) {
    const auto n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      ::close(fd);
      fail_errno("cannot read", source.string());
    }
    if (n == 0) {
      break;
    }
    upload->append(buf.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  auto staged = upload->finish();
  store.keep(staged);
  return staged;
}

}  // namespace perkara::persistence
