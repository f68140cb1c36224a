# Writes a .cpp defining perkara::api::openapi_document() that returns the text of INPUT.
file(READ ${INPUT} content)
file(WRITE ${OUTPUT} "#include <string_view>\nnamespace perkara::api {\nstd::string_view openapi_document() {\n  static constexpr std::string_view text = R\"perkara_embed(${content})perkara_embed\";\n  return text;\n}\n}  // namespace perkara::api\n")
