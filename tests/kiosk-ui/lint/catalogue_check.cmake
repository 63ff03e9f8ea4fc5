# cmake -P catalogue_check.cmake: fails when kiosk-ui's Chinese catalogue is not complete, i.e.
# when lupdate over today's sources (the module's lupdate project, as `kiosk_ui_lupdate` runs
# it) finds a string without a finished translation, or a string no longer used.
#   -DLUPDATE=<lupdate> -DPROJECT_IN=<.lupdate/kiosk_ui_project.cmake>
#   -DGENERATOR=<Qt6LinguistTools/GenerateLUpdateProject.cmake> -DTS=<.ts> -DWORK_DIR=<dir>
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(ts_name "${TS}" NAME)
set(copy "${WORK_DIR}/${ts_name}")
file(COPY_FILE "${TS}" "${copy}")
# The project file's relative paths are the module's build directory's.
get_filename_component(project_dir "${PROJECT_IN}" DIRECTORY)
get_filename_component(build_dir "${project_dir}" DIRECTORY)
execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN}
                        -DOUT_FILE=${WORK_DIR}/project.json -P "${GENERATOR}"
                WORKING_DIRECTORY "${build_dir}" RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
  message(FATAL_ERROR "cannot generate the lupdate project")
endif()
execute_process(COMMAND "${LUPDATE}" -project "${WORK_DIR}/project.json" -ts "${copy}"
                        -no-obsolete -locations none
                WORKING_DIRECTORY "${build_dir}" RESULT_VARIABLE updated
                OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT updated EQUAL 0)
  message(FATAL_ERROR "lupdate failed:\n${out}${err}")
endif()
message("${out}")
file(READ "${copy}" catalogue)
string(REGEX MATCHALL "<source>[^<]*</source>[^<]*<translation type=\"unfinished\"" missing
       "${catalogue}")
list(LENGTH missing missing_count)
if(out MATCHES "Removed ([1-9][0-9]*) obsolete")
  message(FATAL_ERROR "${CMAKE_MATCH_1} string(s) of ${ts_name} are no longer used: run the "
                      "kiosk_ui_lupdate target")
endif()
if(missing_count GREATER 0)
  string(REPLACE ";" "\n" missing "${missing}")
  message(FATAL_ERROR "${missing_count} string(s) without a finished Chinese translation "
                      "(run kiosk_ui_lupdate, then translate them in ${ts_name}):\n${missing}")
endif()
message("${ts_name}: every string has a finished translation")
