#include "api/disputes/numbering.hpp"

#include "domain/numbering/register_number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace perkara::api {

ports::dispute_numbering numbering_for(ports::transaction& tx, const std::string& ki) {
  if (auto stored = tx.disputes().numbering(ki)) {
    return *stored;
  }
  ports::dispute_numbering n;
  n.ki = ki;
  n.ki_code = ki;
  std::transform(n.ki_code.begin(), n.ki_code.end(), n.ki_code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (ki == "ki-pusat") {
    n.ki_code = "KIP";
  }
  n.register_template = std::string(domain::numbering::default_dispute_register_template);
  n.decision_template = std::string(domain::numbering::default_decision_template);
  return n;
}

std::string register_scope(const std::string& ki, int year) { return fmt::format("dispute:{}:{}", ki, year); }

}  // namespace perkara::api
