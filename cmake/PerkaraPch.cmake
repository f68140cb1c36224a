# Precompiled headers. The heavy third-party headers a layer includes almost everywhere (Boost.JSON,
# SOCI, fmt, CLI11, doctest) are parsed once per target instead of once per file: about a third of a
# test build's compile time, and the build is the longest step of scripts/test.
# PERKARA_PCH=OFF builds without them (ccache caches precompiled-header builds only with
# `sloppiness = pch_defines,time_macros` in its configuration; docs/architecture.md).
option(PERKARA_PCH "Precompile each target's heavy third-party headers" ON)

# perkara_precompile_headers(<target> <header>...): <header> as written in an #include, e.g. <fmt/format.h>.
function(perkara_precompile_headers target)
  if(PERKARA_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
