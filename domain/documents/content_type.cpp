#include "domain/documents/content_type.hpp"

#include <cstdint>

namespace perkara::domain::documents {
namespace {

constexpr std::string_view pdf = "application/pdf";
constexpr std::string_view jpeg = "image/jpeg";
constexpr std::string_view png = "image/png";
constexpr std::string_view odt = "application/vnd.oasis.opendocument.text";
constexpr std::string_view docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

std::uint16_t le16(std::string_view s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8));
}

// ODF packages store `mimetype` first and uncompressed (ODF 1.2 part 3, section 3.3), so the local
// header's name is "mimetype", its compression method 0, and its data the media type.
bool is_odt(std::string_view head) {
  constexpr std::size_t header = 30;
  if (head.size() < header) {
    return false;
  }
  const auto method = le16(head, 8);
  const std::size_t name_len = le16(head, 26);
  const std::size_t extra_len = le16(head, 28);
  if (method != 0 || head.size() < header + name_len + extra_len) {
    return false;
  }
  if (head.substr(header, name_len) != "mimetype") {
    return false;
  }
  const auto data = head.substr(header + name_len + extra_len);
  return data.starts_with(odt) && (data.size() == odt.size() || !data.substr(odt.size()).starts_with("-"));
}

// An OOXML word-processing package names `[Content_Types].xml` and `word/document.xml` in its
// central directory (at the end of the ZIP) and in their local headers.
bool names_entry(std::string_view head, std::string_view tail, std::string_view name) {
  return head.find(name) != std::string_view::npos || tail.find(name) != std::string_view::npos;
}

}  // namespace

std::optional<std::string_view> sniff_content_type(std::string_view head, std::string_view tail) {
  if (head.starts_with("%PDF-")) {
    return pdf;
  }
  if (head.starts_with("\x89PNG\r\n\x1a\n")) {
    return png;
  }
  if (head.starts_with("\xff\xd8\xff")) {
    return jpeg;
  }
  if (head.starts_with(std::string_view{"PK\x03\x04", 4})) {
    if (is_odt(head)) {
      return odt;
    }
    if (names_entry(head, tail, "[Content_Types].xml") && names_entry(head, tail, "word/document.xml")) {
      return docx;
    }
  }
  return std::nullopt;
}

}  // namespace perkara::domain::documents
