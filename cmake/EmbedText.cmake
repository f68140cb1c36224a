# Writes a .cpp defining perkara::api::openapi_parts(): the text of every INPUTS file (a :-separated
# list, in order). Each text is split into chunks below the 64 KiB string-literal length that ISO C++
# guarantees (-pedantic warns past it); the parts are joined back at run time.
string(REPLACE ":" ";" inputs "${INPUTS}")
set(body "")
foreach(input IN LISTS inputs)
  file(READ ${input} content)
  string(LENGTH "${content}" length)
  set(offset 0)
  string(APPEND body "    {\n")
  while(offset LESS length)
    string(SUBSTRING "${content}" ${offset} 30000 chunk)
    string(APPEND body "      R\"perkara_embed(${chunk})perkara_embed\",\n")
    math(EXPR offset "${offset} + 30000")
  endwhile()
  string(APPEND body "    },\n")
endforeach()
file(WRITE ${OUTPUT} "#include <string>\n#include <string_view>\n#include <vector>\nnamespace perkara::api {\nstd::vector<std::string> openapi_parts() {\n  const std::vector<std::vector<std::string_view>> chunks = {\n${body}  };\n  std::vector<std::string> out;\n  for (const auto& file : chunks) {\n    std::string text;\n    for (auto chunk : file) {\n      text += chunk;\n    }\n    out.push_back(std::move(text));\n  }\n  return out;\n}\n}  // namespace perkara::api\n")
