#include "domain/documents/limits.hpp"

namespace perkara::domain::documents {

size_verdict check_size(std::uint64_t size, std::uint64_t case_bytes, const size_limits& limits) {
  if (size > limits.per_file) {
    return size_verdict::file_too_large;
  }
  if (case_bytes > limits.per_case || size > limits.per_case - case_bytes) {
    return size_verdict::case_too_large;
  }
  return size_verdict::ok;
}

}  // namespace perkara::domain::documents
