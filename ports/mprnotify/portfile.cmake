# mprnotify: header-only, built with meson. One release configuration is all a header-only port needs.
set(VCPKG_BUILD_TYPE release)

# Source: the checkout this port lives in (ports/mprnotify/../..), so that
#     vcpkg install mprnotify --overlay-ports=<checkout>/ports
# installs exactly that checkout. MPRNOTIFY_SOURCE_DIR names another source tree instead; on Windows
# vcpkg clears the environment, so also set VCPKG_KEEP_ENV_VARS=MPRNOTIFY_SOURCE_DIR.
# A registry copy of this port would fetch a release archive here (vcpkg_from_github) instead.
if(DEFINED ENV{MPRNOTIFY_SOURCE_DIR} AND NOT "$ENV{MPRNOTIFY_SOURCE_DIR}" STREQUAL "")
    file(TO_CMAKE_PATH "$ENV{MPRNOTIFY_SOURCE_DIR}" SOURCE_PATH)
else()
    get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
endif()
if(NOT EXISTS "${SOURCE_PATH}/meson.build" OR NOT EXISTS "${SOURCE_PATH}/include/mprnotify/mprnotify.hpp")
    message(FATAL_ERROR "No mprnotify source tree at '${SOURCE_PATH}' (set MPRNOTIFY_SOURCE_DIR to one).")
endif()

vcpkg_configure_meson(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -Dtests=disabled
        -Dexamples=disabled
        -Dtools=disabled
)
vcpkg_install_meson()

# share/pkgconfig/mprnotify.pc and share/cmake/mprnotify -> share/mprnotify
vcpkg_fixup_pkgconfig()
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/mprnotify)

vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
