# Writes a gzipped manual page for one of the built executables with help2man, from its own --help, so the
# page never disagrees with the program. Run at build time by installer/CMakeLists.txt:
#   cmake -DHELP2MAN=... -DGZIP=... -DPROGRAM=<built executable> -DNAME=<installed name> -DVERSION=...
#         -DSUMMARY=<one line> -DINCLUDE=<static .h2m> [-DSUBCOMMANDS=ON] -DOUTPUT=<page.1.gz> -P MakeManPage.cmake
# SUBCOMMANDS: the program lists commands under "Commands:" in its --help; each command's own --help is added
# as a subsection of COMMAND OPTIONS.
cmake_minimum_required(VERSION 3.21)

# Untranslated, whatever the build machine's locale.
set(ENV{LC_ALL} C.UTF-8)
unset(ENV{LANGUAGE})
unset(ENV{LANG})
set(ENV{QT_QPA_PLATFORM} offscreen)

get_filename_component(work_dir "${OUTPUT}" DIRECTORY)
set(page "${work_dir}/${NAME}.1")
set(include_file "${work_dir}/${NAME}.h2m")
file(READ "${INCLUDE}" include_text)

if(SUBCOMMANDS)
    execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE help RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${PROGRAM} --help failed (${result})")
    endif()
    string(REGEX REPLACE ".*\nCommands:\n" "" commands_text "${help}")
    string(REGEX MATCHALL "(^|\n)  [a-z][a-z-]*  " command_lines "${commands_text}")
    set(sections "")
    foreach(line IN LISTS command_lines)
        string(STRIP "${line}" command)
        execute_process(COMMAND "${PROGRAM}" ${command} --help OUTPUT_VARIABLE text RESULT_VARIABLE result)
        if(NOT result EQUAL 0)
            message(FATAL_ERROR "${PROGRAM} ${command} --help failed (${result})")
        endif()
        # QCommandLineParser names the program by the path it was run as, without the command.
        string(REGEX REPLACE "^Usage: [^\n]* \\[options\\]" "Usage: ${NAME} ${command} [options]" text "${text}")
        # Verbatim in roff: backslashes escaped, no line taken for a request.
        string(REPLACE "\\" "\\e" text "${text}")
        string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
        string(APPEND sections ".SS \"${NAME} ${command}\"\n.nf\n${text}.fi\n")
    endforeach()
    if(sections)
        string(APPEND include_text "\n[COMMAND OPTIONS]\n${sections}")
    endif()
endif()
file(WRITE "${include_file}" "${include_text}")

execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section 1
            --version-string "${NAME} ${VERSION}" --name "${SUMMARY}"
            --include "${include_file}" --output "${page}" "${PROGRAM}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "help2man failed for ${PROGRAM} (${result})")
endif()
execute_process(COMMAND "${GZIP}" -9 -n -c "${page}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "gzip failed for ${page} (${result})")
endif()
