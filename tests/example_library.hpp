// Test support: where the test programs that load the examples find their shared libraries
// (MPRNOTIFY_EXAMPLES_DIR, set by tests/meson.build).
#pragma once

#include <filesystem>
#include <string>

namespace test_support {

/// The path of example `name`'s shared library, with this system's suffix.
inline std::filesystem::path example_library(const char* name)
{
#if defined(_WIN32)
    constexpr const char* suffix = ".dll";
#else
    constexpr const char* suffix = ".so";
#endif
    return std::filesystem::path{MPRNOTIFY_EXAMPLES_DIR} / (std::string{name} + suffix);
}

} // namespace test_support
