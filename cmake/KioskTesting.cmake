# kiosk_add_test(NAME area.module SOURCES a_test.cpp ... LIBS lib ... [ENVIRONMENT K=V ...]
#                [LABELS slow ...])
# One executable per module, linked against the shared Catch2 main object (compiled once),
# with every TEST_CASE registered in CTest under the prefix "<NAME>.".
include(Catch)

function(kiosk_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;ENVIRONMENT;LABELS" ${ARGN})
  string(REPLACE "." "_" target "test_${T_NAME}")
  add_executable(${target} ${T_SOURCES})
  target_link_libraries(${target} PRIVATE kiosk_catch_main kiosk_options ${T_LIBS})
  target_compile_definitions(${target} PRIVATE
    KIOSK_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set(props "")
  if(T_ENVIRONMENT)
    list(APPEND props ENVIRONMENT "${T_ENVIRONMENT}")
  endif()
  if(T_LABELS)
    list(APPEND props LABELS "${T_LABELS}")
  endif()
  catch_discover_tests(${target} TEST_PREFIX "${T_NAME}." PROPERTIES ${props})
endfunction()
