# Runs ports/mprnotify/portfile.cmake without vcpkg (which cannot be installed on the test machines):
# each vcpkg helper the port calls is replaced by a small stand-in that does the documented job with
# the tools at hand (meson, ninja, pkg-config) and checks its arguments. A helper the port calls that is
# not stood in for here stops the run ("Unknown CMake command"). It proves the port's own logic and the
# package layout it produces; it does not prove vcpkg's helpers behave like these stand-ins.
#
#     cmake -DPORT_DIR=<ports/mprnotify> -DPACKAGES_DIR=<dir> -DBUILDTREES_DIR=<dir> -P vcpkg-stubs.cmake
cmake_minimum_required(VERSION 3.19)

foreach(required IN ITEMS PORT_DIR PACKAGES_DIR BUILDTREES_DIR)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "vcpkg-stubs: -D${required}=... is required")
    endif()
endforeach()

file(READ "${PORT_DIR}/vcpkg.json" manifest)
string(JSON PORT GET "${manifest}" name)
string(JSON VERSION GET "${manifest}" version)
set(CURRENT_PACKAGES_DIR "${PACKAGES_DIR}")
set(CURRENT_BUILDTREES_DIR "${BUILDTREES_DIR}")
set(CURRENT_INSTALLED_DIR "${PACKAGES_DIR}-installed")
set(TARGET_TRIPLET x64-linux)
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}" "${CURRENT_BUILDTREES_DIR}")
file(MAKE_DIRECTORY "${CURRENT_PACKAGES_DIR}" "${CURRENT_BUILDTREES_DIR}")

function(z_stub_run log)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_FILE "${CURRENT_BUILDTREES_DIR}/${log}.log"
                    ERROR_FILE "${CURRENT_BUILDTREES_DIR}/${log}.log")
    if(NOT rc EQUAL 0)
        file(READ "${CURRENT_BUILDTREES_DIR}/${log}.log" output)
        message(FATAL_ERROR "${log} failed (${rc}):\n${output}")
    endif()
endfunction()

# The arguments vcpkg_configure_meson adds itself (see its documentation), release configuration only.
function(vcpkg_configure_meson)
    cmake_parse_arguments(PARSE_ARGV 0 arg "NO_PKG_CONFIG" "SOURCE_PATH"
                          "OPTIONS;OPTIONS_DEBUG;OPTIONS_RELEASE;LANGUAGES;ADDITIONAL_BINARIES;ADDITIONAL_PROPERTIES")
    if(DEFINED arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "vcpkg_configure_meson: unexpected arguments ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT VCPKG_BUILD_TYPE STREQUAL "release")
        message(FATAL_ERROR "a header-only port builds the release configuration only (VCPKG_BUILD_TYPE release)")
    endif()
    if(NOT EXISTS "${arg_SOURCE_PATH}/meson.build")
        message(FATAL_ERROR "vcpkg_configure_meson: no meson.build in SOURCE_PATH '${arg_SOURCE_PATH}'")
    endif()
    z_stub_run(config-${TARGET_TRIPLET}-rel
        meson setup --backend ninja --wrap-mode nodownload -Doptimization=plain -Ddebug=false --libdir lib
        --pkgconfig.relocatable --prefix "${CURRENT_PACKAGES_DIR}" ${arg_OPTIONS} ${arg_OPTIONS_RELEASE}
        "${CURRENT_BUILDTREES_DIR}/${TARGET_TRIPLET}-rel" "${arg_SOURCE_PATH}")
endfunction()

function(vcpkg_install_meson)
    z_stub_run(package-${TARGET_TRIPLET}-rel ninja -C "${CURRENT_BUILDTREES_DIR}/${TARGET_TRIPLET}-rel" install)
endfunction()

# Every .pc must be relocatable (no absolute path into the package folder) and resolvable by pkg-config.
function(vcpkg_fixup_pkgconfig)
    file(GLOB_RECURSE pc_files "${CURRENT_PACKAGES_DIR}/*.pc")
    if(pc_files STREQUAL "")
        message(FATAL_ERROR "vcpkg_fixup_pkgconfig: no .pc file installed")
    endif()
    foreach(pc IN LISTS pc_files)
        file(READ "${pc}" contents)
        string(FIND "${contents}" "${CURRENT_PACKAGES_DIR}" absolute)
        if(NOT absolute EQUAL -1)
            message(FATAL_ERROR "${pc} names the package folder: not relocatable")
        endif()
        get_filename_component(pc_dir "${pc}" DIRECTORY)
        get_filename_component(pc_name "${pc}" NAME_WE)
        set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
        z_stub_run(pkgconfig-${pc_name} pkg-config --exists --print-errors "${pc_name}")
    endforeach()
endfunction()

# Moves CONFIG_PATH to share/<PACKAGE_NAME> and corrects the prefix computation for the new depth (2).
function(vcpkg_cmake_config_fixup)
    cmake_parse_arguments(PARSE_ARGV 0 arg "DO_NOT_DELETE_PARENT_CONFIG_PATH;NO_PREFIX_CORRECTION"
                          "PACKAGE_NAME;CONFIG_PATH" "")
    if(NOT arg_PACKAGE_NAME)
        set(arg_PACKAGE_NAME "${PORT}")
    endif()
    if(NOT arg_CONFIG_PATH)
        set(arg_CONFIG_PATH "share/${arg_PACKAGE_NAME}")
    endif()
    set(from "${CURRENT_PACKAGES_DIR}/${arg_CONFIG_PATH}")
    set(to "${CURRENT_PACKAGES_DIR}/share/${arg_PACKAGE_NAME}")
    if(NOT IS_DIRECTORY "${from}")
        message(FATAL_ERROR "vcpkg_cmake_config_fixup: '${arg_CONFIG_PATH}' does not exist")
    endif()
    if(NOT from STREQUAL to)
        file(GLOB files "${from}/*")
        file(COPY ${files} DESTINATION "${to}")
        file(REMOVE_RECURSE "${from}")
        get_filename_component(parent "${from}" DIRECTORY)
        get_filename_component(parent_name "${parent}" NAME)
        if(parent_name STREQUAL "cmake" AND NOT arg_DO_NOT_DELETE_PARENT_CONFIG_PATH)
            file(REMOVE_RECURSE "${parent}")
        endif()
    endif()
    file(GLOB cmake_files "${to}/*.cmake")
    foreach(cmake_file IN LISTS cmake_files)
        file(READ "${cmake_file}" contents)
        if(NOT arg_NO_PREFIX_CORRECTION)
            string(REGEX REPLACE "(get_filename_component\\(PACKAGE_PREFIX_DIR \"\\\${CMAKE_CURRENT_LIST_DIR}/)[./]*\""
                   "\\1../../\"" contents "${contents}")
        endif()
        string(FIND "${contents}" "${CURRENT_PACKAGES_DIR}" absolute)
        if(NOT absolute EQUAL -1)
            message(FATAL_ERROR "${cmake_file} names the package folder: not relocatable")
        endif()
        file(WRITE "${cmake_file}" "${contents}")
    endforeach()
endfunction()

function(vcpkg_install_copyright)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "COMMENT" "FILE_LIST")
    set(text "")
    foreach(license IN LISTS arg_FILE_LIST)
        if(NOT EXISTS "${license}")
            message(FATAL_ERROR "vcpkg_install_copyright: '${license}' does not exist")
        endif()
        file(READ "${license}" contents)
        string(APPEND text "${contents}")
    endforeach()
    file(WRITE "${CURRENT_PACKAGES_DIR}/share/${PORT}/copyright" "${text}")
endfunction()

include("${PORT_DIR}/portfile.cmake")

# What vcpkg's post-build checks look at, for a header-only package.
foreach(expected IN ITEMS include/mprnotify/mprnotify.hpp share/${PORT}/copyright
                          share/${PORT}/mprnotifyConfig.cmake share/${PORT}/mprnotifyConfigVersion.cmake
                          share/pkgconfig/mprnotify.pc)
    if(NOT EXISTS "${CURRENT_PACKAGES_DIR}/${expected}")
        message(FATAL_ERROR "package lacks ${expected}")
    endif()
endforeach()
foreach(unexpected IN ITEMS debug lib bin share/cmake share/${PORT}/usage)
    if(EXISTS "${CURRENT_PACKAGES_DIR}/${unexpected}")
        message(FATAL_ERROR "a header-only package must not have ${unexpected}/")
    endif()
endforeach()
message(STATUS "portfile ran: ${PORT} ${VERSION} in ${CURRENT_PACKAGES_DIR}")
