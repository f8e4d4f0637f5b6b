// The structures MPR passes, checked against MinGW-w64's own headers: sizes and every field offset.
// Compiled four ways (x86 / x64, with and without UNICODE); compiling is the check. The figures
// are the ones in docs/windows.md ("Layouts"). With MPRNOTIFY_LAYOUT_OTHER_ARCH every figure is
// taken from the other architecture, so the same assertions must fail: proof that they bite.
#include <cstddef>
#include <type_traits>

#ifndef WIN32_LEAN_AND_MEAN
#  define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>
extern "C" { // MinGW-w64's npapi.h has no extern "C" guard of its own
#include <winnetwk.h>
#include <npapi.h>
}

#include <mprnotify/platform.hpp>

#if !defined(EXPECT_POINTER_BITS) || !defined(EXPECT_UNICODE)
#  error "compile with -DEXPECT_POINTER_BITS=32|64 -DEXPECT_UNICODE=0|1"
#endif

// The TU was compiled as intended: architecture and character width.
static_assert(sizeof(void*) * 8 == EXPECT_POINTER_BITS, "pointer width is not the expected architecture's");
#if EXPECT_UNICODE
static_assert(sizeof(TCHAR) == 2 && std::is_same_v<NETRESOURCE, NETRESOURCEW>, "UNICODE did not take effect");
#else
static_assert(sizeof(TCHAR) == 1 && std::is_same_v<NETRESOURCE, NETRESOURCEA>, "UNICODE is defined");
#endif

namespace {

#if defined(MPRNOTIFY_LAYOUT_OTHER_ARCH)
constexpr bool is_x64 = sizeof(void*) != 8;
#else
constexpr bool is_x64 = sizeof(void*) == 8;
#endif

constexpr std::size_t figure(std::size_t x86, std::size_t x64) { return is_x64 ? x64 : x86; }

} // namespace

#define LAYOUT_SIZE(type, x86, x64) static_assert(sizeof(type) == figure(x86, x64), "size of " #type)
#define LAYOUT_FIELD(type, field, x86, x64)                                                                            \
  static_assert(offsetof(type, field) == figure(x86, x64), "offset of " #type "::" #field)

// MinGW-w64's declarations, whatever UNICODE selects.
LAYOUT_SIZE(NOTIFYINFO, 12, 16);
LAYOUT_FIELD(NOTIFYINFO, dwNotifyStatus, 0, 0);
LAYOUT_FIELD(NOTIFYINFO, dwOperationStatus, 4, 4);
LAYOUT_FIELD(NOTIFYINFO, lpContext, 8, 8);

LAYOUT_SIZE(NETRESOURCE, 32, 48);
LAYOUT_FIELD(NETRESOURCE, dwScope, 0, 0);
LAYOUT_FIELD(NETRESOURCE, dwType, 4, 4);
LAYOUT_FIELD(NETRESOURCE, dwDisplayType, 8, 8);
LAYOUT_FIELD(NETRESOURCE, dwUsage, 12, 12);
LAYOUT_FIELD(NETRESOURCE, lpLocalName, 16, 16);
LAYOUT_FIELD(NETRESOURCE, lpRemoteName, 20, 24);
LAYOUT_FIELD(NETRESOURCE, lpComment, 24, 32);
LAYOUT_FIELD(NETRESOURCE, lpProvider, 28, 40);

LAYOUT_SIZE(NOTIFYADD, 40, 64);
LAYOUT_FIELD(NOTIFYADD, hwndOwner, 0, 0);
LAYOUT_FIELD(NOTIFYADD, NetResource, 4, 8);
LAYOUT_FIELD(NOTIFYADD, dwAddFlags, 36, 56);

LAYOUT_SIZE(NOTIFYCANCEL, 16, 24);
LAYOUT_FIELD(NOTIFYCANCEL, lpName, 0, 0);
LAYOUT_FIELD(NOTIFYCANCEL, lpProvider, 4, 8);
LAYOUT_FIELD(NOTIFYCANCEL, dwFlags, 8, 16);
LAYOUT_FIELD(NOTIFYCANCEL, fForce, 12, 20);

// The library's wide views, which it reads the SDK structures through.
namespace platform = mprnotify::platform;
LAYOUT_SIZE(platform::notify_info, 12, 16);
LAYOUT_SIZE(platform::net_resource_w, 32, 48);
LAYOUT_FIELD(platform::net_resource_w, lpLocalName, 16, 16);
LAYOUT_FIELD(platform::net_resource_w, lpRemoteName, 20, 24);
LAYOUT_FIELD(platform::net_resource_w, lpProvider, 28, 40);
LAYOUT_SIZE(platform::notify_add_w, 40, 64);
LAYOUT_FIELD(platform::notify_add_w, hwndOwner, 0, 0);
LAYOUT_FIELD(platform::notify_add_w, NetResource, 4, 8);
LAYOUT_FIELD(platform::notify_add_w, dwAddFlags, 36, 56);
LAYOUT_SIZE(platform::notify_cancel_w, 16, 24);
LAYOUT_FIELD(platform::notify_cancel_w, lpName, 0, 0);
LAYOUT_FIELD(platform::notify_cancel_w, lpProvider, 4, 8);
LAYOUT_FIELD(platform::notify_cancel_w, dwFlags, 8, 16);
LAYOUT_FIELD(platform::notify_cancel_w, fForce, 12, 20);

// The exported functions take exactly the SDK's parameter types.
static_assert(std::is_same_v<platform::notify_info_param, LPNOTIFYINFO>);
static_assert(std::is_same_v<platform::notify_add_param, LPNOTIFYADD>);
static_assert(std::is_same_v<platform::notify_cancel_param, LPNOTIFYCANCEL>);
static_assert(platform::notify_pre == NOTIFY_PRE && platform::notify_post == NOTIFY_POST);
