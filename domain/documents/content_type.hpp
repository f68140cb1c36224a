#pragma once
// The type of an uploaded file from its content, never from its name or the client's Content-Type
// (docs/documents.md "Types"): PDF, JPEG, PNG, and the ZIP-based ODT (its `mimetype` entry) and DOCX
// (its `[Content_Types].xml` and `word/document.xml` entries).

#include <cstddef>
#include <optional>
#include <string_view>

namespace perkara::domain::documents {

/// How many bytes of the start and of the end of a file sniff_content_type looks at (a ZIP's central
/// directory, where DOCX entry names are, sits at the end).
inline constexpr std::size_t sniff_window = std::size_t{64} * 1024;

/// The media type of an allowed file, or nullopt for anything else. `head` is the file's first
/// sniff_window bytes (or all of it), `tail` its last sniff_window bytes (or all of it).
std::optional<std::string_view> sniff_content_type(std::string_view head, std::string_view tail);

}  // namespace perkara::domain::documents
