# Warnings applied PRIVATE per target (fmt's approach); -Wnull-dereference is left out on GCC 12
# because of a false positive in fmt (GCC bug 108860).
add_library(perkara_warnings INTERFACE)
target_compile_options(perkara_warnings INTERFACE
  -Wall -Wextra -pedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast -Wundef -Wcast-qual
  -Wformat=2 -Woverloaded-virtual $<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond> -Wnon-virtual-dtor
  $<$<BOOL:${PERKARA_WERROR}>:-Werror>)

add_library(perkara_sanitize INTERFACE)
if(PERKARA_SANITIZE)
  target_compile_options(perkara_sanitize INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all
                                                    -fno-omit-frame-pointer)
  target_link_options(perkara_sanitize INTERFACE -fsanitize=address,undefined)
endif()

# One helper so every perkara target gets the same flags.
function(perkara_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_link_libraries(${target} PRIVATE perkara_warnings)
  target_link_libraries(${target} PUBLIC perkara_sanitize)
endfunction()
