# Compiles the NSIS file association (FileAssociation.nsh) the way the CPack installer uses it, included in
# its install and its uninstall section, with makensis treating warnings as errors; a ctest test
# (installer/CMakeLists.txt). The registry itself can only be exercised on Windows; this catches what breaks
# the Windows installer build (syntax, a missing plug-in, an undefined symbol) and reads makensis's listing of
# the compiled commands to check the keys: the extension names the ProgID, whose open command passes the file
# to configdeck.exe, and the uninstaller deletes the ProgID again.
#   cmake -DNSH_FILE=<FileAssociation.nsh> -DEXTENSION=<ext> -DPROGID=<ProgID> -DWORK_DIR=<scratch>
#         -P CheckFileAssociation.cmake
cmake_minimum_required(VERSION 3.21)

find_program(makensis NAMES makensis)
if(NOT makensis)
    message(FATAL_ERROR "makensis not found: install the Debian package nsis (installer/linux/install-deps.sh does)")
endif()
if(NOT EXISTS "${NSH_FILE}")
    message(FATAL_ERROR "nothing to check: ${NSH_FILE} does not exist")
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
# As in CPack's NSIS.template.in: a Unicode, elevated installer with an uninstaller; the include and the macro
# are exactly what CPACK_NSIS_EXTRA_INSTALL_COMMANDS and CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS insert.
file(WRITE "${WORK_DIR}/check.nsi" "
Unicode true
Name \"ConfigDeck file association check\"
OutFile \"${WORK_DIR}/check-setup.exe\"
InstallDir \"$PROGRAMFILES64\\ConfigDeck\"
RequestExecutionLevel admin
Section \"-Core installation\"
    SetOutPath \"$INSTDIR\"
    WriteUninstaller \"$INSTDIR\\Uninstall.exe\"
    !include '${NSH_FILE}'
    !insertmacro ConfigDeckRegisterWorkspaceType
SectionEnd
Section \"Uninstall\"
    !include '${NSH_FILE}'
    !insertmacro ConfigDeckUnregisterWorkspaceType
    Delete \"$INSTDIR\\Uninstall.exe\"
SectionEnd
")
execute_process(COMMAND "${makensis}" -V4 -WX "${WORK_DIR}/check.nsi"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR NOT EXISTS "${WORK_DIR}/check-setup.exe")
    message("makensis -V4 -WX check.nsi:\n${output}")
    message(FATAL_ERROR "makensis could not build an installer with ${NSH_FILE} (${result})")
endif()

# Backslashes and quotes as makensis lists them; bracket arguments keep them literal.
set(classes [[SHCTX\Software\Classes\]])
set(open_command [[\shell\open\command\="$INSTDIR\bin\configdeck.exe" "%1"]])
foreach(expected IN ITEMS
        "WriteRegStr: ${classes}.${EXTENSION}\\=${PROGID}"
        "WriteRegStr: ${classes}${PROGID}${open_command}"
        "Plugin command: Call shell32::SHChangeNotify("
        "DeleteRegKey: ${classes}${PROGID}\n")
    string(FIND "${output}" "${expected}" position)
    if(position EQUAL -1)
        message("makensis -V4 -WX check.nsi:\n${output}")
        message(FATAL_ERROR "the compiled installer lacks: ${expected}")
    endif()
    message("compiled: ${expected}")
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
