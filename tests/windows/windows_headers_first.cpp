// A notifyee whose translation unit includes the Windows headers first, as an existing provider's
// common header does: <windows.h> (with the user's own NOMINMAX), <npapi.h> (MinGW-w64's has no
// extern "C" guard, so AddConnectNotify is declared here with C++ linkage) and <olectl.h> (which
// declares DllRegisterServer). Every library header must still compile, MPRNOTIFY_EXPORT and
// MPRNOTIFY_EXPORT_REGISTRATION must still export by plain name, and the registration functions
// must stay out of the import library. Built with -Werror (GCC here; Clang in stages 40 and 41).
#define NOMINMAX // the user's choice, not the library's
#include <windows.h>
#include <npapi.h>
#include <olectl.h>

#include <mprnotify/mprnotify.hpp>
#include <mprnotify/registration.hpp>
#include <mprnotify/registry.hpp>
#include <mprnotify/testing.hpp>
#include <mprnotify/core/text.hpp>

#include <algorithm>

namespace {
struct larger_of_two {
    void after_add(const mprnotify::add_connection& add, mprnotify::wn_status)
    {
        longest = std::max(longest, add.remote_name().view().size());
    }
    std::size_t longest = 0;
};
} // namespace

MPRNOTIFY_EXPORT(larger_of_two);
MPRNOTIFY_EXPORT_REGISTRATION(L"mprnotify-headers-first-test");

// The user's own Windows calls keep compiling: shellapi.h came with <windows.h>.
extern "C" __declspec(dllexport) void* headers_first_shell_execute()
{
    return reinterpret_cast<void*>(&::ShellExecuteW);
}
