// A notifyee whose translation unit includes the library first and <windows.h> after it: the
// library must not have configured the user's <windows.h> (no WIN32_LEAN_AND_MEAN, so
// ShellExecuteW is declared; no NOMINMAX, so the min and max macros exist), and every library
// header must compile with those macros defined.
#include <mprnotify/mprnotify.hpp>
#include <mprnotify/registration.hpp>
#include <mprnotify/registry.hpp>
#include <mprnotify/testing.hpp>
#include <mprnotify/text.hpp>

#include <windows.h>
#include <npapi.h>

#include <algorithm>

#if !defined(max) || !defined(min)
#  error "<windows.h> lost its min and max macros: something defined NOMINMAX for this translation unit"
#endif

namespace {
struct larger_of_two {
    void after_add(const mprnotify::add_connection& add, mprnotify::wn_status)
    {
        longest = (std::max)(longest, add.remote_name().view().size()); // parenthesised: max is a macro here
        smallest = min(smallest, longest);
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
