# Installs the build into a scratch prefix and runs `appstreamcli validate-tree` on it: the metainfo, the
# desktop entry it launches and the icons must be found where software centres look. A ctest test
# (installer/CMakeLists.txt); needs the project built.
#   cmake -DBUILD_DIR=<build> -DWORK_DIR=<scratch> -P ValidateInstallTree.cmake
cmake_minimum_required(VERSION 3.21)

find_program(appstreamcli NAMES appstreamcli)
if(NOT appstreamcli)
    message(FATAL_ERROR "appstreamcli not found: install the Debian package appstream "
                        "(installer/linux/install-deps.sh does)")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK_DIR}/usr"
    OUTPUT_QUIET RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} failed (${result}): build the project first")
endif()
execute_process(COMMAND "${appstreamcli}" validate-tree --no-net --explain "${WORK_DIR}"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
file(REMOVE_RECURSE "${WORK_DIR}")
if(NOT result EQUAL 0)
    message(FATAL_ERROR "appstreamcli validate-tree rejected the installed tree (${result})")
endif()
