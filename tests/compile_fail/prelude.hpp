// What the compile-failure snippets include, precompiled once per build (tests/meson.build): each
// snippet then parses only itself, about a second less per snippet with GCC and Clang, more with
// MinGW's windows.h. A snippet still includes what it uses; the include guards make that free.
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <vector>
#include <mprnotify/mprnotify.hpp>
#include <mprnotify/provider.hpp>
