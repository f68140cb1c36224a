#pragma once
// Runs the perkara binary as a child process for command-line tests: arguments, standard input, and
// the captured output and exit code; or started in the background and signalled.

#include "support/eventually.hpp"

#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

namespace perkara::e2e {

struct process_result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs PERKARA_BINARY with `args` and `input` on stdin; waits at most `limit`.
process_result run_perkara(const std::vector<std::string>& args, const std::string& input = {},
                           std::chrono::seconds limit = testing::patience);

/// Runs the executable at `path` the same way (e.g. the benchmark data generator).
process_result run_program(const std::string& path, const std::vector<std::string>& args,
                           const std::string& input = {}, std::chrono::seconds limit = testing::patience);

/// A `perkara serve` in the background. The constructor waits until it prints its listening line
/// (at most testing::patience).
class background_server {
 public:
  explicit background_server(const std::vector<std::string>& args);
  ~background_server();
  background_server(const background_server&) = delete;
  background_server& operator=(const background_server&) = delete;

  [[nodiscard]] unsigned short port() const { return port_; }
  /// Sends `signal` and waits for the exit; returns the exit code (128 + signal if killed by it).
  int signal_and_wait(int signal, std::chrono::seconds limit = testing::patience);
  /// After signal_and_wait: what the server wrote to stderr after its listening line, up to its exit
  /// (keep it under a pipe's 64 KiB: nothing reads it while the server runs).
  std::string stderr_after_start();

 private:
  pid_t pid_ = -1;
  int stderr_fd_ = -1;
  std::string after_listening_;  // read together with the listening line
  unsigned short port_ = 0;
};

}  // namespace perkara::e2e
