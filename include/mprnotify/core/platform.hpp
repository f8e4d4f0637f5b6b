// mprnotify/core/platform.hpp - where the library learns whether it is compiled for Windows.
//
// It provides MPRNOTIFY_PLATFORM_WINDOWS, the library's own wide-character view of the three
// structures MPR passes to a notifyee, the parameter types of the two exported functions, the
// calling convention, and the thread's last-error guard; platform_provider.hpp does the same for the
// network-provider side. The views, the boundary and the status layer are written against these
// names and test nothing else. Three kinds of header must know more than "Windows or not", and
// test the compiler's own macros, each for its own reason: the export mechanism
// (detail/core/plain_export.hpp, notifyee/export.hpp, provider/export.hpp: which compiler, which architecture),
// the Windows-only registry API (registry.hpp, registration.hpp: empty elsewhere), and the
// simulated MPR's library loader (testing/notifyee.hpp: LoadLibraryW or dlopen).
//
// Strings are treated as UTF-16 whatever UNICODE says: every NP* entry point is wide-only and MPR
// works in Unicode, and the A and W structures hold only pointers, so their layouts are identical
// (checked below). Off Windows the structures are a portable declaration with the same field order
// and fixed-width types, so a C driver written against the documented layout can call a notifyee.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(_WIN32)
// <windows.h> exactly as the including translation unit configured it: no WIN32_LEAN_AND_MEAN or
// NOMINMAX from here (a later ShellExecuteW or max() of the user's own must keep working); the
// library's headers are written to compile with the min and max macros defined.
#  include <windows.h>
// MinGW-w64's npapi.h has no extern "C" guard: without this block the npapi.h prototypes of
// AddConnectNotify and CancelConnectNotify would get C++ linkage and mangled names. When the user's
// translation unit included <npapi.h> first, its include guard makes this a no-op; MPRNOTIFY_EXPORT
// and the documented forwarding lines are written to compile in that order too (export.hpp).
extern "C" {
#  include <winnetwk.h>
#  include <npapi.h>
}
#  if defined(__GNUC__) && !defined(__clang__)
// GCC assumes a function it cannot see may throw: these two calls in the noexcept entry points
// would give every notifyee a terminate region, and with it the whole C++ exception runtime
// (about 100 KB in a statically linked MinGW DLL). They are plain Win32 calls that never throw.
extern "C" WINBASEAPI DWORD WINAPI GetLastError(VOID) __attribute__((nothrow));
extern "C" WINBASEAPI VOID WINAPI SetLastError(DWORD dwErrCode) __attribute__((nothrow));
#  endif
#  define MPRNOTIFY_PLATFORM_WINDOWS 1
#  define MPRNOTIFY_APIENTRY APIENTRY
#else
#  define MPRNOTIFY_PLATFORM_WINDOWS 0
#  define MPRNOTIFY_APIENTRY
#endif

namespace mprnotify::platform {

#if MPRNOTIFY_PLATFORM_WINDOWS

using dword = DWORD;
using window_handle = HWND;
using notify_info = ::NOTIFYINFO;
using net_resource_w = ::NETRESOURCEW;

/// NOTIFYADD with the wide NETRESOURCE, whatever UNICODE says.
struct notify_add_w {
    HWND hwndOwner;
    NETRESOURCEW NetResource;
    DWORD dwAddFlags;
};

/// NOTIFYCANCEL with wide strings, whatever UNICODE says.
struct notify_cancel_w {
    LPWSTR lpName;
    LPWSTR lpProvider;
    DWORD dwFlags;
    BOOL fForce;
};

/// The parameter types of the exported functions, exactly as npapi.h declares them.
using notify_info_param = LPNOTIFYINFO;
using notify_add_param = LPNOTIFYADD;
using notify_cancel_param = LPNOTIFYCANCEL;

#  define MPRNOTIFY_SAME_FIELD(ours, sdk, field)                                                                       \
    static_assert(offsetof(ours, field) == offsetof(sdk, field), #ours "::" #field " offset")
static_assert(sizeof(notify_add_w) == sizeof(::NOTIFYADD), "NOTIFYADD size");
MPRNOTIFY_SAME_FIELD(notify_add_w, ::NOTIFYADD, hwndOwner);
MPRNOTIFY_SAME_FIELD(notify_add_w, ::NOTIFYADD, NetResource);
MPRNOTIFY_SAME_FIELD(notify_add_w, ::NOTIFYADD, dwAddFlags);
static_assert(sizeof(::NETRESOURCEW) == sizeof(::NETRESOURCEA), "NETRESOURCE A/W size");
MPRNOTIFY_SAME_FIELD(::NETRESOURCEW, ::NETRESOURCEA, lpLocalName);
MPRNOTIFY_SAME_FIELD(::NETRESOURCEW, ::NETRESOURCEA, lpRemoteName);
MPRNOTIFY_SAME_FIELD(::NETRESOURCEW, ::NETRESOURCEA, lpComment);
MPRNOTIFY_SAME_FIELD(::NETRESOURCEW, ::NETRESOURCEA, lpProvider);
static_assert(sizeof(notify_cancel_w) == sizeof(::NOTIFYCANCEL), "NOTIFYCANCEL size");
MPRNOTIFY_SAME_FIELD(notify_cancel_w, ::NOTIFYCANCEL, lpName);
MPRNOTIFY_SAME_FIELD(notify_cancel_w, ::NOTIFYCANCEL, lpProvider);
MPRNOTIFY_SAME_FIELD(notify_cancel_w, ::NOTIFYCANCEL, dwFlags);
MPRNOTIFY_SAME_FIELD(notify_cancel_w, ::NOTIFYCANCEL, fForce);
#  undef MPRNOTIFY_SAME_FIELD

/// The SDK structures are TCHAR-dependent; the wide views above share their layout exactly.
inline notify_add_w* wide(LPNOTIFYADD add) noexcept { return reinterpret_cast<notify_add_w*>(add); }
inline notify_cancel_w* wide(LPNOTIFYCANCEL cancel) noexcept { return reinterpret_cast<notify_cancel_w*>(cancel); }
/// The reverse, for code that plays MPR's part (the simulated router).
inline LPNOTIFYADD sdk(notify_add_w* add) noexcept { return reinterpret_cast<LPNOTIFYADD>(add); }
inline LPNOTIFYCANCEL sdk(notify_cancel_w* cancel) noexcept { return reinterpret_cast<LPNOTIFYCANCEL>(cancel); }

/// Leaves the thread's last-error value as it was found: MPR manages it, a notifyee must not.
class last_error_guard {
public:
    last_error_guard() noexcept : saved_(::GetLastError()) {}
    ~last_error_guard() { ::SetLastError(saved_); }
    last_error_guard(const last_error_guard&) = delete;
    last_error_guard& operator=(const last_error_guard&) = delete;

private:
    DWORD saved_;
};

#else // portable declaration: same field order, fixed-width types, same constant values

using dword = std::uint32_t;
using window_handle = void*;

struct notify_info {
    std::uint32_t dwNotifyStatus;
    std::uint32_t dwOperationStatus;
    void* lpContext;
};

struct net_resource_w {
    std::uint32_t dwScope;
    std::uint32_t dwType;
    std::uint32_t dwDisplayType;
    std::uint32_t dwUsage;
    wchar_t* lpLocalName;
    wchar_t* lpRemoteName;
    wchar_t* lpComment;
    wchar_t* lpProvider;
};

struct notify_add_w {
    void* hwndOwner;
    net_resource_w NetResource;
    std::uint32_t dwAddFlags;
};

struct notify_cancel_w {
    wchar_t* lpName;
    wchar_t* lpProvider;
    std::uint32_t dwFlags;
    std::int32_t fForce;
};

using notify_info_param = notify_info*;
using notify_add_param = notify_add_w*;
using notify_cancel_param = notify_cancel_w*;

inline notify_add_w* wide(notify_add_w* add) noexcept { return add; }
inline notify_cancel_w* wide(notify_cancel_w* cancel) noexcept { return cancel; }
inline notify_add_w* sdk(notify_add_w* add) noexcept { return add; }
inline notify_cancel_w* sdk(notify_cancel_w* cancel) noexcept { return cancel; }

/// There is no thread last-error value to preserve off Windows.
class last_error_guard {
public:
    last_error_guard() noexcept = default;
    ~last_error_guard() = default;
    last_error_guard(const last_error_guard&) = delete;
    last_error_guard& operator=(const last_error_guard&) = delete;
};

#endif

/// Values of NOTIFYINFO::dwNotifyStatus (npapi.h NOTIFY_PRE / NOTIFY_POST).
inline constexpr dword notify_pre = 1;
inline constexpr dword notify_post = 2;

/// The signatures MPR calls, looked up by these plain names in the notifyee DLL.
using add_connect_notify_fn = dword(MPRNOTIFY_APIENTRY*)(notify_info_param, notify_add_param);
using cancel_connect_notify_fn = dword(MPRNOTIFY_APIENTRY*)(notify_info_param, notify_cancel_param);

inline constexpr const char add_connect_notify_name[] = "AddConnectNotify";
inline constexpr const char cancel_connect_notify_name[] = "CancelConnectNotify";

} // namespace mprnotify::platform
