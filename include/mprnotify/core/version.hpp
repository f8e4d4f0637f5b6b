// mprnotify/core/version.hpp - the library version. meson.build's project(version:) is the one source:
// include/meson.build refuses to configure while these lines say anything else.
#pragma once

#define MPRNOTIFY_VERSION_MAJOR 0
#define MPRNOTIFY_VERSION_MINOR 4
#define MPRNOTIFY_VERSION_PATCH 1
#define MPRNOTIFY_VERSION_STRING "0.4.1"
