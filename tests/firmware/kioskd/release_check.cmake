# A release kioskd (KIOSK_SIMULATION=OFF, the release preset's settings) compiles and links
# nothing of the emulators: no drivers/emu source, no simulated composition, no emulator.*
# methods (local_api_emulator), no in-process emulated transport. Checked on the build
# commands of a freshly configured release tree, against this (simulation) tree's own kioskd,
# which must name them, so the check cannot pass by reading the wrong thing.
# Run as: cmake -DSOURCE_DIR=<repo> -DBUILD_DIR=<this build> -DSCRATCH=<dir> -P release_check.cmake
set(emulator_parts drivers/emu/ simulated_devices local_api_emulator usb_transport_emulated
                   kiosk_emu_ kiosk_kioskd_simulation kiosk_transport_emulated)

# What goes into the kioskd executable: its link command and the objects of every static
# library on it (not the whole build graph: building kioskd also runs the udev-rules
# generator, a build tool that may name anything).
function(kioskd_commands build_dir out)
  execute_process(COMMAND ninja -C "${build_dir}" -t commands -s firmware/kioskd/kioskd
                  RESULT_VARIABLE rc OUTPUT_VARIABLE link ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR link STREQUAL "")
    message(FATAL_ERROR "no link command for kioskd in ${build_dir}: ${err}")
  endif()
  set(text "${link}")
  string(REGEX MATCHALL "[^ \n]+\\.a" archives "${link}")
  foreach(archive IN LISTS archives)
    execute_process(COMMAND ninja -C "${build_dir}" -t query "${archive}"
                    OUTPUT_VARIABLE query ERROR_QUIET)
    # Only what the archive is made of; "outputs:" lists what depends on it.
    string(FIND "${query}" "outputs:" end)
    string(SUBSTRING "${query}" 0 ${end} inputs)
    string(APPEND text "\n${inputs}")
  endforeach()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

kioskd_commands("${BUILD_DIR}" simulation_commands)
string(FIND "${simulation_commands}" "local_api_emulator" at)
if(at EQUAL -1)
  message(FATAL_ERROR "this tree's kioskd does not name the simulation: the check reads nothing")
endif()

file(REMOVE_RECURSE "${SCRATCH}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${SCRATCH}" -G Ninja
          -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_TESTS=OFF -DKIOSK_BUILD_BENCH=OFF
          -DKIOSK_SIMULATION=OFF -DKIOSK_WARNINGS_AS_ERRORS=ON
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring a release tree failed: ${err}")
endif()
kioskd_commands("${SCRATCH}" release_commands)
string(FIND "${release_commands}" "kioskd.dir/main.cpp.o" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the release tree does not link kioskd from its main.cpp")
endif()
foreach(part IN LISTS emulator_parts)
  string(FIND "${release_commands}" "${part}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "a release kioskd builds or links ${part}")
  endif()
endforeach()
file(REMOVE_RECURSE "${SCRATCH}")
