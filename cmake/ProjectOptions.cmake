# Project-wide options, applied through INTERFACE targets so each library opts in explicitly.
option(KIOSK_WARNINGS_AS_ERRORS "Treat compiler warnings as errors (on in CI)" OFF)
set(KIOSK_SANITIZE "" CACHE STRING "Semicolon list of sanitizers, e.g. address;undefined or thread")

add_library(kiosk_options INTERFACE)
target_compile_options(kiosk_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                               -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
                                               -Woverloaded-virtual -Wnull-dereference)
if(KIOSK_WARNINGS_AS_ERRORS)
  target_compile_options(kiosk_options INTERFACE -Werror)
endif()
# Includes are written from the repository root (#include "hal/id_reader.hpp") but resolved
# through per-target include roots (KioskIncludeRoots.cmake), never the repository root.
target_compile_features(kiosk_options INTERFACE cxx_std_20)

if(KIOSK_SANITIZE)
  string(REPLACE ";" "," sanitizers "${KIOSK_SANITIZE}")
  add_compile_options(-fsanitize=${sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${sanitizers})
endif()
