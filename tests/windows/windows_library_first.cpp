// A notifyee whose translation unit includes the library first and <windows.h> after it: the
// library must not have configured the user's <windows.h> (no WIN32_LEAN_AND_MEAN, so
// ShellExecuteW is declared; no NOMINMAX), and every library header must compile with the macros
// the Windows SDK defines for C++: min and max (<windows.h>, unless NOMINMAX) and small (rpcndr.h).
//
// MinGW-w64's <windows.h> defines min and max for C only, its rpcndr.h defines small only for the
// resource compiler, and libstdc++ #undefs min and max on its first header and is not written to
// survive them. So this file first includes every standard header include/mprnotify uses
// (tests/layout/check_sdk_macros.py keeps the list complete), then defines the SDK's macros itself:
// every library header below is read with them in force.
#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cwchar>
#include <exception>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>
#include <version>

#define max(a, b) (((a) > (b)) ? (a) : (b)) // as the SDK's minwindef.h
#define min(a, b) (((a) < (b)) ? (a) : (b))
#define small char // as the SDK's rpcndr.h

#include <mprnotify/mprnotify.hpp>
#include <mprnotify/registration.hpp>
#include <mprnotify/registry.hpp>
#include <mprnotify/testing.hpp>
#include <mprnotify/core/text.hpp>

#include <windows.h>
#include <npapi.h>

namespace {
struct larger_of_two {
    void after_add(const mprnotify::add_connection& add, mprnotify::wn_status)
    {
        longest = (std::max)(longest, add.remote_name().view().size()); // parenthesised: max is a macro here
        smallest = min(smallest, longest);                              // the macro (sdk-macros: on purpose)
    }
    std::size_t longest = 0;
    std::size_t smallest = 0;
};
} // namespace

MPRNOTIFY_EXPORT(larger_of_two);
MPRNOTIFY_EXPORT_REGISTRATION(L"mprnotify-library-first-test");

extern "C" __declspec(dllexport) void* library_first_shell_execute()
{
    return reinterpret_cast<void*>(&::ShellExecuteW);
}
