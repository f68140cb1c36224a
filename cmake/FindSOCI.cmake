# Debian's libsoci-dev ships neither a CMake config nor a pkg-config file,
# so find the headers and the three libraries we use and expose imported targets.
find_path(SOCI_INCLUDE_DIR soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)
find_library(SOCI_SQLITE3_LIBRARY NAMES soci_sqlite3)
find_library(SOCI_MYSQL_LIBRARY NAMES soci_mysql)
find_path(MARIADB_INCLUDE_DIR mysql.h PATH_SUFFIXES mariadb)
find_library(SQLITE3_LIBRARY NAMES sqlite3)
find_library(MARIADB_LIBRARY NAMES mariadb)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI REQUIRED_VARS SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_SQLITE3_LIBRARY
                                  SOCI_MYSQL_LIBRARY MARIADB_INCLUDE_DIR SQLITE3_LIBRARY MARIADB_LIBRARY)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
  add_library(SOCI::core UNKNOWN IMPORTED)
  set_target_properties(SOCI::core PROPERTIES IMPORTED_LOCATION ${SOCI_CORE_LIBRARY}
                                              INTERFACE_INCLUDE_DIRECTORIES ${SOCI_INCLUDE_DIR}
                                              INTERFACE_LINK_LIBRARIES ${CMAKE_DL_LIBS})
  add_library(SOCI::sqlite3 UNKNOWN IMPORTED)
  set_target_properties(SOCI::sqlite3 PROPERTIES IMPORTED_LOCATION ${SOCI_SQLITE3_LIBRARY}
                                                 INTERFACE_LINK_LIBRARIES "SOCI::core;${SQLITE3_LIBRARY}")
  add_library(SOCI::mysql UNKNOWN IMPORTED)
  # soci-mysql.h includes <mysql.h>, which Debian puts under /usr/include/mariadb.
  set_target_properties(SOCI::mysql PROPERTIES IMPORTED_LOCATION ${SOCI_MYSQL_LIBRARY}
                                               INTERFACE_INCLUDE_DIRECTORIES ${MARIADB_INCLUDE_DIR}
                                               INTERFACE_LINK_LIBRARIES "SOCI::core;${MARIADB_LIBRARY}")
endif()
