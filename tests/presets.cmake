# The build kinds: every preset the Makefile configures is one of
# CMakePresets.json's (cmake --list-presets reads and checks the file), and no
# Makefile target configures a build by hand beside them.
file(READ "${SOURCE_DIR}/Makefile" makefile)
string(REGEX MATCHALL "\\$\\(call preset,[a-z]+," uses "${makefile}")
if(NOT uses)
  message(FATAL_ERROR "the Makefile configures no preset")
endif()
if(makefile MATCHES "cmake -S")
  message(FATAL_ERROR "the Makefile configures a build with cmake -S: use a preset of CMakePresets.json")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --list-presets WORKING_DIRECTORY "${SOURCE_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE listed ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "CMakePresets.json does not read: ${err}")
endif()
foreach(use IN LISTS uses)
  string(REGEX REPLACE "^\\$\\(call preset,([a-z]+),$" "\\1" name "${use}")
  if(NOT listed MATCHES "\"${name}\"")
    message(FATAL_ERROR "the Makefile configures preset \"${name}\", which CMakePresets.json does not have:\n${listed}")
  endif()
  message(STATUS "preset ${name}: in CMakePresets.json")
endforeach()
