# Install the built sfcore into a fresh prefix, then configure, build and run
# the consumer project against it with find_package(sfcore CONFIG), and check
# the pkg-config file of the C library.
set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${SFCORE_BUILD_DIR}" --prefix "${prefix}")
run(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE_DIR}" -B "${build}" "-DCMAKE_PREFIX_PATH=${prefix}")
run(${CMAKE_COMMAND} --build "${build}")
run("${build}/consumer_cpp")
message(STATUS "${last_output}")
run("${build}/consumer_core")
message(STATUS "sfcore::core alone: ${last_output}")
run(${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${prefix}/lib" "${build}/consumer_c")
message(STATUS "${last_output}")

# pkg-config, from the installed .pc file (relocatable: found through its own place).
file(GLOB_RECURSE pcfiles "${prefix}/*/sfcore_c.pc")
list(GET pcfiles 0 pcfile)
get_filename_component(pcdir "${pcfile}" DIRECTORY)
run(${CMAKE_COMMAND} -E env "PKG_CONFIG_PATH=${pcdir}" pkg-config --cflags --libs sfcore_c)
string(STRIP "${last_output}" flags)
separate_arguments(flag_list UNIX_COMMAND "${flags}")
run(cc -std=c99 -pedantic -Werror "${CONSUMER_SOURCE_DIR}/consumer.c" ${flag_list} -o "${WORK_DIR}/consumer_pc")
run(${CMAKE_COMMAND} -E env "LD_LIBRARY_PATH=${prefix}/lib" "${WORK_DIR}/consumer_pc")
message(STATUS "pkg-config: ${last_output}")
