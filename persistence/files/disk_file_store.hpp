#pragma once
// The file store of case documents on a local disk (docs/documents.md "Storage"):
//   ROOT/objects/ab/cd/abcd…   a stored file, named by its SHA-256 (hex)
//   ROOT/staging/*.part        uploads being written (and, after a crash, leftovers)
// Durable keep: fsync the staged file, rename it to its address (same file system), fsync the
// directory (and the new parent directories). The directories are created on first use.

#include "domain/ports/file_store.hpp"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace perkara::persistence {

class disk_file_store final : public ports::file_store {
 public:
  explicit disk_file_store(std::filesystem::path root);

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

  /// An upload written as it arrives, hashed on the way. Not thread-safe; one per request. A staged
  /// file that nobody kept is removed by discard() or by the orphan collection.
  class upload {
   public:
    upload(const upload&) = delete;
    upload& operator=(const upload&) = delete;
    ~upload();
    void append(const char* data, std::size_t size);
    /// Closes the file; its hash and size.
    ports::staged_file finish();

   private:
    friend class disk_file_store;
    upload(int fd, std::string path);
    struct hash_state;
    int fd_;
    std::string path_;
    std::uint64_t size_ = 0;
    std::unique_ptr<hash_state> hash_;
  };
  std::unique_ptr<upload> begin_upload();

  ports::staged_file stage(std::string_view bytes) override;
  ports::file_sample sample(const ports::staged_file& staged, std::size_t window) override;
  void keep(const ports::staged_file& staged) override;
  std::optional<std::string> read(const std::string& sha256) override;
  std::optional<std::string> path_of(const std::string& sha256) override;

  void discard(const std::string& staged_path) override;

  /// The address of a checksum (whether or not the file exists).
  [[nodiscard]] std::filesystem::path address_of(const std::string& sha256) const;
  /// Every checksum stored under objects/.
  [[nodiscard]] std::vector<std::string> stored_checksums() const;
  /// The SHA-256 of a stored file's content as it is now; nullopt when it cannot be read.
  [[nodiscard]] std::optional<std::string> rehash(const std::string& sha256) const;

  struct collected {
    std::size_t objects = 0;  // stored files no row names
    std::size_t staged = 0;   // staging leftovers
  };
  /// Removes stored files that no row names and staging leftovers, both only when older than
  /// `min_age` (an upload in flight keeps its file before its row commits).
  collected collect_orphans(const std::set<std::string>& referenced, std::chrono::seconds min_age) const;

 private:
  std::filesystem::path root_;
};

/// SHA-256 of a byte string, lower-case hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace perkara::persistence
