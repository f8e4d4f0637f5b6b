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

#include <mprnotify/notifyee/add_connection.hpp>
#include <mprnotify/core/platform.hpp>
#include <mprnotify/core/status.hpp>

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

// The library's constants against the SDK's: every wn_status, connect flag and resource type.
#define SAME_STATUS(ours, sdk)                                                                                         \
  static_assert(mprnotify::to_underlying(mprnotify::wn_status::ours) == (sdk), "wn_status::" #ours " != " #sdk)
SAME_STATUS(success, WN_SUCCESS);
SAME_STATUS(access_denied, WN_ACCESS_DENIED);
SAME_STATUS(bad_handle, WN_BAD_HANDLE);
SAME_STATUS(out_of_memory, WN_OUT_OF_MEMORY);
SAME_STATUS(device_error, WN_DEVICE_ERROR);
SAME_STATUS(not_supported, WN_NOT_SUPPORTED);
SAME_STATUS(net_error, WN_NET_ERROR);
SAME_STATUS(bad_dev_type, WN_BAD_DEV_TYPE);
SAME_STATUS(bad_netname, WN_BAD_NETNAME);
SAME_STATUS(already_connected, WN_ALREADY_CONNECTED);
SAME_STATUS(bad_password, WN_BAD_PASSWORD);
SAME_STATUS(bad_value, WN_BAD_VALUE);
SAME_STATUS(bad_level, WN_BAD_LEVEL);
SAME_STATUS(function_busy, WN_FUNCTION_BUSY);
SAME_STATUS(more_data, WN_MORE_DATA);
SAME_STATUS(no_more_entries, WN_NO_MORE_ENTRIES);
SAME_STATUS(bad_pointer, WN_BAD_POINTER);
SAME_STATUS(bad_localname, WN_BAD_LOCALNAME);
SAME_STATUS(connection_closed, WN_CONNECTION_CLOSED);
SAME_STATUS(no_net_or_bad_path, WN_NO_NET_OR_BAD_PATH);
SAME_STATUS(bad_provider, WN_BAD_PROVIDER);
SAME_STATUS(extended_error, WN_EXTENDED_ERROR);
SAME_STATUS(no_network, WN_NO_NETWORK);
SAME_STATUS(cancel, WN_CANCEL);
SAME_STATUS(retry, WN_RETRY);
SAME_STATUS(bad_user, WN_BAD_USER);
SAME_STATUS(not_connected, WN_NOT_CONNECTED);
SAME_STATUS(open_files, WN_OPEN_FILES);
SAME_STATUS(device_in_use, WN_DEVICE_IN_USE);
SAME_STATUS(no_error, WN_NO_ERROR);
SAME_STATUS(windows_error, WN_WINDOWS_ERROR);
SAME_STATUS(device_already_remembered, WN_DEVICE_ALREADY_REMEMBERED);
SAME_STATUS(cannot_open_profile, WN_CANNOT_OPEN_PROFILE);
SAME_STATUS(bad_profile, WN_BAD_PROFILE);
SAME_STATUS(not_container, WN_NOT_CONTAINER);
SAME_STATUS(not_authenticated, WN_NOT_AUTHENTICATED);
SAME_STATUS(not_logged_on, WN_NOT_LOGGED_ON);
SAME_STATUS(not_initializing, WN_NOT_INITIALIZING);
SAME_STATUS(no_more_devices, WN_NO_MORE_DEVICES);
SAME_STATUS(not_validated, WN_NOT_VALIDATED);
SAME_STATUS(connected_other_password, WN_CONNECTED_OTHER_PASSWORD);
SAME_STATUS(connected_other_password_default, WN_CONNECTED_OTHER_PASSWORD_DEFAULT);

#define SAME_FLAG(ours, sdk)                                                                                           \
  static_assert(static_cast<DWORD>(mprnotify::connect_flag::ours) == (sdk), "connect_flag::" #ours " != " #sdk)
SAME_FLAG(update_profile, CONNECT_UPDATE_PROFILE);
SAME_FLAG(update_recent, CONNECT_UPDATE_RECENT);
SAME_FLAG(temporary, CONNECT_TEMPORARY);
SAME_FLAG(interactive, CONNECT_INTERACTIVE);
SAME_FLAG(prompt, CONNECT_PROMPT);
SAME_FLAG(redirect, CONNECT_REDIRECT);
SAME_FLAG(command_line, CONNECT_COMMANDLINE);
SAME_FLAG(cmd_save_credentials, CONNECT_CMD_SAVECRED);

#define SAME_TYPE(ours, sdk)                                                                                           \
  static_assert(static_cast<DWORD>(mprnotify::resource_type::ours) == (sdk), "resource_type::" #ours " != " #sdk)
SAME_TYPE(any, RESOURCETYPE_ANY);
SAME_TYPE(disk, RESOURCETYPE_DISK);
SAME_TYPE(print, RESOURCETYPE_PRINT);

// The credential-manager structures (ntsecapi.h, not for every translation unit: its UNICODE_STRING
// collides with winternl.h's) against platform_provider.hpp's portable mirrors, and the constants
// of the credential-manager pair and of NPGetConnection3 / NPGetConnectionPerformance.
#include <ntsecapi.h>

#include <mprnotify/provider/connection_info.hpp>
#include <mprnotify/core/platform_provider.hpp>

LAYOUT_SIZE(UNICODE_STRING, 8, 16);
LAYOUT_FIELD(UNICODE_STRING, Length, 0, 0);
LAYOUT_FIELD(UNICODE_STRING, MaximumLength, 2, 2);
LAYOUT_FIELD(UNICODE_STRING, Buffer, 4, 8);
LAYOUT_SIZE(platform::unicode_string, 8, 16);
LAYOUT_FIELD(platform::unicode_string, Buffer, 4, 8);
LAYOUT_SIZE(MSV1_0_INTERACTIVE_LOGON, 28, 56);
LAYOUT_FIELD(MSV1_0_INTERACTIVE_LOGON, LogonDomainName, 4, 8);
LAYOUT_FIELD(MSV1_0_INTERACTIVE_LOGON, UserName, 12, 24);
LAYOUT_FIELD(MSV1_0_INTERACTIVE_LOGON, Password, 20, 40);
LAYOUT_SIZE(KERB_INTERACTIVE_LOGON, 28, 56);
LAYOUT_FIELD(KERB_INTERACTIVE_LOGON, LogonDomainName, 4, 8);
LAYOUT_FIELD(KERB_INTERACTIVE_LOGON, UserName, 12, 24);
LAYOUT_FIELD(KERB_INTERACTIVE_LOGON, Password, 20, 40);
LAYOUT_SIZE(platform::interactive_logon, 28, 56);
LAYOUT_FIELD(platform::interactive_logon, LogonDomainName, 4, 8);
LAYOUT_FIELD(platform::interactive_logon, UserName, 12, 24);
LAYOUT_FIELD(platform::interactive_logon, Password, 20, 40);
LAYOUT_SIZE(NETCONNECTINFOSTRUCT, 20, 20);
LAYOUT_SIZE(platform::net_connect_info, 20, 20);
static_assert(std::is_same_v<decltype(UNICODE_STRING::Buffer), decltype(platform::unicode_string::Buffer)>);
static_assert(sizeof(MSV1_0_LOGON_SUBMIT_TYPE) == sizeof(platform::interactive_logon::MessageType));
static_assert(platform::wn_valid_logon_account == WN_VALID_LOGON_ACCOUNT);
static_assert(platform::wn_nt_password_changed == WN_NT_PASSWORD_CHANGED);
static_assert(static_cast<DWORD>(mprnotify::connection_state::connected) == WNGETCON_CONNECTED);
static_assert(static_cast<DWORD>(mprnotify::connection_state::disconnected) == WNGETCON_DISCONNECTED);
static_assert(static_cast<DWORD>(mprnotify::performance_flags::for_net_card) == WNCON_FORNETCARD);
static_assert(static_cast<DWORD>(mprnotify::performance_flags::not_routed) == WNCON_NOTROUTED);
static_assert(static_cast<DWORD>(mprnotify::performance_flags::slow_link) == WNCON_SLOWLINK);
static_assert(static_cast<DWORD>(mprnotify::performance_flags::dynamic) == WNCON_DYNAMIC);
static_assert(platform::wnnc::con_get_performance == WNNC_CON_GETPERFORMANCE);
