# The NSIS installer's .configdeck file association: configures FileAssociation.nsh into the current binary
# directory and hands it to the install and uninstall sections of CPack's NSIS script. Included by
# installer/CMakeLists.txt and by the test that builds an NSIS installer on Linux (CheckFileAssociation.cmake);
# needs the CONFIGDECK_WORKSPACE_ variables of installer/Packaging.cmake. The CPack variables are harmless to
# the other generators.
set(CONFIGDECK_NSIS_FILE_ASSOCIATION "${CMAKE_CURRENT_BINARY_DIR}/FileAssociation.nsh")
configure_file("${CMAKE_CURRENT_LIST_DIR}/FileAssociation.nsh.in" "${CONFIGDECK_NSIS_FILE_ASSOCIATION}" @ONLY)
# Single quotes: NSIS takes them for strings, and CPack passes them through unescaped.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "!include '${CONFIGDECK_NSIS_FILE_ASSOCIATION}'\n!insertmacro ConfigDeckRegisterWorkspaceType")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "!include '${CONFIGDECK_NSIS_FILE_ASSOCIATION}'\n!insertmacro ConfigDeckUnregisterWorkspaceType")
