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
  # No redzones around globals (mostly string literals, about 1.5 million in the e2e test binary): each
  # test process registered and poisoned every one at start and LeakSanitizer scanned their 96 MB of
  # descriptors at exit. Indexing past a global array is still caught, by UBSan's bounds check.
  target_compile_options(perkara_sanitize INTERFACE $<$<CXX_COMPILER_ID:GNU>:--param=asan-globals=0>)
  target_link_options(perkara_sanitize INTERFACE -fsanitize=address,undefined)
  # Test executables are linked as position-dependent: ASan describes every instrumented global with
  # pointers (3.5 million in the e2e test binary), which a PIE must relocate, page by page, at every
  # start. CTest starts one process per test case, and that relocation was half of a short test's time
  # (docs/architecture.md "Build and test speed"). Release builds stay PIE.
  target_link_options(perkara_sanitize INTERFACE $<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:-no-pie>)
endif()

# One helper so every perkara target gets the same flags.
function(perkara_target_defaults target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_link_libraries(${target} PRIVATE perkara_warnings)
  target_link_libraries(${target} PUBLIC perkara_sanitize)
endfunction()
