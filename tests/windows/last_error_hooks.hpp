// A handler whose every hook changes the thread's last-error value, as code in a real notifyee
// easily does (any Win32 call may). Shared by the in-process test and the DLL fixture.
#pragma once

#include <mprnotify/mprnotify.hpp>

#include <string>

namespace last_error_fixture {

/// The value each hook sets; the caller's own value is never one of them.
inline constexpr DWORD before_add_value = 0x1001;
inline constexpr DWORD after_add_value = 0x1002;
inline constexpr DWORD before_cancel_value = 0x1003;
inline constexpr DWORD after_cancel_value = 0x1004;

/// Hooks that ran (and saw their own value take effect) are appended here: a process-wide
/// channel the test reads without another export from the DLL.
inline constexpr wchar_t trail_variable[] = L"MPRNOTIFY_LAST_ERROR_TRAIL";

inline void change_last_error(DWORD value, const wchar_t* hook)
{
    ::SetLastError(value);
    if (::GetLastError() != value) {
        return; // not appended: the test then sees the hook as not run
    }
    wchar_t old_trail[256] = {};
    const DWORD length = ::GetEnvironmentVariableW(trail_variable, old_trail, 256);
    std::wstring trail = length < 256 ? std::wstring{old_trail, length} : std::wstring{};
    trail += hook;
    trail += L' ';
    ::SetEnvironmentVariableW(trail_variable, trail.c_str());
}

struct changes_last_error {
    mprnotify::decision<mprnotify::no_context> before_add(const mprnotify::add_connection&)
    {
        change_last_error(before_add_value, L"before_add");
        return mprnotify::call_after();
    }
    void after_add(const mprnotify::add_connection&, mprnotify::wn_status)
    {
        change_last_error(after_add_value, L"after_add");
    }
    mprnotify::decision<mprnotify::no_context> before_cancel(const mprnotify::cancel_connection&)
    {
        change_last_error(before_cancel_value, L"before_cancel");
        return mprnotify::call_after();
    }
    void after_cancel(const mprnotify::cancel_connection&, mprnotify::wn_status)
    {
        change_last_error(after_cancel_value, L"after_cancel");
    }
};

} // namespace last_error_fixture
