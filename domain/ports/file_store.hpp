#pragma once
// The content-addressed file store of case documents (docs/documents.md "Storage"): a file's SHA-256
// is its name, so a duplicate costs nothing and an integrity check is a re-hash. An upload is first
// staged (written to a temporary file while its hash is computed), then kept: fsync, rename to its
// address, fsync of the directory. Only after keep() returns may a row name the file.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::ports {

/// An upload written to a temporary file of the store, with its hash and size.
struct staged_file {
  std::string path;
  std::string sha256;  // lower-case hex
  std::uint64_t size = 0;
};

struct file_sample {
  std::string head;  // the first bytes
  std::string tail;  // the last bytes
};

class file_store {
 public:
  virtual ~file_store() = default;
  /// Stages bytes that arrived whole (a body the transport did not stream).
  virtual staged_file stage(std::string_view bytes) = 0;
  /// Up to `window` bytes of the start and the end of a staged file.
  virtual file_sample sample(const staged_file& staged, std::size_t window) = 0;
  /// Durably moves the staged file to its address (a file already there is kept as it is).
  virtual void keep(const staged_file& staged) = 0;
  /// Removes a staged file that was not kept (no error when it is gone).
  virtual void discard(const std::string& staged_path) = 0;
  /// The whole content of a stored file; nullopt when missing.
  virtual std::optional<std::string> read(const std::string& sha256) = 0;
  /// Where a stored file lies (for a transport that sends it from disk); nullopt when missing.
  virtual std::optional<std::string> path_of(const std::string& sha256) = 0;
};

}  // namespace perkara::ports
