#pragma once
// The requests table row of a stored request, column by column, exactly as the repository writes it
// (request_repository.cpp). For bulk loaders such as the benchmark data generator (bench/generator),
// which build multi-row INSERT statements instead of going through the repository one row at a time.

#include "domain/ports/request_repository.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace perkara::persistence {

struct request_column {
  std::string_view name;            // column name (static storage)
  bool integer = false;             // integer column: `number` holds the value; else `text`
  std::optional<std::string> text;  // nullopt: NULL
  std::optional<long long> number;  // nullopt: NULL
};

/// Every column of the requests table for `request`, in table order.
std::vector<request_column> request_row(const ports::stored_request& request);

}  // namespace perkara::persistence
