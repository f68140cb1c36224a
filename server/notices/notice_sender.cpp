#include "server/notices/notice_sender.hpp"

#include "domain/notices/notice.hpp"

namespace perkara::server::notices {

std::string with_base_url(std::string text, const std::string& base_url) {
  const auto placeholder = domain::notices::base_url_placeholder;
  for (auto pos = text.find(placeholder); pos != std::string::npos; pos = text.find(placeholder, pos + base_url.size())) {
    text.replace(pos, placeholder.size(), base_url);
  }
  return text;
}

}  // namespace perkara::server::notices
