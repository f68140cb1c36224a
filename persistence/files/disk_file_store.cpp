#include "persistence/files/disk_file_store.hpp"

#include "persistence/files/durable.hpp"
#include "persistence/files/file_copy.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <stdexcept>
#include <system_error>

namespace perkara::persistence {
namespace {

namespace fs = std::filesystem;

std::string hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[bytes[i] >> 4];
    out[2 * i + 1] = digits[bytes[i] & 0xf];
  }
  return out;
}

bool is_checksum(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string random_name() {
  thread_local std::random_device device;
  std::uniform_int_distribution<unsigned> nibble(0, 15);
  std::string name(24, '0');
  for (auto& c : name) {
    c = "0123456789abcdef"[nibble(device)];
  }
  return name + ".part";
}

}  // namespace

std::optional<std::string> sha256_of_file(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return std::nullopt;
  }
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<unsigned char> buf(std::size_t{256} * 1024);
  for (;;) {
    const auto n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) {
      break;
    }
    crypto_hash_sha256_update(&state, buf.data(), static_cast<unsigned long long>(n));
  }
  ::close(fd);
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, out);
  return hex(out, sizeof out);
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return hex(out, sizeof out);
}

struct disk_file_store::upload::hash_state {
  crypto_hash_sha256_state state;
};

disk_file_store::upload::upload(int fd, std::string path)
    : fd_(fd), path_(std::move(path)), hash_(std::make_unique<hash_state>()) {
  crypto_hash_sha256_init(&hash_->state);
}

disk_file_store::upload::~upload() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
}

void disk_file_store::upload::append(const char* data, std::size_t size) {
  crypto_hash_sha256_update(&hash_->state, reinterpret_cast<const unsigned char*>(data), size);
  while (size > 0) {
    const auto n = ::write(fd_, data, size);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail_errno("cannot write", path_);
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    size_ += static_cast<std::uint64_t>(n);
  }
}

ports::staged_file disk_file_store::upload::finish() {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&hash_->state, out);
  // No fsync here: the transport calls finish() on its I/O thread; keep() flushes on a worker.
  ::close(fd_);
  fd_ = -1;
  return {path_, hex(out, sizeof out), size_};
}

disk_file_store::disk_file_store(std::filesystem::path root) : root_(std::move(root)) {
  if (sodium_init() < 0) {
    throw std::runtime_error("libsodium failed to initialise");
  }
}

std::unique_ptr<disk_file_store::upload> disk_file_store::begin_upload() {
  const auto dir = root_ / "staging";
  make_durable_dirs(dir);
  auto path = (dir / random_name()).string();
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0640);
  if (fd < 0) {
    fail_errno("cannot create", path);
  }
  return std::unique_ptr<upload>(new upload(fd, std::move(path)));
}

ports::staged_file disk_file_store::stage(std::string_view bytes) {
  auto u = begin_upload();
  u->append(bytes.data(), bytes.size());
  return u->finish();
}

ports::file_sample disk_file_store::sample(const ports::staged_file& staged, std::size_t window) {
  std::ifstream in(staged.path, std::ios::binary);
  if (!in) {
    fail_errno("cannot open", staged.path);
  }
  ports::file_sample out;
  const auto head = static_cast<std::size_t>(std::min<std::uint64_t>(window, staged.size));
  out.head.resize(head);
  in.read(out.head.data(), static_cast<std::streamsize>(head));
  const auto tail = static_cast<std::size_t>(std::min<std::uint64_t>(window, staged.size));
  out.tail.resize(tail);
  in.seekg(static_cast<std::streamoff>(staged.size - tail));
  in.read(out.tail.data(), static_cast<std::streamsize>(tail));
  return out;
}

fs::path disk_file_store::address_of(const std::string& sha256) const {
  if (!is_checksum(sha256)) {
    throw std::invalid_argument("not a checksum: " + sha256);
  }
  return root_ / "objects" / sha256.substr(0, 2) / sha256.substr(2, 2) / sha256;
}

void disk_file_store::keep(const ports::staged_file& staged) {
  const auto target = address_of(staged.sha256);
  const auto dir = target.parent_path();
  make_durable_dirs(dir);
  if (fs::exists(target)) {
    // The same content is stored already. Touch it, so the orphan collection (which spares files
    // younger than its minimum age) does not remove it before this upload's row commits.
    ::utimensat(AT_FDCWD, target.c_str(), nullptr, 0);
    discard(staged.path);
    return;
  }
  // The content reaches the disk before it gets its name; the rename is made durable by the directory's.
  fsync_file(staged.path);
  if (::rename(staged.path.c_str(), target.c_str()) != 0) {
    fail_errno("cannot rename to", target.string());
  }
  fsync_dir(dir);
}

std::optional<std::string> disk_file_store::read(const std::string& sha256) {
  std::ifstream in(address_of(sha256), std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::optional<std::string> disk_file_store::path_of(const std::string& sha256) {
  auto p = address_of(sha256);
  if (!fs::exists(p)) {
    return std::nullopt;
  }
  return p.string();
}

void disk_file_store::discard(const std::string& staged_path) { ::unlink(staged_path.c_str()); }

std::vector<std::string> disk_file_store::stored_checksums() const {
  std::vector<std::string> out;
  const auto objects = root_ / "objects";
  if (!fs::exists(objects)) {
    return out;
  }
  for (const auto& entry : fs::recursive_directory_iterator(objects)) {
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file() && is_checksum(name)) {
      out.push_back(name);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> disk_file_store::rehash(const std::string& sha256) const {
  return sha256_of_file(address_of(sha256));
}

disk_file_store::collected disk_file_store::collect_orphans(const std::set<std::string>& referenced,
                                                            std::chrono::seconds min_age) const {
  collected out;
  const auto cutoff = fs::file_time_type::clock::now() - min_age;
  const auto old_enough = [&](const fs::path& p) {
    std::error_code ec;
    const auto t = fs::last_write_time(p, ec);
    return !ec && t <= cutoff;
  };
  for (const auto& sha : stored_checksums()) {
    const auto p = address_of(sha);
    if (!referenced.contains(sha) && old_enough(p) && fs::remove(p)) {
      ++out.objects;
    }
  }
  const auto staging = root_ / "staging";
  if (fs::exists(staging)) {
    for (const auto& entry : fs::directory_iterator(staging)) {
      if (entry.is_regular_file() && old_enough(entry.path()) && fs::remove(entry.path())) {
        ++out.staged;
      }
    }
  }
  return out;
}

}  // namespace perkara::persistence
