# Writes a .cpp defining perkara::api::openapi_document() that returns the text of INPUT. The text is
# split into chunks below the 64 KiB string-literal length ISO C++ guarantees (-pedantic warns past it).
file(READ ${INPUT} content)
string(LENGTH "${content}" length)
set(chunks "")
set(offset 0)
while(offset LESS length)
  string(SUBSTRING "${content}" ${offset} 30000 chunk)
  string(APPEND chunks "    R\"perkara_embed(${chunk})perkara_embed\",\n")
  math(EXPR offset "${offset} + 30000")
endwhile()
file(WRITE ${OUTPUT} "#include <string>\n#include <string_view>\nnamespace perkara::api {\nstd::string_view openapi_document() {\n  static const std::string text = [] {\n    static constexpr std::string_view parts[] = {\n${chunks}    };\n    std::string out;\n    for (auto part : parts) {\n      out += part;\n    }\n    return out;\n  }();\n  return text;\n}\n}  // namespace perkara::api\n")
