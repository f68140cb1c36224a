#include "domain/documents/checklist.hpp"

#include <algorithm>

namespace perkara::domain::documents {

void add_present_documents(disputes::completeness& c, std::span<const std::string> kinds) {
  std::vector<disputes::attachment> present;
  for (const auto a : disputes::all_attachments) {
    const bool ticked = std::find(c.present.begin(), c.present.end(), a) != c.present.end();
    const bool attached = std::any_of(kinds.begin(), kinds.end(),
                                      [&](const std::string& k) { return disputes::parse_attachment(k) == a; });
    if (ticked || attached) {
      present.push_back(a);
    }
  }
  c.present = std::move(present);
}

}  // namespace perkara::domain::documents
