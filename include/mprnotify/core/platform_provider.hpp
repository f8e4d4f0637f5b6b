// mprnotify/core/platform_provider.hpp - the network-provider side of the platform: the NP functions'
// signatures, the structures they fill in, and the WNNC_* / level constants.
//
// Like platform.hpp it is the only place that knows Windows from the host. On Windows every NP
// signature is taken from the SDK's own prototype (decltype), so an exported definition always
// matches the declaration the translation unit saw, whatever TCHAR is (MinGW-w64 declares
// NPAddConnection3's password and user name as LPTSTR); the library reads every string as UTF-16,
// because MPR calls providers with wide strings only. Off Windows the same signatures are spelled
// with the portable types of platform.hpp, and the structures are portable twins with the same
// field order; on Windows static_asserts prove the twins identical to the SDK's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "platform.hpp"

namespace mprnotify::platform {

/// UNIVERSAL_NAME_INFOW: one pointer into the same buffer.
struct universal_name_info_w {
    wchar_t* lpUniversalName;
};

/// REMOTE_NAME_INFOW: three pointers into the same buffer.
struct remote_name_info_w {
    wchar_t* lpUniversalName;
    wchar_t* lpConnectionName;
    wchar_t* lpRemainingPath;
};

/// UNICODE_STRING: Length and MaximumLength count bytes (sizeof(wchar_t) per character: 4 off
/// Windows, where the portable layer keeps wchar_t); Buffer is not NUL-terminated.
struct unicode_string {
    std::uint16_t Length;
    std::uint16_t MaximumLength;
    wchar_t* Buffer;
};

/// MSV1_0_INTERACTIVE_LOGON, and KERB_INTERACTIVE_LOGON (the same fields in the same order; ntsecapi.h).
/// The check against the SDK's types is tests/windows/layouts.cpp: ntsecapi.h is not for every
/// translation unit (its UNICODE_STRING collides with winternl.h's).
struct interactive_logon {
    std::int32_t MessageType; // an enum in the SDK: int-sized
    unicode_string LogonDomainName;
    unicode_string UserName;
    unicode_string Password;
};

/// NETCONNECTINFOSTRUCT (winnetwk.h): NPGetConnectionPerformance's answer.
struct net_connect_info {
    std::uint32_t cbStructure;
    std::uint32_t dwFlags;
    std::uint32_t dwSpeed;
    std::uint32_t dwDelay;
    std::uint32_t dwOptDataSize;
};

#if MPRNOTIFY_PLATFORM_WINDOWS

#  define MPRNOTIFY_SAME_FIELD(ours, sdk, field)                                                                       \
    static_assert(offsetof(ours, field) == offsetof(sdk, field), #ours "::" #field " offset")
static_assert(sizeof(universal_name_info_w) == sizeof(::UNIVERSAL_NAME_INFOW), "UNIVERSAL_NAME_INFOW size");
MPRNOTIFY_SAME_FIELD(universal_name_info_w, ::UNIVERSAL_NAME_INFOW, lpUniversalName);
static_assert(sizeof(remote_name_info_w) == sizeof(::REMOTE_NAME_INFOW), "REMOTE_NAME_INFOW size");
MPRNOTIFY_SAME_FIELD(remote_name_info_w, ::REMOTE_NAME_INFOW, lpUniversalName);
MPRNOTIFY_SAME_FIELD(remote_name_info_w, ::REMOTE_NAME_INFOW, lpConnectionName);
MPRNOTIFY_SAME_FIELD(remote_name_info_w, ::REMOTE_NAME_INFOW, lpRemainingPath);
static_assert(sizeof(net_connect_info) == sizeof(::NETCONNECTINFOSTRUCT), "NETCONNECTINFOSTRUCT size");
MPRNOTIFY_SAME_FIELD(net_connect_info, ::NETCONNECTINFOSTRUCT, cbStructure);
MPRNOTIFY_SAME_FIELD(net_connect_info, ::NETCONNECTINFOSTRUCT, dwFlags);
MPRNOTIFY_SAME_FIELD(net_connect_info, ::NETCONNECTINFOSTRUCT, dwSpeed);
MPRNOTIFY_SAME_FIELD(net_connect_info, ::NETCONNECTINFOSTRUCT, dwDelay);
MPRNOTIFY_SAME_FIELD(net_connect_info, ::NETCONNECTINFOSTRUCT, dwOptDataSize);
#  undef MPRNOTIFY_SAME_FIELD

/// The NP functions' types, exactly as the SDK header the translation unit included declares them.
namespace np_signature {
using NPGetCaps = decltype(::NPGetCaps);
using NPAddConnection = decltype(::NPAddConnection);
using NPAddConnection3 = decltype(::NPAddConnection3);
using NPCancelConnection = decltype(::NPCancelConnection);
using NPGetConnection = decltype(::NPGetConnection);
using NPGetConnection3 = decltype(::NPGetConnection3);
using NPGetConnectionPerformance = decltype(::NPGetConnectionPerformance);
using NPGetUniversalName = decltype(::NPGetUniversalName);
using NPGetUser = decltype(::NPGetUser);
using NPOpenEnum = decltype(::NPOpenEnum);
using NPEnumResource = decltype(::NPEnumResource);
using NPCloseEnum = decltype(::NPCloseEnum);
using NPGetResourceInformation = decltype(::NPGetResourceInformation);
using NPGetResourceParent = decltype(::NPGetResourceParent);
using NPFormatNetworkName = decltype(::NPFormatNetworkName);
using NPLogonNotify = decltype(::NPLogonNotify);
using NPPasswordChangeNotify = decltype(::NPPasswordChangeNotify);
} // namespace np_signature

using luid = ::LUID;

/// NPLogonNotify's *lpLogonScript: LocalAlloc'd, freed by MPR with LocalFree (the page says so).
inline void* local_alloc(std::size_t bytes) noexcept { return ::LocalAlloc(LMEM_FIXED, bytes); }
inline void local_free(void* memory) noexcept { static_cast<void>(::LocalFree(memory)); }

#else // the portable spelling of the same signatures

namespace np_signature {
using NPGetCaps = dword(dword);
using NPAddConnection = dword(net_resource_w*, wchar_t*, wchar_t*);
using NPAddConnection3 = dword(window_handle, net_resource_w*, wchar_t*, wchar_t*, dword);
using NPCancelConnection = dword(wchar_t*, std::int32_t);
using NPGetConnection = dword(wchar_t*, wchar_t*, dword*);
using NPGetConnection3 = dword(const wchar_t*, dword, void*, dword*);
using NPGetConnectionPerformance = dword(const wchar_t*, net_connect_info*);
using NPGetUniversalName = dword(wchar_t*, dword, void*, dword*);
using NPGetUser = dword(wchar_t*, wchar_t*, dword*);
using NPOpenEnum = dword(dword, dword, dword, net_resource_w*, void**);
using NPEnumResource = dword(void*, dword*, void*, dword*);
using NPCloseEnum = dword(void*);
using NPGetResourceInformation = dword(net_resource_w*, void*, dword*, wchar_t**);
using NPGetResourceParent = dword(net_resource_w*, void*, dword*);
using NPFormatNetworkName = dword(wchar_t*, wchar_t*, dword*, dword, dword);
} // namespace np_signature

/// LUID: a logon session's identifier.
struct luid {
    std::uint32_t LowPart;
    std::int32_t HighPart;
};

/// LocalAlloc / LocalFree off Windows: the C heap, so the simulated MPR frees what a provider returned.
// NOLINTBEGIN(cppcoreguidelines-no-malloc): LocalAlloc's stand-in, memory a C-style caller frees
inline void* local_alloc(std::size_t bytes) noexcept { return std::malloc(bytes); }
inline void local_free(void* memory) noexcept { std::free(memory); }
// NOLINTEND(cppcoreguidelines-no-malloc)

namespace np_signature {
using NPLogonNotify = dword(luid*, const wchar_t*, void*, const wchar_t*, void*, wchar_t*, void*, wchar_t**);
using NPPasswordChangeNotify = dword(const wchar_t*, void*, const wchar_t*, void*, wchar_t*, void*, dword);
} // namespace np_signature

#endif

} // namespace mprnotify::platform

namespace mprnotify::detail {
/// The I-th type of a pack, without instantiating std::tuple (and without including <tuple>).
template <std::size_t I, class First, class... Rest>
struct nth_type {
    using type = typename nth_type<I - 1, Rest...>::type;
};
template <class First, class... Rest>
struct nth_type<0, First, Rest...> {
    using type = First;
};
} // namespace mprnotify::detail

namespace mprnotify::platform {

/// The parameter types of an NP function type: `parameters<np_signature::NPGetUser>::at<2>`.
template <class Function>
struct parameters;
template <class Result, class... Args>
struct parameters<Result MPRNOTIFY_APIENTRY(Args...)> {
    template <std::size_t I>
    using at = typename mprnotify::detail::nth_type<I, Args...>::type;
    static constexpr std::size_t count = sizeof...(Args);
    /// Bytes of arguments on the x86 stack (the `@N` of a __stdcall name): every NP argument is
    /// a pointer or a DWORD-sized integer.
    static constexpr std::size_t x86_argument_bytes = 4 * sizeof...(Args);
};

/// Pointers to the NP functions, as a router that found them by name calls them.
using np_get_caps_fn = np_signature::NPGetCaps*;
using np_add_connection_fn = np_signature::NPAddConnection*;
using np_add_connection3_fn = np_signature::NPAddConnection3*;
using np_cancel_connection_fn = np_signature::NPCancelConnection*;
using np_get_connection_fn = np_signature::NPGetConnection*;
using np_get_connection3_fn = np_signature::NPGetConnection3*;
using np_get_connection_performance_fn = np_signature::NPGetConnectionPerformance*;
using np_get_universal_name_fn = np_signature::NPGetUniversalName*;
using np_get_user_fn = np_signature::NPGetUser*;
using np_open_enum_fn = np_signature::NPOpenEnum*;
using np_enum_resource_fn = np_signature::NPEnumResource*;
using np_close_enum_fn = np_signature::NPCloseEnum*;
using np_get_resource_information_fn = np_signature::NPGetResourceInformation*;
using np_get_resource_parent_fn = np_signature::NPGetResourceParent*;
using np_format_network_name_fn = np_signature::NPFormatNetworkName*;
using np_logon_notify_fn = np_signature::NPLogonNotify*;
using np_password_change_notify_fn = np_signature::NPPasswordChangeNotify*;

/// NPGetCaps indexes (npapi.h WNNC_*).
namespace wnnc {
inline constexpr dword spec_version = 0x01;
inline constexpr dword net_type = 0x02;
inline constexpr dword driver_version = 0x03;
inline constexpr dword user = 0x04;
inline constexpr dword connection = 0x06;
inline constexpr dword dialog = 0x08;
inline constexpr dword admin = 0x09;
inline constexpr dword enumeration = 0x0B;
inline constexpr dword start = 0x0C;

/// The answer to spec_version: the NP specification these functions follow.
inline constexpr dword spec_version_51 = 0x00050001;

// WNNC_USER bits
inline constexpr dword usr_get_user = 0x01;
// WNNC_CONNECTION bits
inline constexpr dword con_add_connection = 0x01;
inline constexpr dword con_cancel_connection = 0x02;
inline constexpr dword con_get_connections = 0x04;
inline constexpr dword con_add_connection3 = 0x08;
inline constexpr dword con_get_performance = 0x40;
inline constexpr dword con_defer = 0x80;
// WNNC_DIALOG bits
inline constexpr dword dlg_format_network_name = 0x80;
inline constexpr dword dlg_get_resource_parent = 0x200;
inline constexpr dword dlg_get_resource_information = 0x800;
// WNNC_ENUMERATION bits
inline constexpr dword enum_global = 0x01;
inline constexpr dword enum_local = 0x02;
inline constexpr dword enum_context = 0x04;
inline constexpr dword enum_shareable = 0x08;
} // namespace wnnc

/// NPFormatNetworkName's dwFlags (winnetwk.h WNFMT_*).
inline constexpr dword wnfmt_multiline = 0x01;
inline constexpr dword wnfmt_abbreviated = 0x02;
inline constexpr dword wnfmt_inenum = 0x10;

/// NPGetUniversalName's dwInfoLevel (winnetwk.h).
inline constexpr dword universal_name_info_level = 0x1;
inline constexpr dword remote_name_info_level = 0x2;

/// NPGetConnection3's only dwLevel: the buffer receives a DWORD, WNGETCON_CONNECTED or _DISCONNECTED.
inline constexpr dword get_connection3_level = 1;

/// NPPasswordChangeNotify's dwChangeInfo bits (npapi.h).
inline constexpr dword wn_valid_logon_account = 0x01;
inline constexpr dword wn_nt_password_changed = 0x02;

/// The authentication types Microsoft's authenticators pass (NPLogonNotify's page), and the station
/// whose StationHandle is a window.
inline constexpr wchar_t msv1_0_interactive[] = L"MSV1_0:Interactive";
inline constexpr wchar_t kerberos_interactive[] = L"Kerberos:Interactive";
inline constexpr wchar_t interactive_station[] = L"WinSta_0";

/// CONNECT_INTERACTIVE: the only flag that makes NPAddConnection3's hwndOwner meaningful.
inline constexpr dword connect_interactive = 0x8;

/// The plain names MPR looks the functions up by.
namespace np_name {
inline constexpr const char get_caps[] = "NPGetCaps";
inline constexpr const char add_connection[] = "NPAddConnection";
inline constexpr const char add_connection3[] = "NPAddConnection3";
inline constexpr const char cancel_connection[] = "NPCancelConnection";
inline constexpr const char get_connection[] = "NPGetConnection";
inline constexpr const char get_connection3[] = "NPGetConnection3";
inline constexpr const char get_connection_performance[] = "NPGetConnectionPerformance";
inline constexpr const char get_universal_name[] = "NPGetUniversalName";
inline constexpr const char get_user[] = "NPGetUser";
inline constexpr const char open_enum[] = "NPOpenEnum";
inline constexpr const char enum_resource[] = "NPEnumResource";
inline constexpr const char close_enum[] = "NPCloseEnum";
inline constexpr const char get_resource_information[] = "NPGetResourceInformation";
inline constexpr const char get_resource_parent[] = "NPGetResourceParent";
inline constexpr const char format_network_name[] = "NPFormatNetworkName";
inline constexpr const char logon_notify[] = "NPLogonNotify";
inline constexpr const char password_change_notify[] = "NPPasswordChangeNotify";
} // namespace np_name

} // namespace mprnotify::platform
