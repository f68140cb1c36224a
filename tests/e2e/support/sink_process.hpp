#pragma once
// A test's helper process (the SMTP and webhook sinks in tests/e2e/support/*.py): started with a free
// port and a fresh directory, waited for until it prints "ready", killed (by its pid) on destruction.

#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace perkara::e2e {

/// A TCP port on 127.0.0.1 that nothing listens on right now.
unsigned short free_port();

class sink_process {
 public:
  /// Runs /usr/bin/python3 tests/e2e/support/<script> with `args`; returns once it printed "ready".
  sink_process(const std::string& script, const std::vector<std::string>& args);
  ~sink_process();
  sink_process(const sink_process&) = delete;
  sink_process& operator=(const sink_process&) = delete;

  void kill_now();

 private:
  pid_t pid_ = -1;
};

/// A fresh empty directory under the temporary directory, removed on destruction.
class scratch_dir {
 public:
  scratch_dir();
  ~scratch_dir();
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  /// The complete files in it (not the ones being written), by name.
  [[nodiscard]] std::vector<std::string> files(const std::string& extension) const;

 private:
  std::filesystem::path path_;
};

/// The whole content of a file.
std::string read_text(const std::filesystem::path& path);

}  // namespace perkara::e2e
