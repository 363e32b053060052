# Configures installer/macos/Info.plist.in as the macOS build does and checks, with xmllint, that the bundle
# declares the workspace document type: its UTI exported with the workspace extension and MIME type, and
# ConfigDeck the owner of that UTI. A ctest test (installer/CMakeLists.txt), so that Linux CI catches a
# broken plist before a Mac build does.
#   cmake -DPROJECT_SOURCE_DIR=<source> -DWORK_DIR=<scratch> -P CheckInfoPlist.cmake
cmake_minimum_required(VERSION 3.21)

find_program(xmllint NAMES xmllint)
if(NOT xmllint)
    message(FATAL_ERROR "xmllint not found: install the Debian package libxml2-utils "
                        "(installer/linux/install-deps.sh does)")
endif()

include("${PROJECT_SOURCE_DIR}/installer/Packaging.cmake")
# What app/CMakeLists.txt sets as target properties; CMake hands them to the plist under these names.
set(MACOSX_BUNDLE_EXECUTABLE_NAME "${CONFIGDECK_DISPLAY_NAME}")
set(MACOSX_BUNDLE_ICON_FILE configdeck.icns)
set(MACOSX_BUNDLE_GUI_IDENTIFIER "${CONFIGDECK_APP_ID}")
set(MACOSX_BUNDLE_BUNDLE_NAME "${CONFIGDECK_DISPLAY_NAME}")
set(CONFIGDECK_MACOS_MINIMUM_VERSION 11.0)

file(REMOVE_RECURSE "${WORK_DIR}")
set(plist "${WORK_DIR}/Info.plist")
configure_file("${PROJECT_SOURCE_DIR}/installer/macos/Info.plist.in" "${plist}")

# --nonet: the DOCTYPE names Apple's DTD on the web; well-formedness is checked offline.
execute_process(COMMAND "${xmllint}" --nonet --noout "${plist}" RESULT_VARIABLE result ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Info.plist is not well-formed XML:\n${output}")
endif()

# The value following <key>NAME</key> in a plist dictionary, as an XPath step.
function(value_of key out)
    set(${out} "key[.='${key}']/following-sibling::*[1]" PARENT_SCOPE)
endfunction()
function(expect description xpath expected)
    execute_process(COMMAND "${xmllint}" --nonet --xpath "string(${xpath})" "${plist}"
        RESULT_VARIABLE result OUTPUT_VARIABLE actual ERROR_VARIABLE error OUTPUT_STRIP_TRAILING_WHITESPACE)
    message("${description}: '${actual}'")
    if(NOT result EQUAL 0 OR NOT actual STREQUAL expected)
        message(FATAL_ERROR "Info.plist: ${description} is '${actual}', expected '${expected}' ${error}")
    endif()
endfunction()

value_of(CFBundleDocumentTypes document_types)
value_of(LSItemContentTypes content_types)
value_of(LSHandlerRank handler_rank)
value_of(CFBundleTypeRole role)
value_of(UTExportedTypeDeclarations exported_types)
value_of(UTTypeTagSpecification tags)
value_of(public.filename-extension extensions)
value_of(public.mime-type mime_types)
value_of(UTTypeConformsTo conforms_to)
set(document_type "/plist/dict/${document_types}/dict[${content_types}/string='${CONFIGDECK_WORKSPACE_UTI}']")
set(exported_type
    "/plist/dict/${exported_types}/dict[key[.='UTTypeIdentifier']/following-sibling::*[1]='${CONFIGDECK_WORKSPACE_UTI}']")

expect("the document type's role" "${document_type}/${role}" "Editor")
expect("ConfigDeck's rank for its document type" "${document_type}/${handler_rank}" "Owner")
expect("the exported type's extension" "${exported_type}/${tags}/${extensions}/string"
       "${CONFIGDECK_WORKSPACE_EXTENSION}")
expect("the exported type's MIME type" "${exported_type}/${tags}/${mime_types}/string"
       "${CONFIGDECK_WORKSPACE_MIME_TYPE}")
expect("the exported type is data" "count(${exported_type}/${conforms_to}/string[.='public.data'])" "1")
file(REMOVE_RECURSE "${WORK_DIR}")
