# Checks the workspace MIME type as a desktop sees it after the .deb is installed; a ctest test
# (installer/CMakeLists.txt). In a scratch XDG tree (the system's MIME database below it, nothing of the user's):
#   1. update-mime-database accepts the shared-mime-info package without an error or a warning;
#   2. GIO (what GNOME's file manager asks) gives the type to an SQLite file with ConfigDeck's application_id,
#      named *.EXTENSION and renamed without it (the magic), and not to another SQLite database;
#   3. with the desktop entry installed and update-desktop-database run, xdg-mime names it as the handler.
#   cmake -DMIME_FILE=<xml> -DDESKTOP_FILE=<desktop> -DMIME_TYPE=<type> -DEXTENSION=<ext>
#         -DAPPLICATION_ID=<0x...> -DWORK_DIR=<scratch> -P CheckMimeType.cmake
cmake_minimum_required(VERSION 3.21)

foreach(tool_and_package IN ITEMS "update-mime-database|shared-mime-info" "gio|libglib2.0-bin"
                                  "sqlite3|sqlite3" "xdg-mime|xdg-utils"
                                  "update-desktop-database|desktop-file-utils")
    string(REPLACE "|" ";" tool_and_package "${tool_and_package}")
    list(GET tool_and_package 0 tool)
    list(GET tool_and_package 1 package)
    string(MAKE_C_IDENTIFIER "${tool}" variable)
    find_program(${variable} NAMES ${tool})
    if(NOT ${variable})
        message(FATAL_ERROR "${tool} not found: install the Debian package ${package} "
                            "(installer/linux/install-deps.sh does)")
    endif()
endforeach()
foreach(file IN ITEMS "${MIME_FILE}" "${DESKTOP_FILE}")
    if(NOT EXISTS "${file}")
        message(FATAL_ERROR "nothing to check: ${file} does not exist")
    endif()
endforeach()

# Runs a command in the scratch environment, fails the test on a non-zero exit, and returns its output.
function(run output_variable)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    list(JOIN ARGN " " command_text)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${command_text} failed (${result}):\n${output}")
    endif()
    set(${output_variable} "${output}" PARENT_SCOPE)
endfunction()

# ---- a scratch XDG tree: the package's files in XDG_DATA_HOME, the system's MIME database below it --------
file(REMOVE_RECURSE "${WORK_DIR}")
set(data_home "${WORK_DIR}/data")
set(system_data "${WORK_DIR}/system")
file(MAKE_DIRECTORY "${data_home}/mime/packages" "${data_home}/applications" "${system_data}"
                    "${WORK_DIR}/config" "${WORK_DIR}/home")
# Only the MIME database of the system: a ConfigDeck installed on this machine must not answer for the build.
file(CREATE_LINK /usr/share/mime "${system_data}/mime" SYMBOLIC)
file(COPY "${MIME_FILE}" DESTINATION "${data_home}/mime/packages")
file(COPY "${DESKTOP_FILE}" DESTINATION "${data_home}/applications")
set(ENV{HOME} "${WORK_DIR}/home")
set(ENV{XDG_DATA_HOME} "${data_home}")
set(ENV{XDG_DATA_DIRS} "${system_data}")
set(ENV{XDG_CONFIG_HOME} "${WORK_DIR}/config")
set(ENV{XDG_CONFIG_DIRS} "${WORK_DIR}/config")
set(ENV{GIO_USE_VFS} local) # no GVfs daemon, no D-Bus
unset(ENV{XDG_CURRENT_DESKTOP}) # xdg-mime's generic lookup: mimeapps.list and mimeinfo.cache
unset(ENV{DBUS_SESSION_BUS_ADDRESS})

# ---- 1. the shared-mime-info package -----------------------------------------------------------------------
# update-mime-database exits 0 even when it rejects a type: its messages are the verdict.
run(output "${update_mime_database}" "${data_home}/mime")
message("update-mime-database ${data_home}/mime:\n${output}")
if(NOT output STREQUAL "")
    message(FATAL_ERROR "update-mime-database reported problems in ${MIME_FILE}")
endif()
get_filename_component(mime_file_name "${MIME_FILE}" NAME)
string(REPLACE "/" ";" type_parts "${MIME_TYPE}")
list(GET type_parts 0 media)
list(GET type_parts 1 subtype)
if(NOT EXISTS "${data_home}/mime/${media}/${subtype}.xml")
    message(FATAL_ERROR "${mime_file_name} does not define ${MIME_TYPE}")
endif()

# ---- 2. what a file manager calls a workspace -------------------------------------------------------------
math(EXPR application_id_decimal "${APPLICATION_ID}" OUTPUT_FORMAT DECIMAL)
set(workspace "${WORK_DIR}/fleet.${EXTENSION}")
set(renamed_workspace "${WORK_DIR}/fleet-backup")
set(other_database "${WORK_DIR}/other-database")
run(ignored "${sqlite3}" "${workspace}"
    "PRAGMA application_id = ${application_id_decimal}; CREATE TABLE device(name TEXT);")
file(COPY_FILE "${workspace}" "${renamed_workspace}")
run(ignored "${sqlite3}" "${other_database}" "PRAGMA application_id = 42; CREATE TABLE device(name TEXT);")

function(expect_content_type file expected)
    run(output "${gio}" info --attributes=standard::content-type "${file}")
    string(REGEX MATCH "standard::content-type: ([^\n]*)" ignored "${output}")
    set(actual "${CMAKE_MATCH_1}")
    get_filename_component(name "${file}" NAME)
    message("${name}: ${actual}")
    if(NOT actual STREQUAL expected)
        message(FATAL_ERROR "gio gives ${name} the type '${actual}', expected ${expected}")
    endif()
endfunction()
expect_content_type("${workspace}" "${MIME_TYPE}")
expect_content_type("${renamed_workspace}" "${MIME_TYPE}")
expect_content_type("${other_database}" "application/vnd.sqlite3")

# ---- 3. the desktop entry opens it -------------------------------------------------------------------------
run(ignored "${update_desktop_database}" "${data_home}/applications")
run(output "${xdg_mime}" query default "${MIME_TYPE}")
string(STRIP "${output}" handler)
get_filename_component(desktop_file_name "${DESKTOP_FILE}" NAME)
message("xdg-mime query default ${MIME_TYPE}: ${handler}")
if(NOT handler STREQUAL desktop_file_name)
    message(FATAL_ERROR "xdg-mime names '${handler}' as the handler of ${MIME_TYPE}, expected ${desktop_file_name}")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
