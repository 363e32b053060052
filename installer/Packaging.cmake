# Package identity shared by app/CMakeLists.txt (Windows version resource, macOS bundle) and
# installer/CMakeLists.txt (install rules, CPack). Included by both (no include guard: each directory scope
# needs its own copy of the variables).

# Reverse-DNS id from the project's GitHub home: the .desktop file, the AppStream id, the icon name and the
# macOS bundle identifier.
set(CONFIGDECK_APP_ID "io.github.configdeck.ConfigDeck")
set(CONFIGDECK_DISPLAY_NAME "ConfigDeck")
set(CONFIGDECK_COPYRIGHT_HOLDER "The ConfigDeck developers")
set(CONFIGDECK_COPYRIGHT "Copyright (C) 2026 ${CONFIGDECK_COPYRIGHT_HOLDER}")
set(CONFIGDECK_RELEASE_DATE "2026-11-26") # of PROJECT_VERSION, for the AppStream <release>
set(CONFIGDECK_RELEASE_DATE_RFC2822 "Thu, 26 Nov 2026 12:00:00 +0000") # the same, for the Debian changelog
set(CONFIGDECK_PACKAGE_MAINTAINER "ConfigDeck developers <configdeck@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the .deb (Name <email>)")

# The licence: the top-level LICENSE (MIT). Keep CONFIGDECK_SPDX_LICENSE in step with it.
set(CONFIGDECK_LICENSE_FILE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CONFIGDECK_SPDX_LICENSE "MIT")

set(CONFIGDECK_ICON_SVG "${PROJECT_SOURCE_DIR}/resources/icons/configdeck.svg")
set(CONFIGDECK_ICON_ICO "${PROJECT_SOURCE_DIR}/resources/icons/configdeck.ico")
set(CONFIGDECK_ICON_ICNS "${PROJECT_SOURCE_DIR}/resources/icons/configdeck.icns")

# The workspace file type, registered by every installer so that double-clicking a workspace opens ConfigDeck:
# shared-mime-info and the desktop entry (.deb), a file association (NSIS), a document type (macOS bundle).
# Not registered with IANA, hence the x- prefix the shared-mime-info spec asks for.
set(CONFIGDECK_WORKSPACE_EXTENSION "configdeck")
set(CONFIGDECK_WORKSPACE_MIME_TYPE "application/x-configdeck-workspace")
string(REPLACE "/" "-" CONFIGDECK_WORKSPACE_MIME_ICON "${CONFIGDECK_WORKSPACE_MIME_TYPE}") # the spec's icon name
set(CONFIGDECK_WORKSPACE_UTI "io.github.configdeck.workspace") # macOS uniform type identifier
set(CONFIGDECK_WORKSPACE_PROGID "ConfigDeck.Workspace")        # Windows programmatic identifier
set(CONFIGDECK_WORKSPACE_TYPE_NAME "ConfigDeck workspace")
set(CONFIGDECK_WORKSPACE_TYPE_NAME_ZH_CN "ConfigDeck 工作区")
# PRAGMA application_id of every workspace (core/store/Workspace.h kApplicationId, "CDk1"): SQLite stores it
# big-endian at byte 68 of the file, which lets the MIME type be recognised by content, whatever the name.
set(CONFIGDECK_WORKSPACE_SQLITE_APPLICATION_ID "0x43446b31")
set(CONFIGDECK_WORKSPACE_ICON_SVG "${PROJECT_SOURCE_DIR}/resources/icons/configdeck-workspace.svg")
