# Runs a packaging validator on one file; a ctest test (installer/CMakeLists.txt).
#   cmake -DTOOL=<program> -DDEBIAN_PACKAGE=<package> "-DARGS=<arg;...>" -DFILE=<file> -P RunValidator.cmake
# The tool is looked up when the test runs, and a missing tool fails the test: installer/linux/install-deps.sh
# installs it, so its absence is a broken set-up, not a reason to skip.
cmake_minimum_required(VERSION 3.21)

find_program(tool_path NAMES ${TOOL})
if(NOT tool_path)
    message(FATAL_ERROR "${TOOL} not found: install the Debian package ${DEBIAN_PACKAGE} "
                        "(installer/linux/install-deps.sh does)")
endif()
if(NOT EXISTS "${FILE}")
    message(FATAL_ERROR "nothing to validate: ${FILE} does not exist")
endif()

execute_process(COMMAND ${tool_path} ${ARGS} ${FILE}
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)
list(JOIN ARGS " " args_text)
message("${TOOL} ${args_text} ${FILE}:\n${output}")
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${TOOL} rejected ${FILE} (exit status ${result})")
endif()
# Warnings count as failures too: desktop-file-validate exits 0 on them.
if(output MATCHES "(^|\n)[^\n]*(error|warning): ")
    message(FATAL_ERROR "${TOOL} reported problems in ${FILE}")
endif()
