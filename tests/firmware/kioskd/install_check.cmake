# What `cmake --install` puts on a kiosk: the daemon, its unit and user, and the udev rules made
# from the drivers' id tables (with the ID reader's and Evolis's ids in them).
# Run as: cmake -DBUILD_DIR=<build> -DPREFIX=<scratch dir> -P install_check.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
foreach(f bin/kioskd lib/systemd/system/kioskd.service lib/sysusers.d/kioskd.conf
          lib/udev/rules.d/60-kiosk24.rules)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(READ "${PREFIX}/lib/udev/rules.d/60-kiosk24.rules" rules)
foreach(needle [[ATTR{idVendor}=="0400", ATTR{idProduct}=="c35a"]] [[ATTR{idVendor}=="0f49"]]
               [[GROUP="kioskd"]] [[ENV{ID_MM_DEVICE_IGNORE}="1"]])
  string(FIND "${rules}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the installed udev rules lack ${needle}")
  endif()
endforeach()
file(READ "${PREFIX}/lib/systemd/system/kioskd.service" unit)
string(FIND "${unit}" "Group=kioskd" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the unit does not run kioskd with the group the udev rules name")
endif()
file(REMOVE_RECURSE "${PREFIX}")
