// mprnotify/version.hpp - the library version (generated from meson.build's project version).
#pragma once

#define MPRNOTIFY_VERSION_MAJOR 0
#define MPRNOTIFY_VERSION_MINOR 1
#define MPRNOTIFY_VERSION_PATCH 0
#define MPRNOTIFY_VERSION_STRING "0.1.0"
