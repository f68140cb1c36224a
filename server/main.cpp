// perkara: the case-management server and its administration commands.
#include "server/cli.hpp"

#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return perkara::server::run_cli(args);
}
