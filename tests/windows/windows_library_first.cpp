// A notifyee whose translation unit includes the library first and <windows.h> after it: the
// library must not have configured the user's <windows.h> (no WIN32_LEAN_AND_MEAN, so
// ShellExecuteW is declared; no NOMINMAX), and every library header must compile with the min and
// max macros defined, as the Windows SDK's <windows.h> defines them for C++ unless NOMINMAX.
//
// MinGW-w64's <windows.h> defines min and max for C only, and libstdc++ #undefs both on its first
// header. So this file includes the whole standard library first, then defines the SDK's two macros
// itself: every library header below is then read with them in force.
#include <bits/stdc++.h>
#define max(a, b) (((a) > (b)) ? (a) : (b)) // as the SDK's minwindef.h
#define min(a, b) (((a) < (b)) ? (a) : (b))

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
        smallest = min(smallest, longest);                              // the macro
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
