# The C ABI's stability check: compare libsfcore_c with the baseline kept in
# capi/abi/ (libabigail's abidiff). An incompatible change fails, unless the
# SONAME's major version changed — and then the baseline must be refreshed
# with it (make abi-baseline). Added functions are compatible and pass.
#   cmake -DLIB=... -DBASELINE=... -DHEADERS="dir;dir" -P check_abi.cmake
find_program(ABIDIFF abidiff REQUIRED)
execute_process(COMMAND objdump -p "${LIB}" OUTPUT_VARIABLE dyn RESULT_VARIABLE rc)
string(REGEX MATCH "SONAME +([^\n ]+)" _ "${dyn}")
set(soname "${CMAKE_MATCH_1}")
file(STRINGS "${BASELINE}" corpus REGEX "<abi-corpus " LIMIT_COUNT 1)
string(REGEX MATCH "soname='([^']+)'" _ "${corpus}")
set(base_soname "${CMAKE_MATCH_1}")
if(NOT soname STREQUAL base_soname)
  message(FATAL_ERROR "libsfcore_c's SONAME is ${soname}, the baseline's ${base_soname}: "
                      "refresh the baseline for the new major version (make abi-baseline)")
endif()
set(hd)
foreach(h IN LISTS HEADERS)
  list(APPEND hd --hd2 "${h}")
endforeach()
execute_process(COMMAND ${ABIDIFF} --exported-interfaces-only --drop-private-types ${hd} "${BASELINE}" "${LIB}"
                OUTPUT_VARIABLE report ERROR_VARIABLE err RESULT_VARIABLE rc)
# abidiff's status is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible change.
math(EXPR tool_error "${rc} & 3")
math(EXPR incompatible "${rc} & 8")
if(tool_error)
  message(FATAL_ERROR "abidiff failed (${rc}): ${err}")
endif()
# A changed or removed function or variable (a struct's layout, a parameter)
# breaks callers even when abidiff calls it a change, not an incompatibility.
set(broken 0)
foreach(kind Functions Variables)
  if(report MATCHES "${kind} changes summary: ([0-9]+) Removed(, [0-9]+ Removed \\([^)]*\\))?, ([0-9]+) Changed")
    if(NOT CMAKE_MATCH_1 EQUAL 0 OR NOT CMAKE_MATCH_3 EQUAL 0)
      set(broken 1)
    endif()
  endif()
endforeach()
if(incompatible OR broken)
  message(FATAL_ERROR "an incompatible change to the C ABI of ${soname}:\n${report}\n"
                      "Keep the ABI, or change the SONAME's major version and refresh the baseline.")
endif()
math(EXPR changed "${rc} & 4")
if(changed)
  message(STATUS "compatible additions to the C ABI (refresh the baseline when they are released):\n${report}")
else()
  message(STATUS "the C ABI of ${soname} matches its baseline")
endif()
