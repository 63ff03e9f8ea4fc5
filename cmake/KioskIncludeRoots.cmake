# Per-target include roots: the layering is enforced by what a target can reach.
#
# Includes are written from the repository root ("hal/id_reader.hpp",
# "firmware/engine/engine.hpp"), but the repository root is on no include path. Instead every
# target gets a root of its own, ${PROJECT_BINARY_DIR}/include/<target>, holding a symlink to
# its own folder only (build/include/kiosk_engine/firmware/engine -> firmware/engine). That
# root is PUBLIC on libraries (INTERFACE on interface libraries, PRIVATE on executables), so a
# header is reachable only through a target you link, directly or through a PUBLIC link.
#
# A target exposes its own folder (SOURCE_DIR) unless it names what it exposes:
#   kiosk_expose(<target> <path>...)   # paths relative to the repository root, folders or files
#   kiosk_expose(<target> NONE)        # nothing (a shared main, generated code)
# kiosk_apply_include_roots() runs once at the end of the top-level CMakeLists.txt.

function(kiosk_expose target)
  set_property(TARGET ${target} PROPERTY KIOSK_EXPOSES "${ARGN}")
endfunction()

# Every buildsystem target below `dir`, depth first.
function(kiosk_collect_targets dir out)
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    kiosk_collect_targets("${sub}" more)
    list(APPEND targets ${more})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(kiosk_include_root target)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "UTILITY" OR type STREQUAL "GLOBAL_TARGET")
    return()
  endif()
  get_target_property(imported ${target} IMPORTED)
  if(imported)
    return()
  endif()
  get_target_property(paths ${target} KIOSK_EXPOSES)
  if(NOT paths)
    get_target_property(source_dir ${target} SOURCE_DIR)
    file(RELATIVE_PATH paths "${PROJECT_SOURCE_DIR}" "${source_dir}")
  endif()
  if(paths STREQUAL "NONE" OR paths STREQUAL "")
    return()
  endif()
  set(root "${PROJECT_BINARY_DIR}/include/${target}")
  foreach(path IN LISTS paths)
    if(NOT EXISTS "${PROJECT_SOURCE_DIR}/${path}")
      message(FATAL_ERROR "${target} exposes ${path}, which does not exist")
    endif()
    get_filename_component(parent "${root}/${path}" DIRECTORY)
    file(MAKE_DIRECTORY "${parent}")
    file(CREATE_LINK "${PROJECT_SOURCE_DIR}/${path}" "${root}/${path}" SYMBOLIC)
  endforeach()
  if(type STREQUAL "INTERFACE_LIBRARY")
    target_include_directories(${target} INTERFACE "${root}")
  elseif(type STREQUAL "EXECUTABLE")
    target_include_directories(${target} PRIVATE "${root}")
  else()
    target_include_directories(${target} PUBLIC "${root}")
  endif()
endfunction()

function(kiosk_apply_include_roots)
  # A clean slate: a target that no longer exposes a path must not keep its old link.
  file(REMOVE_RECURSE "${PROJECT_BINARY_DIR}/include")
  kiosk_collect_targets("${PROJECT_SOURCE_DIR}" targets)
  foreach(target IN LISTS targets)
    kiosk_include_root(${target})
  endforeach()
endfunction()
