# Builds the NSIS file association on Linux; a ctest test (installer/CMakeLists.txt). The registry itself can
# only be exercised on Windows; this catches what would break the Windows installer or the association in it.
#   1. FileAssociation.nsh compiles with makensis treating warnings as errors, included as CPack includes it:
#      in the install and again in the uninstall section.
#   2. An NSIS installer built by CPack's own template with the CPack variables of FileAssociation.cmake
#      compiles, and makensis's listing of it shows the keys: the extension names the ProgID, whose open
#      command passes the file to configdeck.exe, and the uninstaller deletes the ProgID again.
#   cmake -DSOURCE_DIR=<source> -DNSH_FILE=<configured FileAssociation.nsh> -DWORK_DIR=<scratch>
#         -P CheckFileAssociation.cmake
cmake_minimum_required(VERSION 3.21)

find_program(makensis NAMES makensis)
if(NOT makensis)
    message(FATAL_ERROR "makensis not found: install the Debian package nsis (installer/linux/install-deps.sh does)")
endif()
if(NOT EXISTS "${NSH_FILE}")
    message(FATAL_ERROR "nothing to check: ${NSH_FILE} does not exist")
endif()
include("${SOURCE_DIR}/installer/Packaging.cmake")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(run description output_variable)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${description} failed (${result}):\n${output}")
    endif()
    set(${output_variable} "${output}" PARENT_SCOPE)
endfunction()

# ---- 1. the include alone, strictly ------------------------------------------------------------------------
file(WRITE "${WORK_DIR}/strict/check.nsi" "
Unicode true
Name \"ConfigDeck file association check\"
OutFile \"${WORK_DIR}/strict/check-setup.exe\"
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
run("makensis -WX with ${NSH_FILE}" ignored "${makensis}" -V2 -WX "${WORK_DIR}/strict/check.nsi")
message("${NSH_FILE} compiles without a warning")

# ---- 2. in CPack's NSIS installer ---------------------------------------------------------------------------
# A project with one file to install and the package identity of installer/CMakeLists.txt, so that CPack's
# NSIS.template.in is configured with FileAssociation.cmake's commands as in the real build.
set(project_dir "${WORK_DIR}/project")
file(WRITE "${project_dir}/CMakeLists.txt" "
cmake_minimum_required(VERSION 3.21)
project(configdeck VERSION 0.1.0 LANGUAGES NONE)
include(\"${SOURCE_DIR}/installer/Packaging.cmake\")
include(\"${SOURCE_DIR}/installer/windows/FileAssociation.cmake\")
file(WRITE \"\${CMAKE_BINARY_DIR}/configdeck.exe\" \"stands in for the program\")
install(FILES \"\${CMAKE_BINARY_DIR}/configdeck.exe\" DESTINATION bin)
set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_VENDOR \"\${CONFIGDECK_COPYRIGHT_HOLDER}\")
set(CPACK_PACKAGE_INSTALL_DIRECTORY \"\${CONFIGDECK_DISPLAY_NAME}\")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY \"\${CONFIGDECK_DISPLAY_NAME}\")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_COMPRESSOR zlib) # lzma takes seconds even for this installer
include(CPack)
")
run("configuring the NSIS check project" ignored "${CMAKE_COMMAND}" -S "${project_dir}" -B "${project_dir}/build")
run("cpack -G NSIS" ignored "${CMAKE_CPACK_COMMAND}" -G NSIS --config "${project_dir}/build/CPackConfig.cmake"
    -B "${project_dir}/packages")
file(GLOB installers "${project_dir}/packages/*.exe")
file(GLOB_RECURSE scripts "${project_dir}/packages/_CPack_Packages/project.nsi")
if(NOT installers OR NOT scripts)
    message(FATAL_ERROR "cpack made no NSIS installer in ${project_dir}/packages")
endif()
message("cpack built ${installers}")
# CPack's template has warnings of its own (an unreferenced uninstaller function): no -WX here.
run("makensis -V4 ${scripts}" listing "${makensis}" -V4 "${scripts}")

# Backslashes and quotes as makensis lists them; bracket arguments keep them literal.
set(classes [[SHCTX\Software\Classes\]])
set(open_command [[\shell\open\command\="$INSTDIR\bin\configdeck.exe" "%1"]])
foreach(expected IN ITEMS
        "WriteRegStr: ${classes}.${CONFIGDECK_WORKSPACE_EXTENSION}\\=${CONFIGDECK_WORKSPACE_PROGID}"
        "WriteRegStr: ${classes}${CONFIGDECK_WORKSPACE_PROGID}${open_command}"
        "Plugin command: Call shell32::SHChangeNotify("
        "DeleteRegKey: ${classes}${CONFIGDECK_WORKSPACE_PROGID}\n")
    string(FIND "${listing}" "${expected}" position)
    if(position EQUAL -1)
        message("makensis -V4 ${scripts}:\n${listing}")
        message(FATAL_ERROR "the CPack installer lacks: ${expected}")
    endif()
    message("compiled into the CPack installer: ${expected}")
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
