#pragma once
// Upload size limits (docs/documents.md "Limits"): per file and per case, both configurable
// (`--max-document-bytes`, `--max-case-document-bytes`).

#include <cstdint>

namespace perkara::domain::documents {

struct size_limits {
  std::uint64_t per_file = 25ULL * 1024 * 1024;
  std::uint64_t per_case = 200ULL * 1024 * 1024;
};

enum class size_verdict { ok, file_too_large, case_too_large };

/// Whether a file of `size` may join a case that already holds `case_bytes` (retracted documents
/// included: they are kept).
size_verdict check_size(std::uint64_t size, std::uint64_t case_bytes, const size_limits& limits);

}  // namespace perkara::domain::documents
