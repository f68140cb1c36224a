#pragma once
// Start-up failures of the persistence layer. Each carries a one-line message fit for the CLI, which
// turns any persistence::error into exit code 2. Runtime failures inside a transaction use the port
// errors instead (ports::conflict_error, ports::unavailable_error).

#include <stdexcept>

namespace perkara::persistence {

class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A malformed database URL or other bad configuration.
class config_error : public error {
 public:
  using error::error;
};

/// The database cannot be opened: unreachable, not migrated, or migrated by a newer binary.
class open_error : public error {
 public:
  using error::error;
};

/// A reference data file (data/*.csv) has a bad row; the message names the file and line.
class reference_data_error : public error {
 public:
  using error::error;
};

}  // namespace perkara::persistence
