#include "e2e/support/process.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <thread>

namespace perkara::e2e {
namespace {

std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> out;
  out.reserve(args.size() + 1);
  for (auto& a : args) {
    out.push_back(a.data());
  }
  out.push_back(nullptr);
  return out;
}

int decode_status(int status) {
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
}

int wait_for(pid_t pid, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      return decode_status(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  throw std::runtime_error("perkara did not exit in time");
}

}  // namespace

process_result run_perkara(const std::vector<std::string>& args, const std::string& input, std::chrono::seconds limit) {
  return run_program(PERKARA_BINARY, args, input, limit);
}

process_result run_program(const std::string& path, const std::vector<std::string>& args, const std::string& input,
                           std::chrono::seconds limit) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  std::vector<std::string> full{path};
  full.insert(full.end(), args.begin(), args.end());
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      ::close(fd);
    }
    auto argv = argv_of(full);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (!input.empty()) {
    [[maybe_unused]] auto n = ::write(in_pipe[1], input.data(), input.size());
  }
  ::close(in_pipe[1]);

  process_result result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (open_fds > 0 && std::chrono::steady_clock::now() < deadline) {
    if (::poll(fds, 2, 200) <= 0) {
      continue;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP))) {
        char buf[4096];
        const auto n = ::read(fds[i].fd, buf, sizeof buf);
        if (n <= 0) {
          ::close(fds[i].fd);
          fds[i].fd = -1;
          --open_fds;
        } else {
          (i == 0 ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
        }
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) {
      ::close(f.fd);
    }
  }
  result.exit_code = wait_for(pid, limit);
  return result;
}

background_server::background_server(const std::vector<std::string>& args) {
  int err_pipe[2];
  if (::pipe(err_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  std::vector<std::string> full{PERKARA_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(err_pipe[1], 2);
    ::close(err_pipe[0]);
    ::close(err_pipe[1]);
    auto argv = argv_of(full);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(err_pipe[1]);
  stderr_fd_ = err_pipe[0];
  // Read stderr until the "listening on http://HOST:PORT" line appears.
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + testing::patience;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd fd{stderr_fd_, POLLIN, 0};
    if (::poll(&fd, 1, 200) <= 0) {
      continue;
    }
    char buf[1024];
    const auto n = ::read(stderr_fd_, buf, sizeof buf);
    if (n <= 0) {
      break;
    }
    seen.append(buf, static_cast<std::size_t>(n));
    const auto at = seen.find("listening on http://");
    const auto eol = at == std::string::npos ? std::string::npos : seen.find('\n', at);
    if (eol != std::string::npos) {
      const auto line = seen.substr(at, eol - at);
      port_ = static_cast<unsigned short>(std::stoi(line.substr(line.rfind(':') + 1)));
      after_listening_ = seen.substr(eol + 1);
      return;
    }
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
  throw std::runtime_error("perkara serve did not start: " + seen);
}

background_server::~background_server() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (stderr_fd_ >= 0) {
    ::close(stderr_fd_);
  }
}

int background_server::signal_and_wait(int signal, std::chrono::seconds limit) {
  ::kill(pid_, signal);
  const int code = wait_for(pid_, limit);
  pid_ = -1;
  return code;
}

std::string background_server::stderr_after_start() {
  std::string out = std::move(after_listening_);
  char buf[4096];
  for (;;) {
    const auto n = ::read(stderr_fd_, buf, sizeof buf);
    if (n <= 0) {
      break;  // end of file: the server has exited and closed it
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace perkara::e2e
