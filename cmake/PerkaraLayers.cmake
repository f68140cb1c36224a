# Layer visibility (docs/architecture.md "Layers"). Sources include root-relative paths ("domain/x.hpp"),
# so the project root is never an include directory. Instead each layer gets an include root of its own in
# the build tree, holding one symlink to its source directory:
#   <build>/include-roots/domain/domain -> <source>/domain
# A layer library adds its root as a PUBLIC include directory, so a target sees exactly the layers it links:
# domain sees domain; persistence sees domain + persistence; api sees domain + api; server sees all. A wrong
# include ("persistence/..." from domain or api) is then "No such file or directory" at compile time.

# perkara_include_root(<target> <PUBLIC|PRIVATE> <dir>): <dir> (a top-level source directory such as
# "domain" or "bench") becomes includable as "<dir>/..." from <target> (and its dependants when PUBLIC).
function(perkara_include_root target scope dir)
  set(root ${PROJECT_BINARY_DIR}/include-roots/${dir})
  if(NOT EXISTS ${root}/${dir})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${dir} ${root}/${dir} SYMBOLIC)
  endif()
  target_include_directories(${target} ${scope} ${root})
endfunction()
